// One HTTP request to a rig's web interface behind Digest authentication, on top of ../http-json.ts (bounded in time
// and size). The exchange RFC 2617 describes: the first request is answered 401 with a WWW-Authenticate challenge, the
// second carries the Authorization answer. A second 401 means the password is wrong. The password never appears in
// an error message; only the user name and the realm do.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { httpRequest, type HttpReply } from '../http-json.js';
import { digestAuthorization, parseDigestChallenge, randomCnonce, type DigestCredentials } from './digest.js';

/** CGI replies are a few KiB; get_miner_conf is under 1 KiB. */
const MAX_WEB_REPLY_BYTES = 256 * 1024;

export interface DigestHttpRequest {
  method: 'GET' | 'POST';
  /** http://host:port/path */
  url: string;
  /** Sent as it is (JSON text or form-encoded text), with contentType. */
  body?: string;
  contentType?: string;
  credentials: DigestCredentials;
  /** Bounds the whole exchange, both requests together. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /**
   * Resolve with status 0 when the connection drops (or times out) after the login was sent: a rig told to reboot
   * may close the socket before it answers. Off by default.
   */
  acceptDropAfterLogin?: boolean;
}

function place(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

async function once(request: DigestHttpRequest, deadline: number, authorization: string | null): Promise<HttpReply> {
  const remainingMs = deadline - Date.now();
  if (remainingMs <= 0) {
    throw new RigwiseError('RIG_UNREACHABLE', `${place(request.url)} did not answer within ${request.timeoutMs} ms.`);
  }
  const headers: Record<string, string> = { Accept: '*/*' };
  if (request.contentType) headers['Content-Type'] = request.contentType;
  if (authorization) headers['Authorization'] = authorization;
  return httpRequest({
    method: request.method,
    url: request.url,
    ...(request.body === undefined ? {} : { body: request.body }),
    headers,
    timeoutMs: remainingMs,
    maxBytes: MAX_WEB_REPLY_BYTES,
    signal: request.signal,
  });
}

export interface DigestReply {
  status: number;
  text: string;
  /** True once a request with our Authorization header was sent: the rig has seen a valid-format login. */
  authenticated: boolean;
}

/**
 * Sends the request, answering a Digest challenge once. Resolves with any reply that is not a 401 (the caller judges
 * the status); rejects with UNAUTHORIZED when the login is refused or cannot be answered, RIG_UNREACHABLE /
 * RIG_BAD_REPLY from the transport otherwise.
 */
export async function digestRequest(request: DigestHttpRequest): Promise<DigestReply> {
  const deadline = Date.now() + request.timeoutMs;
  const first = await once(request, deadline, null);
  if (first.status !== 401) return { status: first.status, text: first.text, authenticated: false };
  const challenge = parseDigestChallenge(first.headers.get('www-authenticate'));
  if (!challenge) {
    throw new RigwiseError(
      'UNAUTHORIZED',
      `${place(request.url)} asks for a login Rigwise cannot answer (no usable Digest challenge).`,
    );
  }
  const path = new URL(request.url);
  const authorization = digestAuthorization({
    challenge,
    credentials: request.credentials,
    request: { method: request.method, uri: `${path.pathname}${path.search}` },
    cnonce: randomCnonce(),
    nc: '00000001',
  });
  let second: HttpReply;
  try {
    second = await once(request, deadline, authorization);
  } catch (error) {
    const dropped = error instanceof RigwiseError && error.code === 'RIG_UNREACHABLE';
    if (dropped && request.acceptDropAfterLogin && !request.signal?.aborted) {
      return { status: 0, text: '', authenticated: true };
    }
    throw error;
  }
  if (second.status === 401 || second.status === 403) {
    throw new RigwiseError(
      'UNAUTHORIZED',
      `${place(request.url)} refused the login for user "${request.credentials.username}" ` +
        `(realm "${challenge.realm.slice(0, 64)}"): check the rig's admin password.`,
    );
  }
  return { status: second.status, text: second.text, authenticated: true };
}
