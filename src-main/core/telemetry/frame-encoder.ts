// Turns one poll's snapshot into a frame: a flat Float32Array of values in the order of a layout (a list of metric
// keys). A frame per poll, rather than a row per metric, keeps the history about six times smaller on disk and lets
// a batch of a thousand rigs go to SQLite as a thousand rows. NaN stands for "not reported".
import type { RigId, RigSnapshot } from '../../../src-shared/model/rig.js';
import {
  boardMetricKey,
  fanMetricKey,
  type MetricKey,
  type PartMetric,
  type RigMetric,
} from '../../../src-shared/model/telemetry.js';

/** Running totals a rig reports, remembered per rig so the next poll can turn them into rates per minute. */
interface Counters {
  at: number;
  accepted: number | null;
  rejected: number | null;
  hardwareErrors: number | null;
  boardErrors: (number | null)[];
}

export interface EncodedFrame {
  rigId: RigId;
  /** Epoch milliseconds of the poll. */
  t: number;
  /** Metric keys in value order; the same array object for every frame of a layout (cheap to intern). */
  keys: readonly MetricKey[];
  values: Float32Array;
}

/** Per minute, from two readings of a running total; null across a restart (the total went down) or a gap. */
export function ratePerMinute(
  previous: number | null,
  current: number | null,
  elapsedMs: number,
  maxGapMs: number,
): number | null {
  if (previous === null || current === null || elapsedMs <= 0 || elapsedMs > maxGapMs) return null;
  if (current < previous) return null;
  return ((current - previous) * 60_000) / elapsedMs;
}

function rigValues(snapshot: RigSnapshot, rates: Record<string, number | null>): Map<MetricKey, number | null> {
  const fans = snapshot.fans.map((fan) => fan.rpm).filter((rpm) => rpm > 0);
  const activePool = snapshot.pools.find((pool) => pool.active) ?? null;
  const values = new Map<MetricKey, number | null>();
  const rig: Record<RigMetric, number | null> = {
    hashrate: snapshot.hashrateThs,
    power: snapshot.powerW,
    efficiency: snapshot.efficiencyJPerTh,
    chipTemp: snapshot.maxChipTempC,
    boardTemp: snapshot.maxBoardTempC,
    fanRpm: fans.length > 0 ? fans.reduce((sum, rpm) => sum + rpm, 0) / fans.length : null,
    acceptedRate: rates['accepted'] ?? null,
    rejectedRate: rates['rejected'] ?? null,
    hwErrorRate: rates['hardwareErrors'] ?? null,
    poolIndex: activePool?.index ?? null,
  };
  for (const [metric, value] of Object.entries(rig)) values.set(metric, value);
  snapshot.boards.forEach((board, position) => {
    const part: Record<PartMetric, number | null> = {
      hashrate: board.hashrateThs,
      chipTemp: board.chipTempC,
      boardTemp: board.boardTempC,
      power: board.powerW,
      fanPercent: board.fanPercent,
      frequency: board.frequencyMhz,
      chipsOk: board.chipsOk,
      hwErrorRate: rates[`board.${position}`] ?? null,
    };
    for (const [metric, value] of Object.entries(part)) {
      values.set(boardMetricKey(board.index, metric as PartMetric), value);
    }
  });
  for (const fan of snapshot.fans) values.set(fanMetricKey(fan.index), fan.rpm);
  return values;
}

/**
 * Keeps each rig's layout and counters. A rig's layout holds the keys it has reported so far: it only grows (a key
 * that goes missing for one poll becomes NaN, not a new layout), so a rig has one or two layouts, not one per poll.
 */
export class FrameEncoder {
  private readonly counters = new Map<RigId, Counters>();
  private readonly layouts = new Map<RigId, { keys: readonly MetricKey[]; known: Set<MetricKey> }>();
  /** Layouts are shared across rigs with the same keys, so a batch carries each key list once. */
  private readonly interned = new Map<string, readonly MetricKey[]>();

  /** @param maxGapMs beyond this, two readings are too far apart to make a rate from (a rig that was down). */
  constructor(private readonly maxGapMs = 10 * 60_000) {}

  encode(rigId: RigId, snapshot: RigSnapshot): EncodedFrame {
    const rates = this.ratesFor(rigId, snapshot);
    const values = rigValues(snapshot, rates);
    const keys = this.layoutFor(rigId, values);
    const frame = new Float32Array(keys.length);
    keys.forEach((key, index) => {
      const value = values.get(key);
      frame[index] = value === null || value === undefined || !Number.isFinite(value) ? Number.NaN : value;
    });
    return { rigId, t: snapshot.takenAt, keys, values: frame };
  }

  forget(rigId: RigId): void {
    this.counters.delete(rigId);
    this.layouts.delete(rigId);
  }

  private ratesFor(rigId: RigId, snapshot: RigSnapshot): Record<string, number | null> {
    const previous = this.counters.get(rigId);
    const current: Counters = {
      at: snapshot.takenAt,
      accepted: snapshot.accepted,
      rejected: snapshot.rejected,
      hardwareErrors: snapshot.hardwareErrors,
      boardErrors: snapshot.boards.map((board) => board.hardwareErrors),
    };
    this.counters.set(rigId, current);
    if (!previous) return {};
    const elapsed = current.at - previous.at;
    const rate = (before: number | null, now: number | null): number | null =>
      ratePerMinute(before, now, elapsed, this.maxGapMs);
    const rates: Record<string, number | null> = {
      accepted: rate(previous.accepted, current.accepted),
      rejected: rate(previous.rejected, current.rejected),
      hardwareErrors: rate(previous.hardwareErrors, current.hardwareErrors),
    };
    current.boardErrors.forEach((errors, position) => {
      rates[`board.${position}`] = rate(previous.boardErrors[position] ?? null, errors);
    });
    return rates;
  }

  private layoutFor(rigId: RigId, values: Map<MetricKey, number | null>): readonly MetricKey[] {
    let layout = this.layouts.get(rigId);
    const reported = [...values].filter(([, value]) => value !== null).map(([key]) => key);
    if (layout && reported.every((key) => layout?.known.has(key))) return layout.keys;
    const known = new Set([...(layout?.keys ?? []), ...reported]);
    // Rig metrics first, then parts in index order: the same rig shape always gives the same key list.
    const keys = this.intern([...values.keys()].filter((key) => known.has(key)));
    layout = { keys, known };
    this.layouts.set(rigId, layout);
    return keys;
  }

  private intern(keys: MetricKey[]): readonly MetricKey[] {
    const id = keys.join(',');
    const existing = this.interned.get(id);
    if (existing) return existing;
    this.interned.set(id, keys);
    return keys;
  }
}
