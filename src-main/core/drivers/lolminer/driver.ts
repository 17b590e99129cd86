// lolMiner (AMD/NVIDIA GPU miner) over its HTTP API, `GET /summary`.
// Sources: ../shared/PROTOCOLS.md A7 (lolMiner row, 1.0 and 1.16a fixtures, from foreman-apps foreman-lolminer);
// HiveOS minershive/hiveos-linux hive/miners/lolminer/h-stats.sh (reads http://127.0.0.1:$MINER_API_PORT/summary,
// rejected = Submitted - Accepted) and h-manifest.conf (MINER_API_PORT=44444).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities, RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { probeJson, requestJson } from '../gpu-common/http.js';
import { READ_ONLY_CAPABILITIES, refuseChange } from '../gpu-common/read-only.js';
import { hasSessionLayout, isLolminerSummary, lolminerIdentity, lolminerSnapshot } from './summary.js';

/**
 * lolMiner serves its API only when started with --apiport and has no default. 44444 is HiveOS's MINER_API_PORT for
 * lolMiner (hive/miners/lolminer/h-manifest.conf), the setting most farms inherit; rigs on another port are added by
 * address and port. Foreman's test used 8080, which is test configuration, not a convention.
 */
export const LOLMINER_PORT = 44444;

export class LolminerDriver implements Driver {
  readonly family = 'lolminer' as const;
  readonly ports = [LOLMINER_PORT] as const;

  async probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    const reply = await probeJson(target, '/summary', signal);
    return reply ? lolminerIdentity(target.host, target.port, reply) : null;
  }

  async read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot> {
    const { host, port } = target.identity;
    const reply = await requestJson({ host, port, path: '/summary', timeoutMs: target.timeoutMs, signal });
    if (!isLolminerSummary(reply))
      throw new RigwiseError('RIG_BAD_REPLY', `${host}:${port} no longer answers as lolMiner.`);
    if (!hasSessionLayout(reply)) {
      throw new RigwiseError(
        'RIG_BAD_REPLY',
        `${host}:${port} runs a lolMiner whose API layout (no Session/GPUs) Rigwise cannot read yet.`,
      );
    }
    return lolminerSnapshot(reply, Date.now());
  }

  capabilities(_identity: RigIdentity): Capabilities {
    return READ_ONLY_CAPABILITIES;
  }

  apply(_target: ApplyTarget, change: RigChange, _signal?: AbortSignal): Promise<void> {
    return refuseChange('lolMiner', change);
  }
}
