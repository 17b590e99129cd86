// XMRig replies as typed values, through the defensive field readers. Hashrates come as [10 s, 60 s, 15 min] arrays in
// H/s where a window with no data is null ("total":[1207.19,1210.82,null] in the 6.17 capture). /2/backends is a JSON
// array, not an object. Sources: PROTOCOLS.md A6; xmrig/xmrig doc/API.md, doc/api/2/{summary,backends,config}.json,
// src/base/api/Httpd.cpp (auth), src/base/net/http/HttpApiResponse.cpp (error bodies).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { JsonObject } from '../cgminer/parse.js';
import { booleanField, intField, isObject, numberField, stringField } from '../fields.js';

export interface XmrigSummary {
  workerId: string | null;
  version: string | null;
  ua: string | null;
  kind: string | null;
  cpuBrand: string | null;
  /** Logical CPUs (summary cpu.threads, else resources.hardware_concurrency). */
  cpuThreads: number | null;
  uptimeS: number | null;
  hashrateHs: Array<number | null>;
  sharesGood: number | null;
  sharesTotal: number | null;
  algo: string | null;
  poolHostPort: string | null;
  poolTls: boolean;
  poolAccepted: number | null;
  poolRejected: number | null;
  poolUptimeS: number | null;
  paused: boolean | null;
  restricted: boolean | null;
}

/** The three hashrate windows, each H/s or null: what XMRig writes for "hashrate", "hashrate.total", per thread. */
export function hashrateWindows(value: unknown): Array<number | null> {
  const list = Array.isArray(value) ? value : [];
  return [0, 1, 2].map((slot) => {
    const rate = numberField(list[slot]);
    return rate !== null && rate >= 0 ? rate : null;
  });
}

function nonNegative(value: unknown): number | null {
  const parsed = numberField(value);
  return parsed !== null && parsed >= 0 ? parsed : null;
}

export function readSummary(summary: JsonObject): XmrigSummary {
  const cpu = isObject(summary['cpu']) ? summary['cpu'] : {};
  const resources = isObject(summary['resources']) ? summary['resources'] : {};
  const results = isObject(summary['results']) ? summary['results'] : {};
  const connection = isObject(summary['connection']) ? summary['connection'] : {};
  const hashrate = isObject(summary['hashrate']) ? summary['hashrate'] : {};
  const threads = intField(cpu['threads']) ?? intField(resources['hardware_concurrency']);
  const tls = connection['tls'];
  return {
    workerId: stringField(summary['worker_id'], 64),
    version: stringField(summary['version'], 32),
    ua: stringField(summary['ua'], 160),
    kind: stringField(summary['kind'], 16),
    cpuBrand: stringField(cpu['brand'], 96),
    cpuThreads: threads !== null && threads > 0 && threads <= 4096 ? threads : null,
    uptimeS: nonNegative(summary['uptime']),
    hashrateHs: hashrateWindows(hashrate['total']),
    sharesGood: nonNegative(results['shares_good']),
    sharesTotal: nonNegative(results['shares_total']),
    algo: stringField(summary['algo'], 32),
    poolHostPort: stringField(connection['pool'], 200),
    poolTls: typeof tls === 'string' && tls.length > 0,
    poolAccepted: nonNegative(connection['accepted']),
    poolRejected: nonNegative(connection['rejected']),
    poolUptimeS: nonNegative(connection['uptime']),
    paused: booleanField(summary['paused']),
    restricted: booleanField(summary['restricted']),
  };
}

/**
 * An XMRig miner's summary: worker_id, version and hashrate.total present, a user agent naming XMRig (forks such as
 * XMRig-MO and XMRigCC keep the name), and not xmrig-proxy ("kind":"proxy"), which has no hashrate of its own.
 */
export function looksLikeXmrig(summary: JsonObject): boolean {
  const hashrate = summary['hashrate'];
  if (!('worker_id' in summary) || typeof summary['version'] !== 'string') return false;
  if (!isObject(hashrate) || !Array.isArray(hashrate['total'])) return false;
  const ua = stringField(summary['ua'], 160) ?? '';
  return /xmrig/i.test(ua) && !/proxy/i.test(ua) && summary['kind'] !== 'proxy';
}

/**
 * XMRig's refusal: {"status":401|403,"error":"Unauthorized"|"Forbidden"} with its own CORS headers (Httpd.cpp,
 * HttpApiResponse.cpp). With an access token set, XMRig refuses even GET /2/summary without it.
 */
export function looksLikeXmrigRefusal(status: number, headers: Headers, text: string): boolean {
  if (status !== 401 && status !== 403) return false;
  const allowed = headers.get('access-control-allow-headers') ?? '';
  if (!/authorization/i.test(allowed)) return false;
  const body = parseJsonText(text);
  return isObject(body) && body['status'] === status && typeof body['error'] === 'string';
}

/** JSON of any shape (the backends reply is an array), or a RIG_BAD_REPLY. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return new RigwiseError('RIG_BAD_REPLY', `The rig did not send JSON: ${JSON.stringify(text.slice(0, 60))}…`);
  }
}

/** "Intel(R) Core(TM) i7-4700MQ CPU @ 2.40GHz" -> "Intel Core i7-4700MQ"; "AMD Ryzen 9 5950X 16-Core Processor" -> "AMD Ryzen 9 5950X". */
export function shortCpuName(brand: string): string {
  return brand
    .replace(/\((?:R|TM|tm|r)\)/g, '')
    .replace(/\s+@.*$/, '')
    .replace(/\b\d+-Core Processor\b/i, '')
    .replace(/\b(?:CPU|Processor)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}
