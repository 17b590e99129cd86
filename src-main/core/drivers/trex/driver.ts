// T-Rex (NVIDIA GPU miner) over its HTTP API.
// Sources: ../shared/PROTOCOLS.md A7 (T-Rex row and 0.9.1 fixture); trexminer/T-Rex wiki pages "API" (handlers
// login/logout/config/summary/control, default bind 127.0.0.1:4067) and "WebUI" (read-only unless --api-key is set);
// trexminer/T-Rex issue #1189 (refusal shape); HiveOS minershive/hiveos-linux hive/miners/t-rex/h-stats.sh (H/s
// units) and h-config.sh (pool list format); newer captures cited in ./fixtures.ts.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities, RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { probeJson, requestJson } from '../gpu-common/http.js';
import { applyTrexChange, isTrexChange } from './control.js';
import { isTrexSummary, trexIdentity, trexRefusal, trexSnapshot } from './summary.js';

/** "By default HTTP API server binds to 127.0.0.1:4067" (T-Rex wiki, API): the one documented default of the four. */
export const TREX_PORT = 4067;

/** T-Rex keeps a failover list; Rigwise's pool change carries at most three pools (src-shared RigChangeSchema). */
const TREX_CAPABILITIES: Capabilities = {
  pools: { max: 3 },
  powerTargetW: null,
  frequencyMhz: null,
  voltageMv: null,
  threads: null,
  pauseResume: true,
  restart: false,
  needsCredential: 'apiToken',
};

export class TrexDriver implements Driver {
  readonly family = 'trex' as const;
  readonly ports = [TREX_PORT] as const;

  async probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    const reply = await probeJson(target, '/summary', signal);
    return reply ? trexIdentity(target.host, target.port, reply) : null;
  }

  async read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot> {
    const { host, port } = target.identity;
    const reply = await requestJson({ host, port, path: '/summary', timeoutMs: target.timeoutMs, signal });
    const refusal = trexRefusal(reply);
    if (refusal) throw refusal;
    if (!isTrexSummary(reply)) throw new RigwiseError('RIG_BAD_REPLY', `${host}:${port} no longer answers as T-Rex.`);
    return trexSnapshot(reply, Date.now());
  }

  capabilities(_identity: RigIdentity): Capabilities {
    return TREX_CAPABILITIES;
  }

  async apply(target: ApplyTarget, change: RigChange, signal: AbortSignal): Promise<void> {
    if (!isTrexChange(change)) {
      throw new RigwiseError(
        'RIG_ERROR',
        `T-Rex's API cannot "${change.kind}"; Rigwise offers pools and pause/resume.`,
      );
    }
    await applyTrexChange(target, change, signal);
  }
}
