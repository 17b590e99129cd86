import type { AuditEntry, CommandState, CredentialKind } from '../../src-shared/model/index.js';
import {
  formatFrequency,
  formatHashrate,
  formatPower,
  formatTemperature,
  formatVoltage,
} from '../../src-shared/units.js';
import { formatCount } from './format-plain.js';

// Commands and audit entries carry the change as a plain record (pool passwords already replaced by the engine), and
// before/after as whatever the engine read from the rig: everything here reads them defensively.

type Loose = Readonly<Record<string, unknown>>;

function numberIn(record: Loose | null | undefined, key: string): number | null {
  const value = record?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

interface PoolLike {
  url: string;
  user: string;
}

function poolsIn(record: Loose | null | undefined): PoolLike[] | null {
  const value = record?.['pools'];
  if (!Array.isArray(value)) return null;
  return value.flatMap((pool: unknown): PoolLike[] => {
    if (typeof pool !== 'object' || pool === null) return [];
    const { url, user } = pool as Loose;
    return typeof url === 'string' ? [{ url, user: typeof user === 'string' ? user : '' }] : [];
  });
}

function describePools(pools: readonly PoolLike[] | null): string {
  if (pools === null || pools.length === 0) return 'Pools changed';
  const [primary, ...failovers] = pools;
  const extra = failovers.length === 0 ? '' : ` (+${failovers.length} failover${failovers.length === 1 ? '' : 's'})`;
  return `Pools → ${primary?.url ?? '?'}${extra}`;
}

/** "Power target → 3,200 W", "Pools → stratum+tcp://pool:3333 (+1 failover)", "Restart". */
export function describeChange(change: Loose): string {
  const kind = change['kind'];
  switch (kind) {
    case 'powerTarget':
      return `Power target → ${formatPower(numberIn(change, 'watts'))}`;
    case 'frequency':
      return `Frequency → ${formatFrequency(numberIn(change, 'mhz'))}`;
    case 'voltage':
      return `Voltage → ${formatVoltage(numberIn(change, 'millivolts'))}`;
    case 'threads':
      return `Threads → ${formatCount(numberIn(change, 'count'))}`;
    case 'pools':
      return describePools(poolsIn(change));
    case 'pause':
      return 'Pause mining';
    case 'resume':
      return 'Resume mining';
    case 'restart':
      return 'Restart';
    default:
      return typeof kind === 'string' ? `Change “${kind}”` : 'Change';
  }
}

/** What the change would do, as a phrase for a confirmation ("set the power target to 3,200 W"). */
export function changeAsAction(change: Loose): string {
  switch (change['kind']) {
    case 'powerTarget':
      return `set the power target to ${formatPower(numberIn(change, 'watts'))}`;
    case 'frequency':
      return `set the frequency to ${formatFrequency(numberIn(change, 'mhz'))}`;
    case 'voltage':
      return `set the voltage to ${formatVoltage(numberIn(change, 'millivolts'))}`;
    case 'threads':
      return `run ${formatCount(numberIn(change, 'count'))} threads`;
    case 'pools': {
      const pools = poolsIn(change) ?? [];
      return `switch to ${pools[0]?.url ?? 'new pools'}${pools.length > 1 ? ` with ${pools.length - 1} failover${pools.length > 2 ? 's' : ''}` : ''}`;
    }
    case 'pause':
      return 'pause mining';
    case 'resume':
      return 'resume mining';
    case 'restart':
      return 'restart the mining software';
    default:
      return 'apply this change';
  }
}

/** One field of a rig's state before and after a change, formatted. */
export interface FieldChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

const SETTING_FIELDS: ReadonlyArray<{ key: string; label: string; format: (value: number | null) => string }> = [
  { key: 'powerTargetW', label: 'Power target', format: formatPower },
  { key: 'frequencyMhz', label: 'Frequency', format: formatFrequency },
  { key: 'voltageMv', label: 'Voltage', format: formatVoltage },
  { key: 'threads', label: 'Threads', format: formatCount },
];

/** Which state field each kind of change targets: shown even when it did not move (a change that did not take). */
const TARGET_FIELD: Readonly<Record<string, string>> = {
  powerTarget: 'powerTargetW',
  frequency: 'frequencyMhz',
  voltage: 'voltageMv',
  threads: 'threads',
  pools: 'pools',
  pause: 'paused',
  resume: 'paused',
};

function pausedLabel(record: Loose | null): string {
  const paused = record?.['paused'];
  return paused === true ? 'paused' : paused === false ? 'mining' : '—';
}

function poolsLabel(record: Loose | null): string {
  const pools = poolsIn(record);
  if (pools === null) return '—';
  if (pools.length === 0) return 'none';
  return pools.map((pool) => pool.url).join(', ');
}

/**
 * The settings that differ between `before` and `after` (and always the one the change aimed at), for the audit log's
 * before → after column. Hashrate and chip temperature are context, not settings: see `healthFigures`.
 */
export function settingChanges(entry: Pick<AuditEntry, 'change' | 'before' | 'after'>): FieldChange[] {
  const { before, after } = entry;
  if (before === null && after === null) return [];
  const target = TARGET_FIELD[String(entry.change['kind'])];
  const rows: FieldChange[] = [];
  for (const field of SETTING_FIELDS) {
    const was = numberIn(before, field.key);
    const now = numberIn(after, field.key);
    if (field.key === target || (after !== null && was !== now)) {
      rows.push({ key: field.key, label: field.label, before: field.format(was), after: field.format(now) });
    }
  }
  const wasPaused = pausedLabel(before);
  const nowPaused = pausedLabel(after);
  if (target === 'paused' || (after !== null && wasPaused !== nowPaused)) {
    rows.push({ key: 'paused', label: 'Mining', before: wasPaused, after: nowPaused });
  }
  const wasPools = poolsLabel(before);
  const nowPools = poolsLabel(after);
  if (target === 'pools' || (after !== null && wasPools !== nowPools)) {
    rows.push({ key: 'pools', label: 'Pools', before: wasPools, after: nowPools });
  }
  // Nothing read after the change (refused, or it failed before reading back): there is no "after" to show.
  return after === null ? rows.map((row) => ({ ...row, after: '' })) : rows;
}

/** Hashrate and hottest chip before → after: did the rig keep hashing, did it run hotter. */
export function healthFigures(entry: Pick<AuditEntry, 'before' | 'after'>): string | null {
  const { before, after } = entry;
  if (before === null || after === null) return null;
  const hashrate = `${formatHashrate(numberIn(before, 'hashrateThs'))} → ${formatHashrate(numberIn(after, 'hashrateThs'))}`;
  const chip = `${formatTemperature(numberIn(before, 'maxChipTempC'))} → ${formatTemperature(numberIn(after, 'maxChipTempC'))}`;
  return `Hashrate ${hashrate} · Chip ${chip}`;
}

export const COMMAND_STATE_LABEL: Readonly<Record<CommandState, string>> = {
  queued: 'Queued',
  applying: 'Applying',
  verifying: 'Verifying',
  'rolling-back': 'Rolling back',
  applied: 'Applied',
  refused: 'Refused',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
};

export const AUDIT_RESULT_LABEL: Readonly<Record<AuditEntry['result'], string>> = {
  started: 'Started',
  applied: 'Applied',
  refused: 'Refused',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
  'rollback-failed': 'Rollback failed',
};

export const CREDENTIAL_LABEL: Readonly<Record<CredentialKind, string>> = {
  adminPassword: 'admin password',
  apiToken: 'API token',
};
