// The Braiins OS+ Public API services a simulated BOSer rig answers: Login, PerformanceService/SetPowerTarget,
// PoolService/SetPoolGroups (API >= 1.2.0) and UpdatePoolGroup, ConfigurationService/GetMinerConfiguration,
// ActionsService/PauseMining, ResumeMining and Restart. Behaviour from braiins/bos-plus-api (README "Authentication",
// pool.proto comments, CHANGELOG.md): the token comes back in the `authorization` response header (and, from 1.1.0,
// in LoginResponse.token with timeout_s), is sent back as metadata `authorization`, and stays valid for timeout_s
// after each use; a wrong password is UNAUTHENTICATED "Bad credentials" (bos-plus-api issue #33); SetPoolGroups
// replaces every group and "will trigger restart" of bosminer. Messages for refused values are ours: the real
// wording is not documented.
import type { GrpcRequest, GrpcResult } from './grpc-server.js';
import {
  readLoginRequest,
  readSetPoolGroups,
  readSetPowerTarget,
  readUpdatePoolGroup,
  SAVE_ACTION_SAVE,
  writeAlreadyFlag,
  writeLoginResponse,
  writePoolGroups,
  writeSetPowerTargetResponse,
  writeUpdatePoolGroupResponse,
} from './messages.js';
import type { GroupInput } from './messages.js';
import type { SimPoolGroup } from './pools.js';

export const TOKEN_TIMEOUT_S = 3600;
const STATUS = { invalidArgument: 3, notFound: 5, unimplemented: 12, unauthenticated: 16 } as const;
const URL_PATTERN = /^[a-z0-9+.-]+:\/\/[^\s,]+$/i;

/** The public API version a rig speaks: '1.2' has SetPoolGroups and LoginResponse.token; '1.0' has neither. */
export type BosApiVersion = '1.0' | '1.2';

export interface BosServiceRig {
  readonly apiVersion: BosApiVersion;
  nowMs(): number;
  checkPassword(username: string, password: string): boolean;
  newToken(): string;
  powerTargetRange(): { min: number; max: number };
  setPowerTarget(watts: number): void;
  poolGroups(): readonly SimPoolGroup[];
  replacePoolGroups(groups: readonly GroupInput[]): readonly SimPoolGroup[];
  updatePoolGroup(group: GroupInput & { uid: string }): SimPoolGroup | null;
  pause(): boolean;
  resume(): boolean;
  restart(): void;
}

type Handler = (request: GrpcRequest) => GrpcResult;

function refuse(status: number, statusMessage: string): GrpcResult {
  return { ok: false, status, statusMessage };
}

function done(message: Uint8Array, headers?: Record<string, string>): GrpcResult {
  return headers ? { ok: true, message, headers } : { ok: true, message };
}

function invalidGroups(groups: readonly GroupInput[]): string | null {
  if (groups.length === 0) return 'At least one pool group is required';
  for (const group of groups) {
    if (group.pools.length === 0) return `Pool group "${group.name}" has no pools`;
    if (group.pools.some((pool) => !URL_PATTERN.test(pool.url) || pool.user.length === 0)) {
      return `Pool group "${group.name}" has an invalid pool`;
    }
  }
  return null;
}

export class BosGrpcService {
  private readonly tokens = new Map<string, number>();
  private readonly handlers: Readonly<Record<string, Handler>>;

  constructor(private readonly rig: BosServiceRig) {
    this.handlers = {
      '/braiins.bos.v1.AuthenticationService/Login': (request) => this.login(request),
      '/braiins.bos.v1.PerformanceService/SetPowerTarget': (request) => this.setPowerTarget(request),
      '/braiins.bos.v1.PoolService/SetPoolGroups': (request) => this.setPoolGroups(request),
      '/braiins.bos.v1.PoolService/UpdatePoolGroup': (request) => this.updatePoolGroup(request),
      '/braiins.bos.v1.ConfigurationService/GetMinerConfiguration': () => done(writePoolGroups(this.rig.poolGroups())),
      '/braiins.bos.v1.ActionsService/PauseMining': () => done(writeAlreadyFlag(this.rig.pause())),
      '/braiins.bos.v1.ActionsService/ResumeMining': () => done(writeAlreadyFlag(this.rig.resume())),
      '/braiins.bos.v1.ActionsService/Restart': () => {
        this.rig.restart();
        return done(writeAlreadyFlag(false));
      },
    };
  }

  handle(request: GrpcRequest): GrpcResult {
    const handler = Object.hasOwn(this.handlers, request.path) ? this.handlers[request.path] : undefined;
    if (!handler) return refuse(STATUS.unimplemented, `Method not found: ${request.path.slice(0, 80)}`);
    if (request.path === '/braiins.bos.v1.PoolService/SetPoolGroups' && this.rig.apiVersion === '1.0') {
      return refuse(STATUS.unimplemented, 'Method not found: braiins.bos.v1.PoolService/SetPoolGroups');
    }
    if (!request.path.endsWith('/Login') && !this.authorized(request.metadata['authorization'])) {
      return refuse(STATUS.unauthenticated, 'Unauthenticated');
    }
    return handler(request);
  }

  private authorized(token: string | undefined): boolean {
    if (!token) return false;
    const expiresMs = this.tokens.get(token);
    const nowMs = this.rig.nowMs();
    if (expiresMs === undefined || expiresMs < nowMs) {
      this.tokens.delete(token);
      return false;
    }
    this.tokens.set(token, nowMs + TOKEN_TIMEOUT_S * 1000);
    return true;
  }

  private login(request: GrpcRequest): GrpcResult {
    const { username, password } = readLoginRequest(request.message);
    if (!this.rig.checkPassword(username, password)) return refuse(STATUS.unauthenticated, 'Bad credentials');
    const token = this.rig.newToken();
    this.tokens.set(token, this.rig.nowMs() + TOKEN_TIMEOUT_S * 1000);
    const withBody = this.rig.apiVersion !== '1.0';
    return done(writeLoginResponse(token, TOKEN_TIMEOUT_S, withBody), { authorization: token });
  }

  private setPowerTarget(request: GrpcRequest): GrpcResult {
    const { saveAction, watts } = readSetPowerTarget(request.message);
    const range = this.rig.powerTargetRange();
    if (watts === null || watts < range.min || watts > range.max) {
      return refuse(STATUS.invalidArgument, `Power target must be between ${range.min} W and ${range.max} W`);
    }
    // SAVE stores the configuration without applying it; nothing here models the stored-but-idle copy.
    if (saveAction !== SAVE_ACTION_SAVE) this.rig.setPowerTarget(watts);
    return done(writeSetPowerTargetResponse(watts));
  }

  private setPoolGroups(request: GrpcRequest): GrpcResult {
    const { saveAction, groups } = readSetPoolGroups(request.message);
    const problem = invalidGroups(groups);
    if (problem) return refuse(STATUS.invalidArgument, problem);
    if (saveAction === SAVE_ACTION_SAVE) return done(writePoolGroups(this.rig.poolGroups()));
    return done(writePoolGroups(this.rig.replacePoolGroups(groups)));
  }

  private updatePoolGroup(request: GrpcRequest): GrpcResult {
    const { saveAction, group } = readUpdatePoolGroup(request.message);
    if (!group?.uid) return refuse(STATUS.invalidArgument, 'Pool group uid is required');
    const problem = invalidGroups([group]);
    if (problem) return refuse(STATUS.invalidArgument, problem);
    const existing = this.rig.poolGroups().find((candidate) => candidate.uid === group.uid);
    if (!existing) return refuse(STATUS.notFound, `Pool group ${group.uid.slice(0, 40)} not found`);
    if (saveAction === SAVE_ACTION_SAVE) return done(writeUpdatePoolGroupResponse(existing));
    const updated = this.rig.updatePoolGroup({ ...group, uid: group.uid });
    return updated ? done(writeUpdatePoolGroupResponse(updated)) : refuse(STATUS.notFound, 'Pool group not found');
  }
}
