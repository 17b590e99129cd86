// T-Rex's HTTP handlers as its wiki "API" page documents them, with effect on the virtual rig:
// - GET /summary: always readable (T-Rex's WebUI is read-only without a password, not closed).
// - GET /login?password=P -> {"sid":"<32 chars>","success":1}; a wrong password -> {"error":..., "success":0}.
// - GET /logout?sid=S.
// - /config?sid=S: POST a JSON body of config parameters ({"pools":[{"url","user","pass"}]} changes the pools, the
//   first becoming the active pool); GET shows the current config.
// - /control?sid=S&pause=true|false[:0,2] (or POST {"pause":"true:0,2"}): pause or resume all GPUs or some.
// Changing requests without a valid sid get {"error":"unauthorized request","success":0}, as in trexminer/T-Rex
// issue #1189. Assumptions (no capture read): the wrong-password text (T-Rex's WebUI shows "Authorization error
// (wrong password)", issue #1105), HTTP 200 on refusals, and {"success":1} as the reply to an accepted change.
import type { HttpRigReply, HttpRigRequest } from '../http-rig-server.js';
import type { SimPool } from './reading.js';

export interface TrexControlTarget {
  /** The password the API key was generated from; null: the rig runs without --api-key, so nothing can change. */
  readonly apiPassword: string | null;
  newSid(): string;
  readonly sessions: Set<string>;
  setPools(pools: SimPool[]): void;
  config(): Record<string, unknown>;
  /** gpus null: every GPU. */
  setPaused(paused: boolean, gpus: number[] | null): void;
}

const OK: HttpRigReply = { status: 200, body: { success: 1 } };
const UNAUTHORIZED: HttpRigReply = { status: 200, body: { error: 'unauthorized request', success: 0 } };
const MAX_POOLS = 16;

function refused(error: string): HttpRigReply {
  return { status: 200, body: { error, success: 0 } };
}

function parsePools(value: unknown): SimPool[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_POOLS) return null;
  const pools: SimPool[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return null;
    const { url, user, pass } = item as Record<string, unknown>;
    if (typeof url !== 'string' || url.length === 0 || url.length > 256 || typeof user !== 'string') return null;
    pools.push({ url, user, pass: typeof pass === 'string' ? pass : 'x' });
  }
  return pools;
}

/** "true", "false", "true:0,2,3" -> what to pause; null for anything else. */
function parsePause(value: unknown): { paused: boolean; gpus: number[] | null } | null {
  if (typeof value === 'boolean') return { paused: value, gpus: null };
  if (typeof value !== 'string') return null;
  const [flag, list] = value.split(':', 2);
  if (flag !== 'true' && flag !== 'false') return null;
  if (list === undefined) return { paused: flag === 'true', gpus: null };
  const gpus = list.split(',').map(Number);
  return gpus.every((gpu) => Number.isInteger(gpu) && gpu >= 0) ? { paused: flag === 'true', gpus } : null;
}

function bodyObject(request: HttpRigRequest): Record<string, unknown> {
  return typeof request.body === 'object' && request.body !== null && !Array.isArray(request.body)
    ? (request.body as Record<string, unknown>)
    : {};
}

function handleConfig(request: HttpRigRequest, target: TrexControlTarget): HttpRigReply {
  if (request.method === 'GET' && [...request.query.keys()].every((key) => key === 'sid')) {
    return { status: 200, body: target.config() };
  }
  const body = bodyObject(request);
  if (!('pools' in body)) return OK;
  const pools = parsePools(body['pools']);
  if (!pools) return refused('invalid "pools" parameter');
  target.setPools(pools);
  return OK;
}

function handleControl(request: HttpRigRequest, target: TrexControlTarget): HttpRigReply {
  const raw = request.query.get('pause') ?? bodyObject(request)['pause'];
  const pause = parsePause(raw);
  if (!pause) return refused('unknown control command');
  target.setPaused(pause.paused, pause.gpus);
  return OK;
}

export function handleTrexRequest(
  request: HttpRigRequest,
  target: TrexControlTarget,
  summary: () => Record<string, unknown>,
): HttpRigReply {
  switch (request.path) {
    case '/summary':
      return { status: 200, body: summary() };
    case '/login': {
      const password = request.query.get('password');
      if (target.apiPassword === null || password !== target.apiPassword) {
        return refused('Authorization error (wrong password)');
      }
      const sid = target.newSid();
      target.sessions.add(sid);
      return { status: 200, body: { sid, success: 1 } };
    }
    case '/logout':
      target.sessions.delete(request.query.get('sid') ?? '');
      return OK;
    case '/config':
    case '/control': {
      if (!target.sessions.has(request.query.get('sid') ?? '')) return UNAUTHORIZED;
      return request.path === '/config' ? handleConfig(request, target) : handleControl(request, target);
    }
    default:
      return { status: 404, body: 'Not found' };
  }
}
