// The Braiins OS+ Public API messages Rigwise sends and reads (package braiins.bos.v1), with the field numbers they use.
// Sources, checked against each other:
// - braiins/bos-plus-api proto/bos/v1/{authentication,performance,pool,actions,configuration,units,common}.proto
//   (pool.proto read @ 1499459a, authentication.proto @ 165ce7f2), CHANGELOG.md @ d32d6840 for the versions.
// - UpstreamData/pyasic pyasic/web/braiins_os/proto/braiins/bos/v1/__init__.py (betterproto stubs @ b04f211d) and
//   pyasic/web/braiins_os/boser.py (how pyasic fills them: SaveAction SAVE_AND_APPLY, Power(watt=...)).
//
// Field numbers relied on:
//   SaveAction (enum)              UNSPECIFIED 0, SAVE 1, SAVE_AND_APPLY 2, SAVE_AND_FORCE_APPLY 3
//   Power                          1 watt (uint64)
//   LoginRequest                   1 username (string), 2 password (string)
//   LoginResponse                  1 token (string, API >= 1.1.0; older firmware sends it only in the
//                                  `authorization` response header), 2 timeout_s (uint32)
//   SetPowerTargetRequest          1 save_action (enum), 2 power_target (Power)
//   SetPowerTargetResponse         1 power_target (Power)
//   PoolConfiguration              1 uid, 2 url, 3 user (strings), 4 password (optional string), 5 enabled (opt. bool)
//   Quota                          1 value (uint32)
//   PoolGroupConfiguration         1 uid, 2 name (strings), 3 quota (Quota, oneof load_balance_strategy),
//                                  4 fixed_share_ratio (oneof), 5 pools (repeated PoolConfiguration)
//   SetPoolGroupsRequest           1 save_action, 2 pool_groups (repeated PoolGroupConfiguration)   [API >= 1.2.0]
//   SetPoolGroupsResponse          1 pool_groups (repeated PoolGroupConfiguration)
//   GetMinerConfigurationResponse  1 pool_groups (repeated PoolGroupConfiguration), 2.. cooling/tuner/dps/hashboards
//   UpdatePoolGroupRequest         1 save_action, 2 group (PoolGroupConfiguration, uid required)
//   PauseMining/ResumeMining/Restart requests: empty; responses 1 already_paused / already_mining / already_running
import type { PoolConfig } from '../../../../src-shared/model/control.js';
import { ProtoMessage, ProtoWriter } from './protobuf.js';

export const SAVE_AND_APPLY = 2;

/** gRPC method paths: "/" package "." service "/" method (grpc/grpc doc/PROTOCOL-HTTP2.md, "Path"). */
export const BOS_METHODS = {
  login: '/braiins.bos.v1.AuthenticationService/Login',
  setPowerTarget: '/braiins.bos.v1.PerformanceService/SetPowerTarget',
  setPoolGroups: '/braiins.bos.v1.PoolService/SetPoolGroups',
  updatePoolGroup: '/braiins.bos.v1.PoolService/UpdatePoolGroup',
  getMinerConfiguration: '/braiins.bos.v1.ConfigurationService/GetMinerConfiguration',
  pauseMining: '/braiins.bos.v1.ActionsService/PauseMining',
  resumeMining: '/braiins.bos.v1.ActionsService/ResumeMining',
  restart: '/braiins.bos.v1.ActionsService/Restart',
} as const;
export type BosMethod = (typeof BOS_METHODS)[keyof typeof BOS_METHODS];

/** The group Rigwise writes: one failover group, primary first (BOS docs: pools within a group fail over in order). */
export const RIGWISE_POOL_GROUP = 'Rigwise';

export function encodeLoginRequest(username: string, password: string): Uint8Array {
  return new ProtoWriter().string(1, username).string(2, password).finish();
}

/** The token from a LoginResponse body (API >= 1.1.0), or null when the firmware left it to the header. */
export function decodeLoginToken(body: Uint8Array): string | null {
  const token = ProtoMessage.decode(body).string(1);
  return token && token.length > 0 ? token : null;
}

export function encodeSetPowerTarget(watts: number): Uint8Array {
  return new ProtoWriter().uint(1, SAVE_AND_APPLY).message(2, new ProtoWriter().uint(1, watts)).finish();
}

/** The power target the rig says it took, or null when it did not say. */
export function decodeSetPowerTargetResponse(body: Uint8Array): number | null {
  return ProtoMessage.decode(body).message(1)?.uint(1) ?? null;
}

function poolConfiguration(pool: PoolConfig): ProtoWriter {
  // uid left out: "group.pools[].uid must not be specified (it will be generated)" (pool.proto).
  return new ProtoWriter().string(2, pool.url).string(3, pool.user).string(4, pool.password).bool(5, true);
}

function poolGroupConfiguration(pools: readonly PoolConfig[], uid: string | null): ProtoWriter {
  const group = new ProtoWriter();
  if (uid !== null) group.string(1, uid);
  group.string(2, RIGWISE_POOL_GROUP).message(3, new ProtoWriter().uint(1, 1));
  for (const pool of pools) group.message(5, poolConfiguration(pool));
  return group;
}

export function encodeSetPoolGroups(pools: readonly PoolConfig[]): Uint8Array {
  return new ProtoWriter().uint(1, SAVE_AND_APPLY).message(2, poolGroupConfiguration(pools, null)).finish();
}

export function encodeUpdatePoolGroup(uid: string, pools: readonly PoolConfig[]): Uint8Array {
  return new ProtoWriter().uint(1, SAVE_AND_APPLY).message(2, poolGroupConfiguration(pools, uid)).finish();
}

export interface PoolGroupSummary {
  uid: string;
  name: string;
  pools: Array<{ url: string; user: string }>;
}

function poolGroupSummary(group: ProtoMessage): PoolGroupSummary {
  return {
    uid: group.string(1) ?? '',
    name: group.string(2) ?? '',
    pools: group.messages(5).map((pool) => ({ url: pool.string(2) ?? '', user: pool.string(3) ?? '' })),
  };
}

/** Pool groups of a SetPoolGroupsResponse or a GetMinerConfigurationResponse (both carry them in field 1). */
export function decodePoolGroups(body: Uint8Array): PoolGroupSummary[] {
  return ProtoMessage.decode(body).messages(1).map(poolGroupSummary);
}

/** The three ActionsService requests have no fields. */
export const EMPTY_MESSAGE = new Uint8Array(0);
