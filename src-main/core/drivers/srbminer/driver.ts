// SRBMiner-Multi (AMD GPU and CPU miner) over its HTTP API, `GET /`.
// Sources: ../shared/PROTOCOLS.md A7 (SRBMiner row, 0.5.6 fixture, from foreman-apps foreman-srbminer); HiveOS
// minershive/hiveos-linux hive/miners/srbminer/h-stats.sh (layouts, per-GPU keys) and h-manifest.conf
// (MINER_API_PORT=21550); Foreman SrbminerMultiITest.java (0.1.8 GPU capture) and json/multi/Response.java.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities, RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { probeJson, requestJson } from '../gpu-common/http.js';
import { READ_ONLY_CAPABILITIES, refuseChange } from '../gpu-common/read-only.js';
import { isSrbminerStatus, srbminerIdentity, srbminerSnapshot } from './status.js';

/**
 * SRBMiner-Multi serves its API only with --api-enable; its port is --api-port. 21550 is HiveOS's MINER_API_PORT
 * (hive/miners/srbminer/h-manifest.conf) and the port two secondary sources call the default (a Wikipedia-like
 * summary, and bitcap-ipr's SRBMiner client: "port 21550 by default"); no primary doc confirmed it. Foreman's test
 * used 21555, which is test configuration.
 */
export const SRBMINER_PORT = 21550;

export class SrbminerDriver implements Driver {
  readonly family = 'srbminer' as const;
  readonly ports = [SRBMINER_PORT] as const;

  async probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    const reply = await probeJson(target, '/', signal);
    return reply ? srbminerIdentity(target.host, target.port, reply) : null;
  }

  async read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot> {
    const { host, port } = target.identity;
    const reply = await requestJson({ host, port, path: '/', timeoutMs: target.timeoutMs, signal });
    if (!isSrbminerStatus(reply)) {
      throw new RigwiseError('RIG_BAD_REPLY', `${host}:${port} no longer answers as SRBMiner-Multi.`);
    }
    return srbminerSnapshot(reply, Date.now());
  }

  capabilities(_identity: RigIdentity): Capabilities {
    return READ_ONLY_CAPABILITIES;
  }

  apply(_target: ApplyTarget, change: RigChange, _signal?: AbortSignal): Promise<void> {
    return refuseChange('SRBMiner-Multi', change);
  }
}
