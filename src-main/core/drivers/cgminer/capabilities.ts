// Which way a cgminer-family rig is controlled, decided from its identity alone (capabilities() is synchronous):
// - Bitmain (Antminer stock firmware): the web CGI, with the web admin password. Its cgminer API answers only the
//   read commands of group A (conf "api-groups":"A:stats:pools:devs:summary:version", PROTOCOLS.md A2).
// - TeamRedMiner: nothing; its API is read-only by its own documentation (see teamredminer.ts).
// - Any other cgminer/sgminer build (Avalon, generic forks): the privileged API, which works when the operator has
//   granted Rigwise's address W: access; without it the rig answers "Access denied" and apply() says so.
import { NO_CAPABILITIES, type Capabilities, type RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { POOL_SLOTS } from './miner-conf.js';
import { isTeamRedMinerIdentity } from './teamredminer.js';

export type ControlPath = 'antminer-web' | 'cgminer-api' | 'read-only';

export function controlPathOf(identity: RigIdentity): ControlPath {
  if (isTeamRedMinerIdentity(identity)) return 'read-only';
  if (identity.make === 'Bitmain') return 'antminer-web';
  return 'cgminer-api';
}

/**
 * Sleep mode ("miner-mode" 1) exists on the 17, 19 and 21 generations (S17/T17, S19/T19, S21: Foreman's power-mode
 * tests put an S19 and a T17+ to sleep; pyasic sends miner-mode to its "modern" Antminers). Older ones (S9, L3+, D3)
 * have no work mode in their config.
 */
export function antminerHasSleepMode(model: string): boolean {
  return /^Antminer [A-Z]{1,2}(?:17|19|21)(?![0-9])/.test(model);
}

/** cgminer itself keeps any number of pools; Rigwise's pool change carries at most three. */
const API_POOLS = { max: POOL_SLOTS };

export function capabilitiesOf(identity: RigIdentity): Capabilities {
  switch (controlPathOf(identity)) {
    case 'read-only':
      return NO_CAPABILITIES;
    case 'antminer-web':
      return {
        ...NO_CAPABILITIES,
        pools: { max: POOL_SLOTS },
        pauseResume: antminerHasSleepMode(identity.model),
        restart: true,
        needsCredential: 'adminPassword',
      };
    case 'cgminer-api':
      return { ...NO_CAPABILITIES, pools: API_POOLS, restart: true, needsCredential: 'none' };
  }
}

/** Null when the change is one these capabilities offer; otherwise why not. */
export function refusalReason(capabilities: Capabilities, change: RigChange): string | null {
  switch (change.kind) {
    case 'pools':
      if (capabilities.pools === null) return 'pool changes';
      return change.pools.length > capabilities.pools.max ? `more than ${capabilities.pools.max} pools` : null;
    case 'pause':
    case 'resume':
      return capabilities.pauseResume ? null : 'pause and resume';
    case 'restart':
      return capabilities.restart ? null : 'restart';
    case 'powerTarget':
      return capabilities.powerTargetW ? null : 'a power target';
    case 'frequency':
      return capabilities.frequencyMhz ? null : 'frequency changes';
    case 'voltage':
      return capabilities.voltageMv ? null : 'voltage changes';
    case 'threads':
      return capabilities.threads ? null : 'thread changes';
  }
}
