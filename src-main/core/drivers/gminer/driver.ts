// GMiner (AMD/NVIDIA GPU miner) over its HTTP API, `GET /stat`.
// Sources: ../shared/PROTOCOLS.md A7 (GMiner row, 1.34 fixture from foreman-apps foreman-gminer); HiveOS
// minershive/hiveos-linux hive/miners/gminer/h-stats.sh (reads /stat, adds up device speeds) and h-manifest.conf
// (MINER_API_PORT=42010); sokdak/miner-exporter pkg/gminer/types.go (newer per-device fields).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities, RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { probeJson, requestJson } from '../gpu-common/http.js';
import { READ_ONLY_CAPABILITIES, refuseChange } from '../gpu-common/read-only.js';
import { gminerIdentity, gminerSnapshot, isGminerStat } from './stat.js';

/**
 * GMiner serves its API only when started with --api PORT and has no default. 42010 is HiveOS's MINER_API_PORT for
 * GMiner (hive/miners/gminer/h-manifest.conf), the setting most farms inherit; other ports are added by hand.
 */
export const GMINER_PORT = 42010;

export class GminerDriver implements Driver {
  readonly family = 'gminer' as const;
  readonly ports = [GMINER_PORT] as const;

  async probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    const reply = await probeJson(target, '/stat', signal);
    return reply ? gminerIdentity(target.host, target.port, reply) : null;
  }

  async read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot> {
    const { host, port } = target.identity;
    const reply = await requestJson({ host, port, path: '/stat', timeoutMs: target.timeoutMs, signal });
    if (!isGminerStat(reply)) throw new RigwiseError('RIG_BAD_REPLY', `${host}:${port} no longer answers as GMiner.`);
    return gminerSnapshot(reply, Date.now());
  }

  capabilities(_identity: RigIdentity): Capabilities {
    return READ_ONLY_CAPABILITIES;
  }

  apply(_target: ApplyTarget, change: RigChange, _signal?: AbortSignal): Promise<void> {
    return refuseChange('GMiner', change);
  }
}
