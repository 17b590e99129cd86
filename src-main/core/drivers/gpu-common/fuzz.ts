// Seeded hostile-input generator for the parsers' fuzz tests: takes a real reply and breaks it the ways a broken or
// hostile rig could (wrong types, absurd numbers, huge strings and arrays, missing keys, truncated or flipped bytes).
// Used by tests only; kept out of *.test.ts so every family's test can share it.

/** mulberry32, as the simulator uses (src-main/sim/random.ts); copied so core code does not depend on the sim. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const NASTY_SCALARS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER * 1024,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  'NaN',
  '1e999',
  '-5',
  '0x10',
  ' 42 ',
  '\u0000',
  'x'.repeat(5000),
  '9'.repeat(400),
  [],
  {},
  [[[[]]]],
  { __proto__: { polluted: true } },
];

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** A random JSON-like value, nested up to `depth`. */
export function randomValue(next: () => number, depth = 3): unknown {
  const roll = next();
  if (depth <= 0 || roll < 0.5) return roll < 0.25 ? pick(NASTY_SCALARS, next) : next() * 10 ** Math.floor(next() * 12);
  if (roll < 0.75) return Array.from({ length: Math.floor(next() * 6) }, () => randomValue(next, depth - 1));
  const object: Record<string, unknown> = {};
  const keys = ['gpus', 'GPUs', 'devices', 'Session', 'algorithms', 'hashrate', 'name', 'Software', 'miner', 'x'];
  for (let index = Math.floor(next() * 6); index > 0; index -= 1)
    object[pick(keys, next)] = randomValue(next, depth - 1);
  return object;
}

/** A copy of `value` with some of its nodes replaced, removed, multiplied or retyped. */
export function mutate(value: unknown, next: () => number, rate = 0.15): unknown {
  if (next() < rate) return next() < 0.7 ? pick(NASTY_SCALARS, next) : randomValue(next, 2);
  if (Array.isArray(value)) {
    const items = value.map((item) => mutate(item, next, rate));
    if (next() < rate) return items.slice(0, Math.floor(next() * items.length));
    if (next() < rate / 3 && items.length > 0)
      return Array.from({ length: 40 + Math.floor(next() * 60) }, () => items[0]);
    return items;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (next() < rate / 2) continue;
      copy[key] = mutate(inner, next, rate);
    }
    return copy;
  }
  return value;
}

/** The reply as text with bytes flipped, cut or inserted: what a flaky link or a garbage reply looks like. */
export function mutateText(text: string, next: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(next() * 4);
  for (let edit = 0; edit < edits; edit += 1) {
    const at = Math.floor(next() * out.length);
    const roll = next();
    if (roll < 0.3) out = out.slice(0, at);
    else if (roll < 0.6)
      out = `${out.slice(0, at)}${String.fromCharCode(Math.floor(next() * 256))}${out.slice(at + 1)}`;
    else if (roll < 0.8)
      out = `${out.slice(0, at)}${pick(['"', '{', '}', ',', '[', ']', ':', '-', 'e'], next)}${out.slice(at)}`;
    else out = `${out.slice(0, at)}${out.slice(at + 1 + Math.floor(next() * 20))}`;
  }
  return out;
}

/** What the HTTP client would hand the parser for this text: a JSON object, or nothing. */
export function asJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
