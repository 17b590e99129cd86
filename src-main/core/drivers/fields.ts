// Defensive field readers for rig replies. Firmwares send numbers as numbers or as strings ("GHS 5s":"54997.01" on an
// S17), sometimes as "" for an absent board, sometimes as garbage: every reader returns a typed value or null and never
// throws, so one odd field cannot take down a whole snapshot.
import type { JsonObject } from './cgminer/parse.js';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function numberField(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.length === 0 || trimmed.length > 40) return null;
    const parsed = Number(trimmed);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** A whole number, or null: values past the safe-integer range ("1e20" errors) are not counts we can trust. */
export function intField(value: unknown): number | null {
  const parsed = numberField(value);
  if (parsed === null) return null;
  const whole = Math.trunc(parsed);
  return Number.isSafeInteger(whole) ? whole : null;
}

/** A position (board, fan, pool number): a whole number from 0, or null. */
export function indexField(value: unknown): number | null {
  const parsed = intField(value);
  return parsed !== null && parsed >= 0 ? parsed : null;
}

/** A string field, cut to a sane length: a rig is not allowed to fill our UI or logs with megabytes. */
export function stringField(value: unknown, maxLength = 256): string | null {
  if (typeof value === 'string') return value.slice(0, maxLength);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function booleanField(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'Y' || value === 'y') return true;
  if (value === 'false' || value === 'N' || value === 'n') return false;
  return null;
}

/** The first object of a reply section (`"VERSION":[{...}]`), or the section itself if a firmware sent an object. */
export function firstEntry(reply: JsonObject, section: string): JsonObject | null {
  const value = reply[section];
  if (Array.isArray(value)) return isObject(value[0]) ? value[0] : null;
  return isObject(value) ? value : null;
}

export function entries(reply: JsonObject, section: string): JsonObject[] {
  const value = reply[section];
  if (!Array.isArray(value)) return isObject(value) ? [value] : [];
  return value.filter(isObject);
}

/**
 * Antminer sensor lists such as "temp_chip1":"2--1-20-22" are dash-separated, and a minus sign doubles the dash: the
 * example reads 2, -1, 20, 22 (PROTOCOLS.md, S19 Pro stats fixture).
 */
export function dashSeparatedNumbers(value: unknown): number[] {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) return [];
  const parts = value.split('-');
  const numbers: number[] = [];
  let negative = false;
  for (const part of parts) {
    if (part === '') {
      negative = true;
      continue;
    }
    const parsed = Number(part);
    if (Number.isFinite(parsed)) numbers.push(negative ? -parsed : parsed);
    negative = false;
  }
  return numbers;
}

export function maxOf(values: ReadonlyArray<number | null>): number | null {
  let max: number | null = null;
  for (const value of values) if (value !== null && (max === null || value > max)) max = value;
  return max;
}
