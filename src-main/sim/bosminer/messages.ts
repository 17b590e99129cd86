// The simulator's side of the BOS+ Public API messages. Written separately from the driver's messages.ts, from the
// same sources (braiins/bos-plus-api proto/bos/v1/*.proto; pyasic's generated stubs), so that a wrong field number on
// either side shows up in the integration tests instead of cancelling out. Only the wire codec is shared
// (../../core/drivers/bosminer/protobuf.ts, the "same hand-written protobuf" on both ends).
import { ProtoMessage, ProtoWriter } from '../../core/drivers/bosminer/protobuf.js';
import type { PoolInput, SimPoolGroup } from './pools.js';

/** braiins.bos.v1.SaveAction: SAVE only stores the configuration; SAVE_AND_APPLY and FORCE apply it. */
export const SAVE_ACTION_SAVE = 1;

export interface LoginRequest {
  username: string;
  password: string;
}

/** authentication.proto: LoginRequest { string username = 1; string password = 2; } */
export function readLoginRequest(body: Uint8Array): LoginRequest {
  const message = ProtoMessage.decode(body);
  return { username: message.string(1) ?? '', password: message.string(2) ?? '' };
}

/** LoginResponse { string token = 1; uint32 timeout_s = 2; } (fields added in API 1.1.0, CHANGELOG.md). */
export function writeLoginResponse(token: string, timeoutS: number, withBody: boolean): Uint8Array {
  return withBody ? new ProtoWriter().string(1, token).uint(2, timeoutS).finish() : new Uint8Array(0);
}

export interface SaveRequest {
  saveAction: number;
}

/** performance.proto: SetPowerTargetRequest { SaveAction save_action = 1; Power power_target = 2; }, Power.watt = 1. */
export function readSetPowerTarget(body: Uint8Array): SaveRequest & { watts: number | null } {
  const message = ProtoMessage.decode(body);
  return { saveAction: message.uint(1) ?? 0, watts: message.message(2)?.uint(1) ?? null };
}

/** SetPowerTargetResponse { Power power_target = 1; } */
export function writeSetPowerTargetResponse(watts: number): Uint8Array {
  return new ProtoWriter().message(1, new ProtoWriter().uint(1, watts)).finish();
}

export interface GroupInput {
  uid: string | null;
  name: string;
  quota: number;
  pools: PoolInput[];
}

/**
 * pool.proto: PoolGroupConfiguration { string uid = 1; string name = 2; oneof load_balance_strategy { Quota quota = 3;
 * FixedShareRatio fixed_share_ratio = 4; } repeated PoolConfiguration pools = 5; }, Quota.value = 1,
 * PoolConfiguration { string uid = 1; string url = 2; string user = 3; optional string password = 4;
 * optional bool enabled = 5; }
 */
function readGroup(group: ProtoMessage): GroupInput {
  const uid = group.string(1);
  return {
    uid: uid && uid.length > 0 ? uid : null,
    name: group.string(2) ?? '',
    quota: group.message(3)?.uint(1) ?? 1,
    pools: group.messages(5).map((pool) => ({
      url: pool.string(2) ?? '',
      user: pool.string(3) ?? '',
      password: pool.string(4),
      enabled: pool.bool(5),
    })),
  };
}

/** SetPoolGroupsRequest { SaveAction save_action = 1; repeated PoolGroupConfiguration pool_groups = 2; } */
export function readSetPoolGroups(body: Uint8Array): SaveRequest & { groups: GroupInput[] } {
  const message = ProtoMessage.decode(body);
  return { saveAction: message.uint(1) ?? 0, groups: message.messages(2).map(readGroup) };
}

/** UpdatePoolGroupRequest { SaveAction save_action = 1; PoolGroupConfiguration group = 2; } */
export function readUpdatePoolGroup(body: Uint8Array): SaveRequest & { group: GroupInput | null } {
  const message = ProtoMessage.decode(body);
  const group = message.message(2);
  return { saveAction: message.uint(1) ?? 0, group: group ? readGroup(group) : null };
}

function writeGroup(group: SimPoolGroup): ProtoWriter {
  const writer = new ProtoWriter()
    .string(1, group.uid)
    .string(2, group.name)
    .message(3, new ProtoWriter().uint(1, group.quota));
  for (const pool of group.pools) {
    // BOS does not echo pool passwords back.
    writer.message(
      5,
      new ProtoWriter().string(1, pool.uid).string(2, pool.url).string(3, pool.user).bool(5, pool.enabled),
    );
  }
  return writer;
}

/**
 * SetPoolGroupsResponse { repeated PoolGroupConfiguration pool_groups = 1; } and
 * GetMinerConfigurationResponse { repeated PoolGroupConfiguration pool_groups = 1; ... } share this shape (the
 * configuration's cooling, tuner, dps and hashboard fields 2-5 are left out: nothing reads them here).
 */
export function writePoolGroups(groups: readonly SimPoolGroup[]): Uint8Array {
  const writer = new ProtoWriter();
  for (const group of groups) writer.message(1, writeGroup(group));
  return writer.finish();
}

/** UpdatePoolGroupResponse { PoolGroupConfiguration group = 1; } */
export function writeUpdatePoolGroupResponse(group: SimPoolGroup): Uint8Array {
  return new ProtoWriter().message(1, writeGroup(group)).finish();
}

/** PauseMiningResponse.already_paused, ResumeMiningResponse.already_mining, RestartResponse.already_running: 1. */
export function writeAlreadyFlag(already: boolean): Uint8Array {
  return already ? new ProtoWriter().bool(1, true).finish() : new Uint8Array(0);
}
