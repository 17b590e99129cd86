// Framing of one API request. cgminer reads a single request per connection and clients do not agree on how to end
// it: pyasic sends JSON with no terminator and keeps the socket half-open until the reply (PROTOCOLS.md A1), netcat
// users add a newline, others half-close. So a request is complete as soon as the bytes form a whole JSON object,
// a text line ends, or the client half-closes; a text request with no terminator is taken after a short quiet
// spell, the way cgminer's single recv() would take it.

export type ParsedRequest =
  | { kind: 'json'; command: string; parameter: string | null }
  | { kind: 'text'; command: string; parameter: string | null }
  | { kind: 'invalid-json' }
  | { kind: 'missing-command' }
  | { kind: 'empty' };

export type FrameResult =
  | { complete: true; request: ParsedRequest }
  /** quiet: a text request that may be whole; take it if nothing more arrives soon. */
  | { complete: false; quiet: boolean };

/** cgminer's own socket buffer is 64 KiB; no real request comes near that. */
export const MAX_REQUEST_BYTES = 65_536;

function parseJson(text: string): ParsedRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'invalid-json' };
  const { command, parameter } = value as Record<string, unknown>;
  if (typeof command !== 'string') return { kind: 'missing-command' };
  const hasParameter = typeof parameter === 'string' || typeof parameter === 'number';
  return { kind: 'json', command, parameter: hasParameter ? String(parameter) : null };
}

function parseText(line: string): ParsedRequest {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  const bar = trimmed.indexOf('|');
  if (bar < 0) return { kind: 'text', command: trimmed, parameter: null };
  return { kind: 'text', command: trimmed.slice(0, bar), parameter: trimmed.slice(bar + 1) };
}

/** Decides whether the bytes received so far (as text) are a whole request. `ended`: the client half-closed. */
export function frameRequest(received: string, ended: boolean): FrameResult {
  const text = received.replace(/\0/g, '').trimStart();
  if (text === '') return ended ? { complete: true, request: { kind: 'empty' } } : { complete: false, quiet: false };
  if (text.startsWith('{')) {
    const whole = parseJson(text.trim());
    if (whole) return { complete: true, request: whole };
    const newline = text.indexOf('\n');
    if (newline >= 0) {
      return { complete: true, request: parseJson(text.slice(0, newline).trim()) ?? { kind: 'invalid-json' } };
    }
    return ended ? { complete: true, request: { kind: 'invalid-json' } } : { complete: false, quiet: false };
  }
  const newline = text.indexOf('\n');
  if (newline >= 0) return { complete: true, request: parseText(text.slice(0, newline)) };
  return ended ? { complete: true, request: parseText(text) } : { complete: false, quiet: true };
}
