// XMRig pools: the config keeps "url" as "host:port" (a "stratum+tcp://" or "stratum+ssl://" prefix is also accepted)
// with TLS as a separate "tls" flag; the summary names the live connection as "host:port" with "tls" set to the TLS
// version in use. Rigwise shows both as "stratum+tcp://host:port" or "stratum+ssl://host:port", so a pool change reads
// back as it was sent. Sources: xmrig/xmrig doc/api/2/config.json (pools), doc/api/2/summary.json (connection).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { PoolConfig } from '../../../../src-shared/model/control.js';
import type { Pool } from '../../../../src-shared/model/rig.js';
import type { JsonObject } from '../cgminer/parse.js';
import { booleanField, isObject, stringField } from '../fields.js';
import type { XmrigSummary } from './parse.js';

const MAX_POOLS = 16;
const TLS_SCHEMES = new Set(['stratum+ssl', 'stratum+tls', 'ssl', 'tls']);
const PLAIN_SCHEMES = new Set(['stratum+tcp', 'stratum', 'tcp']);

export interface XmrigPoolTarget {
  url: string;
  tls: boolean;
}

/** "stratum+ssl://pool.test:443" -> { url: "pool.test:443", tls: true }. */
export function toXmrigPool(url: string): XmrigPoolTarget | RigwiseError {
  const match = /^(?:([a-z0-9+.-]+):\/\/)?([^/\s:]+:\d{1,5})\/?$/i.exec(url.trim());
  const scheme = match?.[1]?.toLowerCase() ?? 'stratum+tcp';
  const hostPort = match?.[2];
  if (!hostPort)
    return new RigwiseError('RIG_ERROR', `XMRig needs a pool URL of the form stratum+tcp://host:port, got "${url}".`);
  if (TLS_SCHEMES.has(scheme)) return { url: hostPort, tls: true };
  if (PLAIN_SCHEMES.has(scheme)) return { url: hostPort, tls: false };
  return new RigwiseError(
    'RIG_ERROR',
    `XMRig pools from Rigwise must be stratum+tcp:// or stratum+ssl://, got "${scheme}://".`,
  );
}

/** How Rigwise shows an XMRig pool URL, whatever prefix the config used. */
export function showPoolUrl(url: string, tls: boolean): { url: string; hostPort: string } {
  const match = /^([a-z0-9+.-]+):\/\/(.*)$/i.exec(url.trim());
  const scheme = match?.[1]?.toLowerCase() ?? '';
  const hostPort = (match ? (match[2] ?? '') : url.trim()).replace(/\/$/, '');
  const secure = tls || TLS_SCHEMES.has(scheme);
  return { url: `${secure ? 'stratum+ssl' : 'stratum+tcp'}://${hostPort}`, hostPort: hostPort.toLowerCase() };
}

/** Pools from the config (with a token), marking the one the summary says is connected. */
export function poolsFromConfig(config: JsonObject, summary: XmrigSummary): Pool[] | null {
  const list = config['pools'];
  if (!Array.isArray(list)) return null;
  const connected = summary.poolHostPort ? showPoolUrl(summary.poolHostPort, false).hostPort : null;
  const pools: Pool[] = [];
  list.slice(0, MAX_POOLS).forEach((entry, index) => {
    if (!isObject(entry)) return;
    const url = stringField(entry['url'], 200);
    if (url === null) return;
    const shown = showPoolUrl(url, booleanField(entry['tls']) === true);
    const enabled = booleanField(entry['enabled']) !== false;
    // While XMRig mines its donation rounds the connection is to the donation pool: then no pool is marked active.
    const active = enabled && connected !== null && shown.hostPort === connected;
    pools.push({
      index,
      url: shown.url,
      user: stringField(entry['user'], 200) ?? '',
      status: active ? 'alive' : enabled ? 'unknown' : 'disabled',
      priority: index,
      accepted: active ? summary.poolAccepted : null,
      rejected: active ? summary.poolRejected : null,
      active,
    });
  });
  return pools;
}

/** Without the config (no token, or a restricted API) the summary still names the live connection. */
export function poolsFromSummary(summary: XmrigSummary): Pool[] {
  if (!summary.poolHostPort) return [];
  return [
    {
      index: 0,
      url: showPoolUrl(summary.poolHostPort, summary.poolTls).url,
      user: '',
      status: 'alive',
      priority: null,
      accepted: summary.poolAccepted,
      rejected: summary.poolRejected,
      active: true,
    },
  ];
}

/**
 * The config with its pool list replaced. Each new pool starts from the first existing pool's options (algo, coin,
 * keepalive, nicehash...), so settings Rigwise does not manage are kept; url, user, pass, tls and enabled are set.
 */
export function configWithPools(config: JsonObject, pools: readonly PoolConfig[]): JsonObject | RigwiseError {
  const existing = Array.isArray(config['pools']) ? config['pools'] : [];
  const template = isObject(existing[0]) ? existing[0] : {};
  const next: JsonObject[] = [];
  for (const pool of pools) {
    const target = toXmrigPool(pool.url);
    if (target instanceof RigwiseError) return target;
    next.push({ ...template, url: target.url, user: pool.user, pass: pool.password, tls: target.tls, enabled: true });
  }
  return { ...config, pools: next };
}
