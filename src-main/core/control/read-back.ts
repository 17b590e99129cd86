// After a change: did it take effect, is the rig healthy, and what change would put it back? Pure functions of the
// snapshots read before and after, so the rules are tested without a rig.
import type { OperatorLimits, RigChange } from '../../../src-shared/model/control.js';
import type { RigSnapshot } from '../../../src-shared/model/rig.js';

const RELATIVE_TOLERANCE = 0.03;

function near(actual: number | null, wanted: number): boolean {
  return actual !== null && Math.abs(actual - wanted) <= Math.max(1, Math.abs(wanted) * RELATIVE_TOLERANCE);
}

/** "stratum+tcp://Pool.Example:3333/" and "pool.example:3333" name the same pool. */
export function samePoolUrl(a: string, b: string): boolean {
  const normal = (url: string): string =>
    url
      .trim()
      .toLowerCase()
      .replace(/^[a-z0-9+.-]+:\/\//, '')
      .replace(/\/+$/, '');
  return normal(a) === normal(b);
}

export function tookEffect(change: RigChange, before: RigSnapshot, after: RigSnapshot): boolean {
  switch (change.kind) {
    case 'pools': {
      const configured = [...after.pools].sort((a, b) => (a.priority ?? a.index) - (b.priority ?? b.index));
      return change.pools.every((pool, i) => {
        const reported = configured[i];
        return reported !== undefined && samePoolUrl(reported.url, pool.url) && reported.user === pool.user;
      });
    }
    case 'powerTarget':
      return near(after.control.powerTargetW, change.watts);
    case 'frequency':
      return near(after.control.frequencyMhz, change.mhz);
    case 'voltage':
      return near(after.control.voltageMv, change.millivolts);
    case 'threads':
      return after.control.threads === change.count;
    case 'pause':
      return after.control.paused === true || (after.control.paused === null && (after.hashrateThs ?? 0) === 0);
    case 'resume':
      return after.control.paused !== true && (after.hashrateThs ?? 0) > 0;
    case 'restart':
      return after.uptimeS !== null && before.uptimeS !== null && after.uptimeS < before.uptimeS;
  }
}

/** Degrees a rig already over the limit may drift before the change is blamed for it. */
const TEMPERATURE_DRIFT_C = 2;

/**
 * Hashing (unless paused on purpose), no dead board, and not pushed over the chip temperature limit by the change: a
 * rig that was already over it (a hot room) fails only if the change made it hotter still.
 */
export function healthy(
  change: RigChange,
  before: RigSnapshot,
  after: RigSnapshot,
  limits: OperatorLimits,
): string | null {
  const hot = after.maxChipTempC;
  const wasOver = before.maxChipTempC !== null && before.maxChipTempC > limits.maxChipTempC;
  if (
    hot !== null &&
    hot > limits.maxChipTempC &&
    (!wasOver || hot > (before.maxChipTempC ?? 0) + TEMPERATURE_DRIFT_C)
  ) {
    return `chips reached ${Math.round(hot)} °C, over the ${limits.maxChipTempC} °C limit`;
  }
  if (change.kind !== 'pause' && (after.hashrateThs ?? 0) <= 0) return 'the rig stopped hashing';
  if (after.boards.some((board) => board.status === 'dead')) return 'a hashboard went dead';
  return null;
}

/**
 * The change that restores what `before` reported, or null when there is nothing to restore (a restart) or the rig
 * did not report the old value. Pool passwords are not readable from rigs: restored pools get "x", what almost every
 * pool expects.
 */
export function inverseOf(change: RigChange, before: RigSnapshot): RigChange | null {
  const control = before.control;
  switch (change.kind) {
    case 'pools': {
      const pools = [...before.pools]
        .sort((a, b) => (a.priority ?? a.index) - (b.priority ?? b.index))
        .filter((pool) => pool.url.length > 0 && pool.user.length > 0)
        .slice(0, 3)
        .map((pool) => ({ url: pool.url, user: pool.user, password: 'x' }));
      return pools.length > 0 ? { kind: 'pools', pools } : null;
    }
    case 'powerTarget':
      return control.powerTargetW === null ? null : { kind: 'powerTarget', watts: Math.round(control.powerTargetW) };
    case 'frequency':
      return control.frequencyMhz === null ? null : { kind: 'frequency', mhz: Math.round(control.frequencyMhz) };
    case 'voltage':
      return control.voltageMv === null ? null : { kind: 'voltage', millivolts: Math.round(control.voltageMv) };
    case 'threads':
      return control.threads === null ? null : { kind: 'threads', count: control.threads };
    case 'pause':
      return { kind: 'resume' };
    case 'resume':
      return { kind: 'pause' };
    case 'restart':
      return null;
  }
}

/** What the audit log keeps of a rig's state: the settings control can change, and the pools. */
export function controlView(snapshot: RigSnapshot | null): Record<string, unknown> | null {
  if (!snapshot) return null;
  return {
    ...snapshot.control,
    hashrateThs: snapshot.hashrateThs,
    maxChipTempC: snapshot.maxChipTempC,
    pools: snapshot.pools.map((pool) => ({ url: pool.url, user: pool.user, status: pool.status })),
  };
}

/** A change as it may be shown, logged and audited: pool passwords replaced. */
export function redactChange(change: RigChange): Record<string, unknown> {
  if (change.kind !== 'pools') return { ...change };
  return { kind: 'pools', pools: change.pools.map((pool) => ({ url: pool.url, user: pool.user, password: '••••' })) };
}
