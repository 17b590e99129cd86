// Changes on T-Rex through its HTTP API (trexminer/T-Rex wiki "API"; "WebUI", section Security):
// - Without --api-key the API is read-only; with it, `GET /login?password=<password>` answers
//   {"sid":"…","success":1} and every changing request must carry `?sid=`. `GET /logout?sid=` ends the session.
// - Pools: `POST /config?sid=` with a JSON body of config-file parameters ("Parameter names and types in json are
//   identical to config json"); the config file's pool list is "pools": [{"url","user","pass"}] (HiveOS
//   t-rex/h-config.sh builds exactly that). T-Rex writes the change to its config file and applies it.
// - Pause and resume: `GET /control?pause=true` / `?pause=false` ("control" handler, API >= 1.3).
// A refusal is {"error":"unauthorized request","success":0} (trexminer/T-Rex issue #1189).
// The password travels as a query parameter because that is the only login T-Rex documents; it is never logged and
// never put in an error message (http-json.ts names only host and path in its errors).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { RigChange } from '../../../../src-shared/model/control.js';
import type { ApplyTarget } from '../driver.js';
import { stringField } from '../fields.js';
import { requestJson } from '../gpu-common/http.js';
import { trexRefusal } from './summary.js';

type TrexChange = Extract<RigChange, { kind: 'pools' | 'pause' | 'resume' }>;

export function isTrexChange(change: RigChange): change is TrexChange {
  return change.kind === 'pools' || change.kind === 'pause' || change.kind === 'resume';
}

interface Session {
  host: string;
  port: number;
  deadline: number;
  signal: AbortSignal;
}

function remainingMs(session: Session): number {
  const left = session.deadline - Date.now();
  if (left <= 0)
    throw new RigwiseError('RIG_UNREACHABLE', `T-Rex at ${session.host} did not finish the change in time.`);
  return left;
}

async function ask(session: Session, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const reply = await requestJson({
    host: session.host,
    port: session.port,
    path,
    timeoutMs: remainingMs(session),
    signal: session.signal,
    ...(body === undefined ? {} : { method: 'POST' as const, body }),
  });
  const refusal = trexRefusal(reply);
  if (refusal) throw refusal;
  return reply;
}

async function login(session: Session, password: string): Promise<string> {
  const reply = await ask(session, `/login?password=${encodeURIComponent(password)}`);
  const sid = stringField(reply['sid'], 128);
  if (!sid || reply['success'] !== 1) {
    throw new RigwiseError('UNAUTHORIZED', `T-Rex at ${session.host} refused the API password.`);
  }
  return sid;
}

function send(session: Session, sid: string, change: TrexChange): Promise<unknown> {
  const query = `sid=${encodeURIComponent(sid)}`;
  switch (change.kind) {
    case 'pools':
      return ask(session, `/config?${query}`, {
        pools: change.pools.map((pool) => ({ url: pool.url, user: pool.user, pass: pool.password })),
      });
    case 'pause':
      return ask(session, `/control?pause=true&${query}`);
    case 'resume':
      return ask(session, `/control?pause=false&${query}`);
  }
}

/** Logs in, sends the change, logs out. Resolves when T-Rex accepted the change. */
export async function applyTrexChange(target: ApplyTarget, change: TrexChange, signal: AbortSignal): Promise<void> {
  const { host, port } = target.identity;
  if (!target.credential) {
    throw new RigwiseError(
      'UNAUTHORIZED',
      `T-Rex at ${host} needs its API password (the one --api-key was made from).`,
    );
  }
  const session: Session = { host, port, deadline: Date.now() + target.timeoutMs, signal };
  const sid = await login(session, target.credential);
  try {
    await send(session, sid, change);
  } finally {
    // Best effort: an abandoned session expires on its own, and a failed logout must not hide the change's outcome.
    await ask(session, `/logout?sid=${encodeURIComponent(sid)}`).catch(() => undefined);
  }
}
