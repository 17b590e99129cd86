// One API connection: read one request, answer it (or misbehave, if a network fault is in force), close. Real
// firmware closes the socket after every reply; clients rely on that to know the reply is complete.

import type { Socket } from 'node:net';
import type { Fault } from './faults.js';
import { frameRequest, MAX_REQUEST_BYTES } from './request.js';
import type { ParsedRequest } from './request.js';

/** A text request with no terminator is taken after this much silence (cgminer answers its first recv()). */
const TEXT_QUIET_MS = 30;
/** Drop clients that connect and send nothing, and bound how long a "hang" keeps a socket. */
const IDLE_TIMEOUT_MS = 5 * 60_000;

export interface ConnectionBehaviour {
  /** Faults in force now; read when the request is complete. */
  faults(): readonly Fault[];
  /** The reply bytes (NUL included), or null when there is nothing to answer. */
  answer(request: ParsedRequest): string | null;
  /** Seeded randomness for garbage replies. */
  random(): () => number;
}

function findFault<K extends Fault['kind']>(
  faults: readonly Fault[],
  kind: K,
): Extract<Fault, { kind: K }> | undefined {
  return faults.find((fault): fault is Extract<Fault, { kind: K }> => fault.kind === kind);
}

/** Random bytes half the time, a reply cut off mid-JSON the other half: the two shapes of garbage seen in the field. */
export function garbage(reply: string, next: () => number): Buffer {
  if (next() < 0.5) {
    const length = 64 + Math.floor(next() * 448);
    return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
  }
  const bytes = Buffer.from(reply.replace(/\0$/, ''));
  return bytes.subarray(0, Math.max(1, Math.floor(bytes.length * (0.1 + 0.8 * next()))));
}

/** Pads a reply to about sizeBytes while keeping it valid: a long field before the closing brace (or record). */
export function oversize(reply: string, sizeBytes: number): string {
  const body = reply.replace(/\0$/, '');
  const padding = 'x'.repeat(Math.max(0, sizeBytes - body.length));
  if (body.endsWith('}')) return `${body.slice(0, -1)},"padding":"${padding}"}\0`;
  return `${body}PADDING=${padding}|\0`;
}

export function serveConnection(socket: Socket, behaviour: ConnectionBehaviour): void {
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };
  let received = '';
  let receivedBytes = 0;
  let answered = false;
  let quietTimer: NodeJS.Timeout | null = null;

  socket.setNoDelay(true);
  socket.setTimeout(IDLE_TIMEOUT_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (quietTimer) clearTimeout(quietTimer);
  });

  const send = (payload: string | Buffer, faults: readonly Fault[]): void => {
    const trickle = findFault(faults, 'trickle');
    if (!trickle) {
      socket.end(payload);
      return;
    }
    const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    let offset = 0;
    const sendChunk = (): void => {
      if (socket.destroyed) return;
      socket.write(bytes.subarray(offset, offset + trickle.chunkBytes));
      offset += trickle.chunkBytes;
      if (offset < bytes.length) later(trickle.intervalMs, sendChunk);
      else socket.end();
    };
    sendChunk();
  };

  const respond = (request: ParsedRequest): void => {
    if (answered) return;
    answered = true;
    const faults = behaviour.faults();
    // A hung firmware accepted the connection and read the request; it will never write anything.
    if (findFault(faults, 'hang')) return;
    const reply = behaviour.answer(request);
    if (reply === null) {
      socket.end();
      return;
    }
    const oversized = findFault(faults, 'oversized');
    let payload: string | Buffer = oversized ? oversize(reply, oversized.sizeBytes) : reply;
    if (findFault(faults, 'garbageReplies')) payload = garbage(reply, behaviour.random());
    const delayMs = findFault(faults, 'slowReplies')?.delayMs ?? 0;
    if (delayMs > 0) later(delayMs, () => send(payload, faults));
    else send(payload, faults);
  };

  const check = (ended: boolean): void => {
    if (answered) return;
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = null;
    const frame = frameRequest(received, ended);
    if (frame.complete) respond(frame.request);
    else if (frame.quiet) quietTimer = setTimeout(() => check(true), TEXT_QUIET_MS);
  };

  socket.on('data', (chunk: Buffer) => {
    if (answered) return;
    receivedBytes += chunk.length;
    if (receivedBytes > MAX_REQUEST_BYTES) {
      socket.destroy();
      return;
    }
    received += chunk.toString('utf8');
    check(false);
  });
  socket.on('end', () => check(true));
}
