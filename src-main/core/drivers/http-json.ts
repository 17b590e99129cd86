// HTTP for the families with an HTTP API (AxeOS, XMRig, GPU miners, Antminer web CGI): one request, bounded in time
// (connect to last byte, so a rig that trickles its body still ends on time) and in size (the body is read as a
// stream and abandoned past the limit), with the outcome as a typed value or a RigwiseError.
import { RigwiseError } from '../../../src-shared/api/errors.js';

export const DEFAULT_MAX_HTTP_BYTES = 1024 * 1024;

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  /** Sent as JSON with Content-Type application/json; a string is sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes?: number;
  signal?: AbortSignal | undefined;
}

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
}

async function readLimited(response: Response, maxBytes: number, where: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw new RigwiseError('RIG_BAD_REPLY', `${where} sent more than ${maxBytes} bytes; reply refused.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function where(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

export async function httpRequest(request: HttpRequest): Promise<HttpReply> {
  const place = where(request.url);
  const signals = [AbortSignal.timeout(request.timeoutMs), ...(request.signal ? [request.signal] : [])];
  const body =
    request.body === undefined
      ? undefined
      : typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body);
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (body !== undefined && typeof request.body !== 'string') headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(request.url, {
      method: request.method ?? 'GET',
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.any(signals),
      redirect: 'manual',
    });
    const text = await readLimited(response, request.maxBytes ?? DEFAULT_MAX_HTTP_BYTES, place);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (error instanceof RigwiseError) throw error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new RigwiseError('RIG_UNREACHABLE', `${place} did not answer within ${request.timeoutMs} ms.`);
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new RigwiseError('RIG_UNREACHABLE', `${place} could not be reached: ${cause}`);
  }
}

/** A JSON object from a 2xx reply, or a RigwiseError that says what came instead. */
export async function httpJson(request: HttpRequest): Promise<Record<string, unknown>> {
  const reply = await httpRequest(request);
  const place = where(request.url);
  if (reply.status === 401 || reply.status === 403) {
    throw new RigwiseError('UNAUTHORIZED', `${place} refused the credentials (HTTP ${reply.status}).`);
  }
  if (reply.status < 200 || reply.status >= 300) {
    throw new RigwiseError('RIG_ERROR', `${place} answered HTTP ${reply.status}.`);
  }
  try {
    const value: unknown = JSON.parse(reply.text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the typed error below
  }
  throw new RigwiseError(
    'RIG_BAD_REPLY',
    `${place} did not send a JSON object: ${JSON.stringify(reply.text.slice(0, 60))}…`,
  );
}
