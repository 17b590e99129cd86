import { z } from 'zod';

/** Stable codes: the renderer and scripts branch on these, never on message text. */
export const ErrorCodeSchema = z.enum([
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'INVALID_RANGE',
  'RANGE_TOO_LARGE',
  'SCAN_IN_PROGRESS',
  'RIG_UNREACHABLE',
  'RIG_BAD_REPLY',
  'RIG_ERROR',
  'LIMIT_EXCEEDED',
  'INVALID_RULE',
  'UNAUTHORIZED',
  'ENGINE_UNREACHABLE',
  /** The history database could not answer (it is being replaced after damage, or the disk failed). */
  'STORAGE_ERROR',
  /** A market data provider could not be read (offline, timed out, or it answered something unreadable). */
  'MARKET_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type ApiErrorValue = z.infer<typeof ApiErrorSchema>;

/**
 * Thrown inside the engine and turned into an `ApiErrorValue` at every boundary. The message is written for the
 * operator: it says what went wrong and, where there is one, what to do about it.
 */
export class RigwiseError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'RigwiseError';
    this.code = code;
  }
  toValue(): ApiErrorValue {
    return { code: this.code, message: this.message };
  }
}

export function toErrorValue(error: unknown): ApiErrorValue {
  if (error instanceof RigwiseError) return error.toValue();
  return { code: 'INTERNAL', message: 'Internal error; see the Rigwise log for details.' };
}
