import { formatDuration } from '../../src-shared/units.js';

// Only figures without a unit live here (share counts, chip counts, clock times). Anything with a unit (TH/s, W,
// J/TH, °C, rpm, durations) is formatted by src-shared/units.ts so every surface agrees on it.

// One formatter each, built once: toLocaleString with options builds a new Intl.NumberFormat on every call, which
// showed up in profiles of a 1,000-rig table.
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const plainNumberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export function formatCount(count: number | null): string {
  if (count === null || !Number.isFinite(count)) return '—';
  return countFormat.format(count);
}

/** A plain number with thousands separators and up to three decimals ("30,000", "0.2"). */
export function formatPlainNumber(value: number): string {
  return plainNumberFormat.format(value);
}

/** "12s ago" for an event at `atMs`, seen from `nowMs`. */
export function formatAgo(atMs: number | null, nowMs: number): string {
  if (atMs === null) return 'never';
  const ageS = Math.max(0, (nowMs - atMs) / 1000);
  return `${formatDuration(ageS)} ago`;
}

/** Local wall-clock time, for tooltips next to relative times. */
export function formatClock(atMs: number | null): string {
  if (atMs === null) return '';
  return new Date(atMs).toLocaleString();
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** "14:32:05" today, "Nov 25 14:32:05" on another day: for log lines, where the exact moment matters. */
export function formatLogTime(atMs: number, nowMs: number): string {
  const at = new Date(atMs);
  const sameDay = at.toDateString() === new Date(nowMs).toDateString();
  return sameDay ? timeFormat.format(at) : `${dayFormat.format(at)} ${timeFormat.format(at)}`;
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const;
const oneDecimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A file size as a file manager shows it (1,024 bytes to the KB): "812 bytes", "3.4 MB", "128 GB". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${countFormat.format(bytes)} byte${bytes === 1 ? '' : 's'}`;
  let value = bytes / 1024;
  let index = 0;
  while (value >= 1024 && index < BYTE_UNITS.length - 1) {
    value /= 1024;
    index += 1;
  }
  const shown = value >= 100 ? countFormat.format(value) : oneDecimalFormat.format(value);
  return `${shown} ${BYTE_UNITS[index] ?? 'TB'}`;
}
