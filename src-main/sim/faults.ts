// Faults a virtual rig can be given, from code or the CLI. Physical faults change the model (a dead board, a failed
// fan, thermal runaway); network faults change how the rig answers (or does not).

export type Fault =
  /** Stops listening and drops open connections: clients get "connection refused". */
  | { kind: 'unreachable' }
  /** The board stops hashing: rate 0, every chip 'x'. */
  | { kind: 'deadBoard'; board: number }
  /** Some chips on a board have failed: a mild, common fault (lower rate, a few 'x'). */
  | { kind: 'degradedBoard'; board: number; failedChips: number }
  /** The fan's rpm drops to ~0 and its stalled rotor blocks airflow: temperatures rise. */
  | { kind: 'failingFan'; fan: number }
  /** Thermal runaway (clogged heatsinks, dried paste): cooling keeps degrading and temperatures climb. */
  | { kind: 'overheat' }
  /** Every reply waits delayMs before it is sent. */
  | { kind: 'slowReplies'; delayMs: number }
  /** Replies are random bytes or truncated JSON. */
  | { kind: 'garbageReplies' }
  /** Accepts connections and reads the request but never answers. */
  | { kind: 'hang' }
  /** Sends the reply chunkBytes at a time, one chunk every intervalMs. */
  | { kind: 'trickle'; chunkBytes: number; intervalMs: number }
  /** Sends a valid but huge reply (sizeBytes of padding inside the JSON). */
  | { kind: 'oversized'; sizeBytes: number };

export type FaultKind = Fault['kind'];

export const FAULT_KINDS: readonly FaultKind[] = [
  'unreachable',
  'deadBoard',
  'degradedBoard',
  'failingFan',
  'overheat',
  'slowReplies',
  'garbageReplies',
  'hang',
  'trickle',
  'oversized',
];

export const DEFAULT_TRICKLE = { chunkBytes: 16, intervalMs: 50 } as const;
export const DEFAULT_OVERSIZED_BYTES = 4 * 1024 * 1024;

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

/** The board or fan a fault is about, for faults that can be given once per board or fan. */
export function faultTarget(fault: Fault): number | null {
  switch (fault.kind) {
    case 'deadBoard':
    case 'degradedBoard':
      return fault.board;
    case 'failingFan':
      return fault.fan;
    case 'unreachable':
    case 'overheat':
    case 'slowReplies':
    case 'garbageReplies':
    case 'hang':
    case 'trickle':
    case 'oversized':
      return null;
  }
}

/** Two faults occupy the same slot when one should replace the other (same kind and same board/fan). */
export function sameFaultSlot(a: Fault, b: Fault): boolean {
  return a.kind === b.kind && faultTarget(a) === faultTarget(b);
}

/**
 * Builds a fault from the CLI's words: "deadBoard 1", "slowReplies 2000", "trickle 8 100", "overheat".
 * Returns an error message instead of throwing, so the CLI can print it.
 */
export function parseFault(kind: string, args: readonly string[]): Fault | string {
  const numbers = args.map(Number);
  if (numbers.some((value) => !Number.isInteger(value) || value < 0)) {
    return `fault arguments must be whole numbers >= 0, got "${args.join(' ')}"`;
  }
  const [first, second] = numbers;
  switch (kind) {
    case 'unreachable':
    case 'overheat':
    case 'garbageReplies':
    case 'hang':
      return { kind };
    case 'deadBoard':
      return first === undefined ? 'deadBoard needs a board index' : { kind, board: first };
    case 'degradedBoard':
      return first === undefined
        ? 'degradedBoard needs a board index'
        : { kind, board: first, failedChips: second ?? 6 };
    case 'failingFan':
      return first === undefined ? 'failingFan needs a fan index' : { kind, fan: first };
    case 'slowReplies':
      return first === undefined ? 'slowReplies needs a delay in ms' : { kind, delayMs: first };
    case 'trickle':
      return {
        kind,
        chunkBytes: Math.max(1, first ?? DEFAULT_TRICKLE.chunkBytes),
        intervalMs: second ?? DEFAULT_TRICKLE.intervalMs,
      };
    case 'oversized':
      return { kind, sizeBytes: first ?? DEFAULT_OVERSIZED_BYTES };
    default:
      return `unknown fault "${kind}"; known: ${FAULT_KINDS.join(', ')}`;
  }
}
