// AxeOS family driver: Bitaxe (ESP-Miner firmware), NerdQAxe and LuckyMiner builds of it, over plain HTTP on port 80.
// Sources: ../shared/PROTOCOLS.md A5 (v2.6.0 capture, endpoints, control); bitaxeorg/ESP-Miner
// main/http_server/openapi.yaml, http_server.c, device_config.h; shufps/ESP-Miner-NerdQAxePlus
// main/http_server/handler_system.cpp; pyasic (detection by ASICModel). No authentication exists beyond the firmware's
// "allowed network range" check (401), so no credential is asked for.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities, RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { httpJson, httpRequest } from '../http-json.js';
import { axeosCapabilities, axeosRequestFor, type LearnedRanges } from './control.js';
import { identityFromInfo, needsDeviceModel } from './identity.js';
import { looksLikeAxeos, readAsicSettings, type AsicSettings } from './parse.js';
import { snapshotFromInfo } from './snapshot.js';

/** A system-info reply is ~2 KB (NerdQAxe with history a few tens of KB); anything past this is not AxeOS. */
const MAX_REPLY_BYTES = 256 * 1024;
/** Below this much time left, a best-effort extra request is not worth starting. */
const MIN_EXTRA_MS = 50;

function baseUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export class AxeosDriver implements Driver {
  readonly family = 'axeos' as const;
  readonly ports = [80] as const;
  /** Option lists learned from GET /api/system/asic, per rig; rigs without the endpoint fall back to the table. */
  private readonly learned = new Map<string, LearnedRanges>();
  /** Rigs whose /api/system/asic has answered (with the lists or without): it is static, so once is enough. */
  private readonly asked = new Set<string>();

  async probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    const deadline = Date.now() + target.timeoutMs;
    try {
      const info = await httpJson({
        url: `${baseUrl(target.host, target.port)}/api/system/info`,
        timeoutMs: target.timeoutMs,
        maxBytes: MAX_REPLY_BYTES,
        signal,
      });
      if (!looksLikeAxeos(info)) return null;
      const remainingMs = deadline - Date.now();
      // Newer ESP-Miner names the device only in /api/system/asic; the same reply gives the option lists.
      const asic =
        remainingMs > MIN_EXTRA_MS ? await this.askAsic(target.host, target.port, remainingMs, signal) : null;
      const asked = needsDeviceModel(info) ? (asic?.deviceModel ?? null) : null;
      return identityFromInfo(target.host, target.port, info, asked);
    } catch {
      return null;
    }
  }

  async read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot> {
    const { host, port } = target.identity;
    const key = `${host}:${port}`;
    const infoRequest = httpJson({
      url: `${baseUrl(host, port)}/api/system/info`,
      timeoutMs: target.timeoutMs,
      maxBytes: MAX_REPLY_BYTES,
      signal,
    });
    const asicRequest = this.asked.has(key) ? null : this.askAsic(host, port, target.timeoutMs, signal);
    const [info] = await Promise.all([infoRequest, asicRequest]);
    if (!looksLikeAxeos(info)) {
      throw new RigwiseError('RIG_BAD_REPLY', `${key} answered /api/system/info without the AxeOS fields.`);
    }
    return snapshotFromInfo(info, Date.now());
  }

  capabilities(identity: RigIdentity): Capabilities {
    return axeosCapabilities(identity.model, this.learned.get(`${identity.host}:${identity.port}`) ?? null);
  }

  async apply(target: ApplyTarget, change: RigChange, signal: AbortSignal): Promise<void> {
    const { host, port, model } = target.identity;
    const request = axeosRequestFor(change, this.capabilities(target.identity), model);
    if (request instanceof RigwiseError) throw request;
    const reply = await httpRequest({
      method: request.method,
      url: `${baseUrl(host, port)}${request.path}`,
      ...(request.body === undefined ? {} : { body: request.body }),
      timeoutMs: target.timeoutMs,
      maxBytes: 64 * 1024,
      signal,
    });
    if (reply.status >= 200 && reply.status < 300) return;
    if (reply.status === 401 || reply.status === 403) {
      // ESP-Miner: "Client not in allowed network range"; NerdQAxe with OTP on: "OTP/Session required".
      throw new RigwiseError(
        'UNAUTHORIZED',
        `${model} at ${host} refused the change (HTTP ${reply.status}): it does not accept changes from this address or needs a one-time code.`,
      );
    }
    if (reply.status === 400) {
      throw new RigwiseError(
        'RIG_ERROR',
        `${model} at ${host} rejected the ${change.kind} change as invalid (HTTP 400).`,
      );
    }
    throw new RigwiseError(
      'RIG_ERROR',
      `${model} at ${host} answered the ${change.kind} change with HTTP ${reply.status}.`,
    );
  }

  /** Best effort: the option lists, remembered for capabilities(); null when the firmware has no such endpoint. */
  private async askAsic(
    host: string,
    port: number,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<AsicSettings | null> {
    const key = `${host}:${port}`;
    this.asked.add(key);
    try {
      const reply = await httpJson({
        url: `${baseUrl(host, port)}/api/system/asic`,
        timeoutMs,
        maxBytes: MAX_REPLY_BYTES,
        signal,
      });
      const settings = readAsicSettings(reply);
      if (settings.frequencyMhz || settings.voltageMv) {
        this.learned.set(key, { frequencyMhz: settings.frequencyMhz, voltageMv: settings.voltageMv });
      }
      return settings;
    } catch (error) {
      // An answer that is not the endpoint (404, a redirect, garbage) is final; a timeout is asked again next read.
      if (error instanceof RigwiseError && error.code === 'RIG_UNREACHABLE') this.asked.delete(key);
      return null;
    }
  }
}
