// A minimal gRPC client over node:http2 for unary calls to the Braiins OS+ Public API (plaintext h2c on TCP 50051,
// braiins/bos-plus-api README "Prerequisites"). Wire format from grpc/grpc doc/PROTOCOL-HTTP2.md:
// - request: HEADERS :method POST, :scheme http, :path /<service>/<method>, te: trailers, content-type
//   application/grpc, grpc-timeout, custom metadata (BOS+: `authorization: <token>`, no "Bearer" prefix); then DATA
//   with one Length-Prefixed-Message = 1 byte compressed flag (0) + 4 bytes big-endian length + the protobuf bytes.
// - response: HEADERS :status 200 (+ metadata: Login puts the token in `authorization`), DATA with one
//   Length-Prefixed-Message, then trailers grpc-status / grpc-message (percent-encoded). An immediate error may come as
//   "Trailers-Only": grpc-status in the first and only HEADERS frame.
// Everything is bounded: one deadline for the whole session (login + call), a reply size cap, and every failure is a
// RigwiseError value. Credentials and tokens never appear in an error message.
import http2 from 'node:http2';
import { RigwiseError } from '../../../../src-shared/api/errors.js';

export const BOS_GRPC_PORT = 50051;
/** BOS+ replies we read are a few hundred bytes; anything near this is not a reply to our calls. */
export const DEFAULT_MAX_GRPC_REPLY_BYTES = 256 * 1024;

/** gRPC status codes (grpc/grpc doc/statuscodes.md) that change what we tell the operator. */
export const GRPC_STATUS = {
  ok: 0,
  cancelled: 1,
  invalidArgument: 3,
  deadlineExceeded: 4,
  notFound: 5,
  permissionDenied: 7,
  unimplemented: 12,
  unavailable: 14,
  unauthenticated: 16,
} as const;

export type GrpcOutcome =
  | { ok: true; message: Uint8Array; headers: Readonly<Record<string, string>> }
  | { ok: false; grpcStatus: number | null; error: RigwiseError };

export interface GrpcSessionOptions {
  host: string;
  port: number;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  maxReplyBytes?: number;
}

/** A 5-byte gRPC message prefix plus the message. */
export function frameMessage(message: Uint8Array): Buffer {
  const framed = Buffer.alloc(5 + message.length);
  framed.writeUInt8(0, 0);
  framed.writeUInt32BE(message.length, 1);
  framed.set(message, 5);
  return framed;
}

export type UnframeResult = { ok: true; message: Uint8Array } | { ok: false; reason: string };

/** The single message of a unary reply. Compressed messages are refused: we never offer grpc-accept-encoding. */
export function unframeMessage(body: Buffer): UnframeResult {
  if (body.length < 5) return { ok: false, reason: `reply body of ${body.length} bytes has no message prefix` };
  const compressed = body.readUInt8(0);
  if (compressed !== 0) return { ok: false, reason: 'reply message is compressed, which was not negotiated' };
  const length = body.readUInt32BE(1);
  if (body.length !== 5 + length) {
    return { ok: false, reason: `reply message says ${length} bytes but ${body.length - 5} arrived` };
  }
  return { ok: true, message: body.subarray(5) };
}

/** grpc-message is percent-encoded UTF-8; a rig could send anything, so it is decoded leniently and cut short. */
export function readableStatusMessage(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) return '';
  let text = value.slice(0, 400);
  try {
    text = decodeURIComponent(text);
  } catch {
    // keep the raw form, as the spec allows
  }
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 120);
}

function headerText(value: string | string[] | number | undefined): string | undefined {
  if (Array.isArray(value)) return value[0];
  return value === undefined ? undefined : String(value);
}

function statusError(where: string, method: string, status: number, detail: string): RigwiseError {
  const said = detail ? `: ${detail}` : '';
  switch (status) {
    case GRPC_STATUS.unauthenticated:
    case GRPC_STATUS.permissionDenied:
      return new RigwiseError('UNAUTHORIZED', `${where} refused the admin credentials${said}.`);
    case GRPC_STATUS.unimplemented:
      return new RigwiseError('RIG_ERROR', `${where} does not offer ${method}; its Braiins OS is too old for this.`);
    case GRPC_STATUS.unavailable:
    case GRPC_STATUS.deadlineExceeded:
    case GRPC_STATUS.cancelled:
      return new RigwiseError('RIG_UNREACHABLE', `${where} could not serve ${method} right now${said}.`);
    default:
      return new RigwiseError('RIG_ERROR', `${where} refused ${method} (gRPC status ${status})${said}.`);
  }
}

/** One HTTP/2 connection to a rig's gRPC port, for one or a few unary calls under one deadline. */
export class GrpcSession {
  private readonly session: http2.ClientHttp2Session;
  private readonly deadline: AbortSignal;
  private readonly where: string;
  private readonly maxReplyBytes: number;
  private sessionError: RigwiseError | null = null;

  constructor(private readonly options: GrpcSessionOptions) {
    // IPv6 literals need brackets in an authority ("[fe80::1]:50051").
    this.where = options.host.includes(':') ? `[${options.host}]:${options.port}` : `${options.host}:${options.port}`;
    this.maxReplyBytes = options.maxReplyBytes ?? DEFAULT_MAX_GRPC_REPLY_BYTES;
    const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
    this.deadline = AbortSignal.any(signals);
    this.session = http2.connect(`http://${this.where}`);
    this.session.on('error', (error: NodeJS.ErrnoException) => {
      this.sessionError = new RigwiseError(
        'RIG_UNREACHABLE',
        error.code === 'ECONNREFUSED'
          ? `${this.where} refused the connection: is the Braiins OS+ gRPC API (port ${options.port}) enabled?`
          : `${this.where}: ${error.code ?? 'connection failed'}`,
      );
    });
    // A peer that is not an HTTP/2 server (or sends garbage) ends the session; the call then fails on its own.
    this.session.on('goaway', () => undefined);
  }

  close(): void {
    if (!this.session.destroyed) this.session.destroy();
  }

  /** One unary call. Resolves with the outcome; never rejects. */
  call(method: string, request: Uint8Array, metadata: Readonly<Record<string, string>> = {}): Promise<GrpcOutcome> {
    return new Promise<GrpcOutcome>((resolve) => {
      let settled = false;
      const chunks: Buffer[] = [];
      let received = 0;
      let headers: http2.IncomingHttpHeaders | null = null;
      let trailers: http2.IncomingHttpHeaders | null = null;

      const finish = (outcome: GrpcOutcome): void => {
        if (settled) return;
        settled = true;
        this.deadline.removeEventListener('abort', onAbort);
        if (!stream.destroyed) stream.close(http2.constants.NGHTTP2_CANCEL);
        resolve(outcome);
      };
      const fail = (error: RigwiseError, grpcStatus: number | null = null): void =>
        finish({ ok: false, grpcStatus, error });
      const onAbort = (): void =>
        fail(new RigwiseError('RIG_UNREACHABLE', `${this.where} did not answer ${method} in time.`));

      const remainingS = Math.max(1, Math.ceil(this.options.timeoutMs / 1000));
      const stream = this.session.request({
        ':method': 'POST',
        ':path': method,
        'content-type': 'application/grpc',
        te: 'trailers',
        'grpc-timeout': `${remainingS}S`,
        ...metadata,
      });
      if (this.deadline.aborted) {
        onAbort();
        return;
      }
      this.deadline.addEventListener('abort', onAbort, { once: true });

      stream.on('response', (responseHeaders: http2.IncomingHttpHeaders) => {
        headers = responseHeaders;
      });
      stream.on('trailers', (responseTrailers: http2.IncomingHttpHeaders) => {
        trailers = responseTrailers;
      });
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > this.maxReplyBytes) {
          fail(new RigwiseError('RIG_BAD_REPLY', `${this.where} sent more than ${this.maxReplyBytes} bytes.`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', () => undefined);
      stream.on('close', () => {
        if (settled) return;
        if (!headers) {
          fail(
            this.sessionError ??
              new RigwiseError('RIG_UNREACHABLE', `${this.where} closed the connection without answering ${method}.`),
          );
          return;
        }
        finish(this.evaluate(method, headers, trailers, Buffer.concat(chunks)));
      });
      stream.end(frameMessage(request));
    });
  }

  private evaluate(
    method: string,
    headers: http2.IncomingHttpHeaders,
    trailers: http2.IncomingHttpHeaders | null,
    body: Buffer,
  ): GrpcOutcome {
    const httpStatus = Number(headerText(headers[':status']));
    const contentType = headerText(headers['content-type']) ?? '';
    if (httpStatus !== 200 || !contentType.startsWith('application/grpc')) {
      return {
        ok: false,
        grpcStatus: null,
        error: new RigwiseError('RIG_BAD_REPLY', `${this.where} is not a gRPC server (HTTP ${httpStatus}).`),
      };
    }
    const statusText = headerText(trailers?.['grpc-status']) ?? headerText(headers['grpc-status']);
    const grpcStatus = statusText !== undefined && /^\d{1,2}$/.test(statusText) ? Number(statusText) : null;
    if (grpcStatus === null) {
      const error = new RigwiseError('RIG_BAD_REPLY', `${this.where} ended ${method} without a gRPC status.`);
      return { ok: false, grpcStatus: null, error };
    }
    if (grpcStatus !== GRPC_STATUS.ok) {
      const detail = readableStatusMessage(trailers?.['grpc-message'] ?? headers['grpc-message']);
      return { ok: false, grpcStatus, error: statusError(this.where, method, grpcStatus, detail) };
    }
    const unframed = unframeMessage(body);
    if (!unframed.ok) {
      return { ok: false, grpcStatus, error: new RigwiseError('RIG_BAD_REPLY', `${this.where}: ${unframed.reason}.`) };
    }
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const text = headerText(value);
      if (text !== undefined && !name.startsWith(':')) flat[name] = text.slice(0, 512);
    }
    return { ok: true, message: unframed.message, headers: flat };
  }
}
