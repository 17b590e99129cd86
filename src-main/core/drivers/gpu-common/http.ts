// The one HTTP GET every GPU driver makes, through the size- and time-bounded client in ../http-json.ts.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { JsonObject } from '../cgminer/parse.js';
import type { ProbeTarget } from '../driver.js';
import { httpJson } from '../http-json.js';

/** GPU miner replies are a few kB; 256 kB leaves room for 32 GPUs and refuses anything absurd early. */
export const MAX_GPU_REPLY_BYTES = 256 * 1024;

export function rigUrl(host: string, port: number, pathAndQuery: string): string {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `http://${hostPart}:${port}${pathAndQuery}`;
}

export interface JsonRequest {
  host: string;
  port: number;
  path: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  method?: 'GET' | 'POST';
  body?: unknown;
}

export async function requestJson(request: JsonRequest): Promise<JsonObject> {
  const url = rigUrl(request.host, request.port, request.path);
  if (!URL.canParse(url))
    throw new RigwiseError('RIG_UNREACHABLE', `${request.host} is not an address Rigwise can reach.`);
  return httpJson({
    url,
    method: request.method ?? 'GET',
    ...(request.body === undefined ? {} : { body: request.body }),
    timeoutMs: Math.max(1, request.timeoutMs),
    maxBytes: MAX_GPU_REPLY_BYTES,
    signal: request.signal,
  });
}

/** For probes: the reply object, or null for anything that went wrong, so a probe never throws. */
export async function probeJson(target: ProbeTarget, path: string, signal: AbortSignal): Promise<JsonObject | null> {
  try {
    return await requestJson({ host: target.host, port: target.port, path, timeoutMs: target.timeoutMs, signal });
  } catch {
    return null;
  }
}
