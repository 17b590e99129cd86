// Braiins OS (BOSminer, BOSminer+, BOSer) driver: reads over the cgminer-compatible API on TCP 4028, controls BOS+
// rigs over the gRPC Public API on TCP 50051.
// Sources: ../shared/PROTOCOLS.md A3 (fixtures bosminer_version.json, bosminerplus_{version,summary,pools,fans}.json);
// Braiins' own API docs with example replies (tgr-braiins/braiins-os-docs
// braiins-os-plus-en/source/Development/1_api.rst @ 5264b1f4: fans, tempctrl, temps, tunerstatus, devdetails, pause,
// resume); foreman-apps AntminerStatsITest.java "Antminer S9 (bOS+)" (temps, devs); UpstreamData/pyasic
// (miners/factory.py, miners/backends/braiins_os.py, web/braiins_os/boser.py and proto stubs); braiins/bos-plus-api
// (protos, README, CHANGELOG); grpc/grpc doc/PROTOCOL-HTTP2.md. Details at the top of each file in this folder.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities, RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import { cgminerFlavour } from '../cgminer/flavour.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { bosCapabilities, bosGeneration } from './capabilities.js';
import { applyOverCgminerApi, applyOverGrpc } from './control.js';
import { BOS_GRPC_PORT } from './grpc-client.js';
import { identityFromBosReplies } from './identity.js';
import { replyOf } from './parse.js';
import { askSection, fetchReplies } from './read.js';
import { snapshotFromBosReplies } from './snapshot.js';

export interface BosminerDriverOptions {
  /** The gRPC Public API port; 50051 on every BOS+ rig. Tests may point it elsewhere. */
  grpcPort?: number;
}

/** Below this much time left, a probe does not start another exchange. */
const MIN_EXCHANGE_MS = 20;

export class BosminerDriver implements Driver {
  readonly family = 'bosminer' as const;
  readonly ports = [4028] as const;
  private readonly grpcPort: number;
  /** Rigs that did not take a "+" multi-command: asked one command per connection from then on. */
  private readonly noMultiCommand = new Set<string>();

  constructor(options: BosminerDriverOptions = {}) {
    this.grpcPort = options.grpcPort ?? BOS_GRPC_PORT;
  }

  async probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    try {
      const deadline = Date.now() + target.timeoutMs;
      const version = await target.cgminerVersion();
      if (!version.ok || !('VERSION' in version.value) || cgminerFlavour(version.value) !== 'bosminer') return null;
      const remainingMs = deadline - Date.now();
      const devdetails =
        remainingMs > MIN_EXCHANGE_MS
          ? await askSection(target.host, target.port, 'devdetails', remainingMs, signal)
          : null;
      return identityFromBosReplies(target.host, target.port, version.value, replyOf(devdetails ?? undefined));
    } catch {
      // A probe answers "not mine" rather than fail discovery for every other family.
      return null;
    }
  }

  capabilities(identity: RigIdentity): Capabilities {
    return bosCapabilities(identity);
  }

  async read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot> {
    const { host, port, model } = target.identity;
    const key = `${host}:${port}`;
    const { replies, multi } = await fetchReplies(
      host,
      port,
      target.timeoutMs,
      signal,
      !this.noMultiCommand.has(key),
    ).catch((error: unknown) => {
      if (error instanceof RigwiseError) throw error;
      throw new RigwiseError('RIG_UNREACHABLE', `${key} could not be read.`);
    });
    if (!multi) this.noMultiCommand.add(key);
    const summary = replies.get('summary');
    if (!summary || summary.kind === 'error') {
      throw summary?.error ?? new RigwiseError('RIG_BAD_REPLY', `${key} sent no summary.`);
    }
    return snapshotFromBosReplies(replies, model, Date.now());
  }

  async apply(target: ApplyTarget, change: RigChange, signal: AbortSignal): Promise<void> {
    refuseUnoffered(this.capabilities(target.identity), change, target.identity.model);
    if (bosGeneration(target.identity.firmware) === 'boser') {
      await applyOverGrpc(target, change, this.grpcPort, signal);
      return;
    }
    if (change.kind !== 'pause' && change.kind !== 'resume') {
      throw new RigwiseError('RIG_ERROR', `${target.identity.model} does not take "${change.kind}" from Rigwise.`);
    }
    await applyOverCgminerApi(target, change.kind, signal);
  }
}

/** A change the capabilities do not offer is refused before anything is sent. */
function refuseUnoffered(capabilities: Capabilities, change: RigChange, model: string): void {
  const refuse = (why: string): never => {
    throw new RigwiseError('RIG_ERROR', `${model} on Braiins OS: ${why}`);
  };
  switch (change.kind) {
    case 'pools':
      if (!capabilities.pools) refuse('pools cannot be changed from Rigwise on this firmware.');
      else if (change.pools.length > capabilities.pools.max) refuse(`at most ${capabilities.pools.max} pools.`);
      return;
    case 'powerTarget': {
      const range = capabilities.powerTargetW;
      if (!range) refuse('the power target cannot be changed from Rigwise on this firmware.');
      else if (change.watts < range.min || change.watts > range.max) {
        refuse(`the power target must be ${range.min}-${range.max} W.`);
      }
      return;
    }
    case 'pause':
    case 'resume':
      if (!capabilities.pauseResume) refuse('mining cannot be paused from Rigwise.');
      return;
    case 'restart':
      if (!capabilities.restart) refuse('the miner cannot be restarted from Rigwise on this firmware.');
      return;
    case 'frequency':
    case 'voltage':
    case 'threads':
      refuse(`"${change.kind}" is tuned by the firmware's autotuner and is not offered.`);
  }
}
