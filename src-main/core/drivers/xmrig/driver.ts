// XMRig family driver: the XMRig CPU/GPU miner's HTTP API (v2 paths, v1 summary as a fallback).
// Sources: ../shared/PROTOCOLS.md A6; xmrig/xmrig doc/API.md, doc/api/2/*.json, doc/CPU.md, doc/CPU_MAX_USAGE.md,
// src/base/api/Httpd.cpp (auth: with an access token set every request needs "Authorization: Bearer <token>", a
// missing header is 401, a wrong token 403; non-GET on a restricted API is 403; non-GET without
// "Content-Type: application/json" is 415), src/base/kernel/Base.cpp (PUT /2/config answers 204, or 400 when the
// config does not load), src/base/api/requests/HttpApiRequest.cpp (JSON-RPC replies).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities, RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { JsonObject } from '../cgminer/parse.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { isObject } from '../fields.js';
import { httpRequest, type HttpReply } from '../http-json.js';
import { configWithThreads, profileForAlgo, rpcOutcome, xmrigCapabilities, type XmrigLearned } from './control.js';
import { devicesFromBackends } from './devices.js';
import { identityFromSummary, tokenRequiredIdentity } from './identity.js';
import { looksLikeXmrig, looksLikeXmrigRefusal, parseJsonText, readSummary } from './parse.js';
import { configWithPools } from './pools.js';
import { snapshotFromReplies } from './snapshot.js';

/** A config or backends reply is a few KB; 1 MiB leaves room for many GPUs and long pool lists. */
const MAX_REPLY_BYTES = 1024 * 1024;
/** Visible ASCII only: anything else cannot go in a header, and fetch's error would quote it. */
const TOKEN_PATTERN = /^[\x21-\x7e]{1,512}$/;

/** The fleet passes the credential with reads too where it has one: a token-protected XMRig refuses even GETs. */
export type XmrigReadTarget = ReadTarget & { credential?: string | null };

interface Call {
  host: string;
  port: number;
  credential: string | null;
  /** Every request of one read or apply shares one deadline, so a change of several steps ends on time. */
  deadline: number;
  signal: AbortSignal;
}

function baseUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function authHeaders(credential: string | null): Record<string, string> {
  if (credential === null) return {};
  if (!TOKEN_PATTERN.test(credential)) {
    throw new RigwiseError('UNAUTHORIZED', 'The XMRig API token holds characters that cannot be sent in a header.');
  }
  return { Authorization: `Bearer ${credential}` };
}

function refused(reply: HttpReply, where: string): RigwiseError {
  return new RigwiseError(
    'UNAUTHORIZED',
    reply.status === 401
      ? `${where} needs the XMRig API access token (HTTP 401).`
      : `${where} refused: wrong access token, or the API is restricted ("restricted": true) (HTTP 403).`,
  );
}

/** One request; the reply as JSON of any shape, or a RigwiseError. The token never appears in a message. */
async function call(target: Call, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const where = `${target.host}:${target.port}${path}`;
  const reply = await httpRequest({
    method,
    url: `${baseUrl(target.host, target.port)}${path}`,
    headers: authHeaders(target.credential),
    ...(body === undefined ? {} : { body }),
    timeoutMs: Math.max(1, target.deadline - Date.now()),
    maxBytes: MAX_REPLY_BYTES,
    signal: target.signal,
  });
  if (reply.status === 401 || reply.status === 403) throw refused(reply, where);
  if (reply.status === 204) return null;
  if (reply.status < 200 || reply.status >= 300) {
    throw new RigwiseError('RIG_ERROR', `${where} answered HTTP ${reply.status}.`);
  }
  const parsed = parseJsonText(reply.text);
  if (parsed instanceof RigwiseError) throw new RigwiseError('RIG_BAD_REPLY', `${where} did not send JSON.`);
  return parsed;
}

async function callObject(
  target: Call,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body?: unknown,
): Promise<JsonObject> {
  const value = await call(target, method, path, body);
  if (!isObject(value))
    throw new RigwiseError('RIG_BAD_REPLY', `${target.host}:${target.port}${path} did not send a JSON object.`);
  return value;
}

export class XmrigDriver implements Driver {
  readonly family = 'xmrig' as const;
  /**
   * XMRig has no fixed API port ("zero port is valid option and means random port"; the docs' example is 44444). 8080
   * is the conventional choice for miner HTTP APIs and the one Rigwise scans; rigs on other ports are added by hand.
   */
  readonly ports = [8080] as const;
  private readonly learned = new Map<string, XmrigLearned>();

  /** A token, where the caller has one for this host, lets a protected rig be identified by model too. */
  async probe(target: ProbeTarget & { credential?: string | null }, signal: AbortSignal): Promise<RigIdentity | null> {
    const deadline = Date.now() + target.timeoutMs;
    try {
      const headers = authHeaders(target.credential ?? null);
      for (const version of ['2', '1'] as const) {
        const remainingMs = deadline - Date.now();
        if (remainingMs <= 0) return null;
        const url = `${baseUrl(target.host, target.port)}/${version}/summary`;
        const reply = await httpRequest({ url, headers, timeoutMs: remainingMs, maxBytes: MAX_REPLY_BYTES, signal });
        if (looksLikeXmrigRefusal(reply.status, reply.headers, reply.text))
          return tokenRequiredIdentity(target.host, target.port);
        if (reply.status === 404 && version === '2') continue;
        const summary = parseJsonText(reply.text);
        if (reply.status !== 200 || !isObject(summary) || !looksLikeXmrig(summary)) return null;
        this.learn(target.host, target.port, summary, null);
        return identityFromSummary(target.host, target.port, summary, version);
      }
      return null;
    } catch {
      return null;
    }
  }

  async read(target: XmrigReadTarget, signal: AbortSignal): Promise<RigSnapshot> {
    const { host, port, apiVersion } = target.identity;
    const credential = target.credential ?? null;
    const base: Call = { host, port, credential, deadline: Date.now() + target.timeoutMs, signal };
    const version = apiVersion === '1' ? '1' : '2';
    const optional = (path: string): Promise<unknown> => call(base, 'GET', path).catch(() => null);
    const [summary, backends, config] = await Promise.all([
      callObject(base, 'GET', `/${version}/summary`),
      version === '2' ? optional('/2/backends') : Promise.resolve(null),
      version === '2' && credential !== null ? optional('/2/config') : Promise.resolve(null),
    ]);
    if (!looksLikeXmrig(summary))
      throw new RigwiseError('RIG_BAD_REPLY', `${host}:${port} sent a summary that is not XMRig's.`);
    this.learn(host, port, summary, backends);
    return snapshotFromReplies({ summary, backends, config: isObject(config) ? config : null }, Date.now());
  }

  capabilities(identity: RigIdentity): Capabilities {
    return xmrigCapabilities(this.learned.get(`${identity.host}:${identity.port}`) ?? null);
  }

  async apply(target: ApplyTarget, change: RigChange, signal: AbortSignal): Promise<void> {
    const { host, port, model } = target.identity;
    const base: Call = { host, port, credential: target.credential, deadline: Date.now() + target.timeoutMs, signal };
    const capabilities = this.capabilities(target.identity);
    switch (change.kind) {
      case 'pools': {
        if (change.pools.length > (capabilities.pools?.max ?? 0)) {
          throw new RigwiseError('RIG_ERROR', `Rigwise sets at most ${capabilities.pools?.max ?? 0} pools on XMRig.`);
        }
        const config = await callObject(base, 'GET', '/2/config');
        const next = configWithPools(config, change.pools);
        if (next instanceof RigwiseError) throw next;
        await call(base, 'PUT', '/2/config', next);
        return;
      }
      case 'threads': {
        const range = capabilities.threads;
        if (!range || change.count < range.min || change.count > range.max) {
          throw new RigwiseError(
            'RIG_ERROR',
            range
              ? `${model} takes ${range.min}-${range.max} CPU threads, not ${change.count}.`
              : `${model} is not mining on its CPU; read it again first.`,
          );
        }
        const [summary, backends, config] = await Promise.all([
          callObject(base, 'GET', '/2/summary'),
          call(base, 'GET', '/2/backends'),
          callObject(base, 'GET', '/2/config'),
        ]);
        const profile = devicesFromBackends(backends, false).cpuProfile ?? profileForAlgo(readSummary(summary).algo);
        if (!profile) throw new RigwiseError('RIG_ERROR', `${model} does not say which CPU profile it mines with.`);
        const next = configWithThreads(config, profile, change.count);
        if (next instanceof RigwiseError) throw next;
        await call(base, 'PUT', '/2/config', next);
        return;
      }
      case 'pause':
      case 'resume': {
        const reply = await callObject(base, 'POST', '/json_rpc', { method: change.kind, id: 1 });
        const problem = rpcOutcome(reply, change.kind);
        if (problem) throw problem;
        return;
      }
      case 'restart':
      case 'powerTarget':
      case 'frequency':
      case 'voltage':
        throw new RigwiseError('RIG_ERROR', `XMRig's API has no "${change.kind}" control.`);
    }
  }

  private learn(host: string, port: number, summary: JsonObject, backends: unknown): void {
    const key = `${host}:${port}`;
    const previous = this.learned.get(key);
    const devices = Array.isArray(backends) ? devicesFromBackends(backends, false) : null;
    this.learned.set(key, {
      logicalCpus: readSummary(summary).cpuThreads ?? previous?.logicalCpus ?? null,
      cpuMining: devices ? devices.cpuThreads !== null : (previous?.cpuMining ?? null),
    });
  }
}
