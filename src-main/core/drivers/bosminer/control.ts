// Sending one change to a Braiins OS rig. BOSer rigs: the gRPC Public API, after AuthenticationService/Login with
// root and the operator's password; the token comes back in the `authorization` response header (braiins/bos-plus-api
// README, "How to get auth token"; pyasic boser.py::_get_auth reads initial_metadata["authorization"]) and, from API
// 1.1.0, also in LoginResponse.token. Older BOSminer: `pause` / `resume` over TCP 4028, which answer
// {"PAUSE":[true]} / {"RESUME":[true]} (Braiins docs Development/1_api.rst).
// A wrong password is refused with gRPC status 16 UNAUTHENTICATED, "Bad credentials" (braiins/bos-plus-api issue
// #33), which becomes UNAUTHORIZED. The password is only ever put in the Login request body.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { PoolConfig, RigChange } from '../../../../src-shared/model/control.js';
import type { ApplyTarget } from '../driver.js';
import { firstEntry } from '../fields.js';
import { GRPC_STATUS, GrpcSession } from './grpc-client.js';
import type { GrpcOutcome } from './grpc-client.js';
import {
  BOS_METHODS,
  decodeLoginToken,
  decodePoolGroups,
  decodeSetPowerTargetResponse,
  EMPTY_MESSAGE,
  encodeLoginRequest,
  encodeSetPoolGroups,
  encodeSetPowerTarget,
  encodeUpdatePoolGroup,
} from './messages.js';
import { ProtoDecodeError } from './protobuf.js';
import { askSection } from './read.js';

export const BOS_ADMIN_USER = 'root';
/** Braiins OS ships with root/root (pyasic settings default_bosminer_web_password; PROTOCOLS.md C). */
export const BOS_DEFAULT_PASSWORD = 'root';

function unwrap(outcome: GrpcOutcome): Uint8Array {
  if (!outcome.ok) throw outcome.error;
  return outcome.message;
}

/** Decodes a reply body; a malformed one is the rig's fault, reported as RIG_BAD_REPLY. */
function decoded<T>(where: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof ProtoDecodeError) {
      throw new RigwiseError('RIG_BAD_REPLY', `${where} sent a reply that is not valid protobuf (${error.message}).`);
    }
    throw error;
  }
}

async function login(session: GrpcSession, where: string, password: string): Promise<string> {
  const outcome = await session.call(BOS_METHODS.login, encodeLoginRequest(BOS_ADMIN_USER, password));
  const body = unwrap(outcome);
  const header = outcome.ok ? outcome.headers['authorization'] : undefined;
  const token = header && header.length > 0 ? header : decoded(where, () => decodeLoginToken(body));
  if (!token || token.length > 1024 || /[^\x21-\x7e]/.test(token)) {
    throw new RigwiseError('RIG_BAD_REPLY', `${where} accepted the login but sent no usable token.`);
  }
  return token;
}

async function setPools(session: GrpcSession, where: string, token: string, pools: readonly PoolConfig[]) {
  const auth = { authorization: token };
  const replaced = await session.call(BOS_METHODS.setPoolGroups, encodeSetPoolGroups(pools), auth);
  if (replaced.ok || replaced.grpcStatus !== GRPC_STATUS.unimplemented) {
    decoded(where, () => decodePoolGroups(unwrap(replaced)));
    return;
  }
  // API before 1.2.0 (BOS+ 23.03 .. 24.03) has no SetPoolGroups: update the first configured group in place.
  const config = await session.call(BOS_METHODS.getMinerConfiguration, EMPTY_MESSAGE, auth);
  const groups = decoded(where, () => decodePoolGroups(unwrap(config)));
  const uid = groups[0]?.uid;
  if (!uid) throw new RigwiseError('RIG_ERROR', `${where} has no pool group to update.`);
  unwrap(await session.call(BOS_METHODS.updatePoolGroup, encodeUpdatePoolGroup(uid, pools), auth));
}

async function sendOverGrpc(session: GrpcSession, where: string, token: string, change: RigChange): Promise<void> {
  const auth = { authorization: token };
  switch (change.kind) {
    case 'powerTarget': {
      const reply = await session.call(BOS_METHODS.setPowerTarget, encodeSetPowerTarget(change.watts), auth);
      decoded(where, () => decodeSetPowerTargetResponse(unwrap(reply)));
      return;
    }
    case 'pools':
      return setPools(session, where, token, change.pools);
    case 'pause':
      unwrap(await session.call(BOS_METHODS.pauseMining, EMPTY_MESSAGE, auth));
      return;
    case 'resume':
      unwrap(await session.call(BOS_METHODS.resumeMining, EMPTY_MESSAGE, auth));
      return;
    case 'restart':
      unwrap(await session.call(BOS_METHODS.restart, EMPTY_MESSAGE, auth));
      return;
    case 'frequency':
    case 'voltage':
    case 'threads':
      throw new RigwiseError('RIG_ERROR', `Braiins OS does not take "${change.kind}" changes from Rigwise.`);
  }
}

export async function applyOverGrpc(
  target: ApplyTarget,
  change: RigChange,
  grpcPort: number,
  signal: AbortSignal,
): Promise<void> {
  const { host } = target.identity;
  const where = `${host}:${grpcPort}`;
  let session: GrpcSession | null = null;
  try {
    session = new GrpcSession({ host, port: grpcPort, timeoutMs: target.timeoutMs, signal });
    const token = await login(session, where, target.credential ?? BOS_DEFAULT_PASSWORD);
    await sendOverGrpc(session, where, token, change);
  } catch (error) {
    if (error instanceof RigwiseError) throw error;
    // node:http2 throws synchronously for an authority it cannot parse; nothing else should get here.
    throw new RigwiseError('RIG_UNREACHABLE', `${where} could not be reached for "${change.kind}".`);
  } finally {
    session?.close();
  }
}

/** pause/resume over the cgminer-compatible API: the only control older BOSminer offers. */
export async function applyOverCgminerApi(target: ApplyTarget, kind: 'pause' | 'resume', signal: AbortSignal) {
  const { host, port } = target.identity;
  const outcome = await askSection(host, port, kind, target.timeoutMs, signal);
  if (outcome.kind === 'error') throw outcome.error;
  const section = kind === 'pause' ? 'PAUSE' : 'RESUME';
  const answer = outcome.reply[section];
  const accepted = Array.isArray(answer) ? answer[0] === true : firstEntry(outcome.reply, 'STATUS') !== null;
  if (!accepted) throw new RigwiseError('RIG_ERROR', `${host}:${port} did not accept "${kind}".`);
}
