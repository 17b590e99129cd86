// Whole numbers for the contract's int fields. fields.ts's intField truncates whatever a rig sends, so -3, 1e300 or
// 2**60 come through; the snapshot schema wants indexes >= 0 and safe integers, and one hostile field must not make
// a whole snapshot fail the contract.
import { intField } from '../fields.js';

/** A position: a safe integer >= 0, or the fallback (the row's position in the reply). */
export function indexField(value: unknown, fallback: number): number {
  const parsed = intField(value);
  return parsed !== null && parsed >= 0 && Number.isSafeInteger(parsed) ? parsed : fallback;
}

/** A count or counter: a safe integer, or null. */
export function safeIntField(value: unknown): number | null {
  const parsed = intField(value);
  return parsed !== null && Number.isSafeInteger(parsed) ? parsed : null;
}
