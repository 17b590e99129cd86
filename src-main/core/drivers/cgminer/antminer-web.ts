// Control of stock Antminer firmware through its web CGI (PROTOCOLS.md A2): the cgminer API on 4028 is read-only
// there (the conf's "api-groups" limit group A to stats/pools/devs/summary/version), so pools and sleep go through
// get_miner_conf.cgi + set_miner_conf.cgi and a restart through reboot.cgi (pyasic pyasic/web/antminer.py; foreman-apps
// StockChangePoolsAction, StockPowerModeAction, StockRebootAction). All behind HTTP Digest, user "root".
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { RigChange } from '../../../../src-shared/model/control.js';
import { legacyConfForm, modernConfBody, parseMinerConf, type ConfChange, type MinerConf } from './miner-conf.js';
import { digestRequest, type DigestReply } from './web-client.js';

export const ANTMINER_WEB_USER = 'root';
export const ANTMINER_WEB_PORT = 80;

export interface AntminerWebTarget {
  host: string;
  webPort: number;
  /** The web admin password (the operator's; stock default "root"). */
  password: string | null;
  timeoutMs: number;
}

function urlOf(target: AntminerWebTarget, cgi: string): string {
  const port = target.webPort === 80 ? '' : `:${target.webPort}`;
  return `http://${target.host}${port}/cgi-bin/${cgi}.cgi`;
}

function passwordOf(target: AntminerWebTarget): string {
  if (target.password === null || target.password === '') {
    throw new RigwiseError(
      'UNAUTHORIZED',
      `${target.host}: changing an Antminer needs its web admin password (user "${ANTMINER_WEB_USER}").`,
    );
  }
  return target.password;
}

function expectOk(target: AntminerWebTarget, cgi: string, reply: DigestReply): void {
  if (reply.status >= 200 && reply.status < 300) return;
  throw new RigwiseError('RIG_ERROR', `${target.host} answered ${cgi}.cgi with HTTP ${reply.status}.`);
}

/** Reads the web configuration (pools, work mode, fan and clock settings). */
export async function readMinerConf(
  target: AntminerWebTarget,
  signal?: AbortSignal,
  deadline = Date.now() + target.timeoutMs,
): Promise<MinerConf> {
  const reply = await digestRequest({
    method: 'GET',
    url: urlOf(target, 'get_miner_conf'),
    credentials: { username: ANTMINER_WEB_USER, password: passwordOf(target) },
    timeoutMs: Math.max(1, deadline - Date.now()),
    signal,
  });
  expectOk(target, 'get_miner_conf', reply);
  return parseMinerConf(reply.text);
}

/**
 * Did set_miner_conf take it? The captured S19 answers "ok" (Foreman checks for "ok"); newer firmware answers JSON
 * such as {"stats":"success",...,"msg":"OK!"}. Older (form) firmware may answer an empty page.
 */
function confAccepted(text: string): { ok: true } | { ok: false; why: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const stats = typeof record['stats'] === 'string' ? record['stats'].toLowerCase() : '';
      if (stats === 'error' || stats === 'fail' || stats === 'failed') {
        const message = typeof record['msg'] === 'string' ? record['msg'].slice(0, 80) : 'no message';
        return { ok: false, why: message };
      }
    }
  } catch {
    // plain text: judged below
  }
  if (/\bok\b|success/i.test(trimmed)) return { ok: true };
  return { ok: false, why: JSON.stringify(trimmed.slice(0, 60)) };
}

async function writeConf(
  target: AntminerWebTarget,
  conf: MinerConf,
  change: ConfChange,
  deadline: number,
  signal?: AbortSignal,
): Promise<void> {
  if (!conf.modern && change.kind !== 'pools') {
    throw new RigwiseError(
      'RIG_ERROR',
      `${target.host}: this Antminer firmware has no sleep mode (no "bitmain-work-mode" in its config).`,
    );
  }
  const body =
    conf.modern || change.kind !== 'pools'
      ? JSON.stringify(modernConfBody(conf, change))
      : legacyConfForm(conf, change);
  const reply = await digestRequest({
    method: 'POST',
    url: urlOf(target, 'set_miner_conf'),
    body,
    contentType: conf.modern ? 'application/json' : 'application/x-www-form-urlencoded',
    credentials: { username: ANTMINER_WEB_USER, password: passwordOf(target) },
    timeoutMs: Math.max(1, deadline - Date.now()),
    signal,
  });
  expectOk(target, 'set_miner_conf', reply);
  const verdict = confAccepted(reply.text);
  if (!verdict.ok) {
    throw new RigwiseError('RIG_ERROR', `${target.host} did not accept the new configuration: ${verdict.why}.`);
  }
}

/** reboot.cgi: the rig may drop the connection as it goes down, which counts as accepted once the login was sent. */
async function reboot(target: AntminerWebTarget, signal?: AbortSignal): Promise<void> {
  const reply = await digestRequest({
    method: 'GET',
    url: urlOf(target, 'reboot'),
    credentials: { username: ANTMINER_WEB_USER, password: passwordOf(target) },
    timeoutMs: target.timeoutMs,
    signal,
    acceptDropAfterLogin: true,
  });
  if (reply.status === 0) return;
  expectOk(target, 'reboot', reply);
}

export type AntminerWebChange = Extract<RigChange, { kind: 'pools' | 'pause' | 'resume' | 'restart' }>;

/** Reads the conf, changes only what the change asks, and writes it back; or reboots. */
export async function applyAntminerWebChange(
  target: AntminerWebTarget,
  change: AntminerWebChange,
  signal?: AbortSignal,
): Promise<void> {
  if (change.kind === 'restart') {
    await reboot(target, signal);
    return;
  }
  const deadline = Date.now() + target.timeoutMs;
  const conf = await readMinerConf(target, signal, deadline);
  await writeConf(target, conf, change, deadline, signal);
}
