// What Rigwise can change on a Braiins OS rig, by firmware generation and model.
// - BOSer (Braiins OS+ 23.03 and later, the Rust "boser" miner: its `version` reply says "BOSer") serves the gRPC
//   Public API on TCP 50051 (braiins/bos-plus-api README: "As of BOS+ version 23.03.1, it should be enabled by
//   default"). Through it: power target (PerformanceService/SetPowerTarget), pools (PoolService/SetPoolGroups,
//   UpdatePoolGroup on firmware before API 1.2.0), pause/resume and restart (ActionsService). Every call needs a
//   login token, so the operator's admin password is needed (default root/root: PROTOCOLS.md C,
//   default_bosminer_web_password).
// - BOSminer / BOSminer+ (open-source Braiins OS and BOS+ before the gRPC API) offer only `pause` and `resume` over
//   the cgminer-compatible API (Braiins docs, Development/1_api.rst, "New commands"); the docs say its
//   addpool/switchpool "are not fully implemented ... reset after restart and they do not activate the pools", so
//   pools are not offered, and the power limit lives in /etc/bosminer.toml (SSH), which Rigwise does not touch.
// - Pools: one failover group, primary first, at most 3 (the contract's limit; BOS documents no per-group maximum).
// - Frequency, voltage and threads: BOS tunes clocks per chip itself; manual clocks would disable the autotuner, so
//   they are not offered.
import { NO_CAPABILITIES, type Capabilities } from '../../../../src-shared/model/control.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { modelSpec, UNKNOWN_MODEL_POWER_TARGET_W } from './models.js';

export type BosGeneration = 'boser' | 'bosminer';

export const BOS_MAX_POOLS = 3;

export function bosGeneration(firmware: string): BosGeneration {
  return /\bboser\b/i.test(firmware) ? 'boser' : 'bosminer';
}

export function bosCapabilities(identity: RigIdentity): Capabilities {
  if (bosGeneration(identity.firmware) === 'bosminer') return { ...NO_CAPABILITIES, pauseResume: true };
  const range = modelSpec(identity.model)?.powerTargetW ?? UNKNOWN_MODEL_POWER_TARGET_W;
  return {
    ...NO_CAPABILITIES,
    pools: { max: BOS_MAX_POOLS },
    powerTargetW: { min: range.min, max: range.max },
    pauseResume: true,
    restart: true,
    needsCredential: 'adminPassword',
  };
}
