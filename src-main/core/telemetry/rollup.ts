// Rollups: min, max, average and last of every metric of a rig over a minute or an hour, kept as the frames arrive
// (never by scanning raw rows afterwards). A rollup row stores, per metric, four float32s in that order.
import type { MetricKey } from '../../../src-shared/model/telemetry.js';

export const AGGREGATES = 4; // min, max, avg, last
export const MIN = 0;
export const MAX = 1;
export const AVG = 2;
export const LAST = 3;

/** One rig's open bucket. Values are summed in float64 so a day of averages does not drift. */
export class RollupAccumulator {
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly sum: Float64Array;
  /** Weight behind each sum: frames for raw input, the rows' frame counts for merged rollups. */
  readonly weight: Float64Array;
  readonly last: Float64Array;
  /** Frames (polls) that went into the bucket, whatever each reported. */
  frames = 0;

  constructor(readonly keys: readonly MetricKey[]) {
    const size = keys.length;
    this.min = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
    this.max = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
    this.sum = new Float64Array(size);
    this.weight = new Float64Array(size);
    this.last = new Float64Array(size).fill(Number.NaN);
  }

  /** A raw frame in the same layout. */
  addFrame(values: Float32Array): void {
    this.frames += 1;
    for (let i = 0; i < this.keys.length; i++) {
      const value = values[i] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      if (value < (this.min[i] ?? 0)) this.min[i] = value;
      if (value > (this.max[i] ?? 0)) this.max[i] = value;
      this.sum[i] = (this.sum[i] ?? 0) + value;
      this.weight[i] = (this.weight[i] ?? 0) + 1;
      this.last[i] = value;
    }
  }

  /** A finer rollup row (minute into hour) in the same layout, standing for `frames` polls. */
  addRollup(row: Float32Array, frames: number): void {
    this.frames += frames;
    for (let i = 0; i < this.keys.length; i++) {
      const base = i * AGGREGATES;
      const avg = row[base + AVG] ?? Number.NaN;
      if (Number.isNaN(avg)) continue;
      const low = row[base + MIN] ?? avg;
      const high = row[base + MAX] ?? avg;
      if (low < (this.min[i] ?? 0)) this.min[i] = low;
      if (high > (this.max[i] ?? 0)) this.max[i] = high;
      this.sum[i] = (this.sum[i] ?? 0) + avg * frames;
      this.weight[i] = (this.weight[i] ?? 0) + frames;
      const last = row[base + LAST] ?? Number.NaN;
      if (!Number.isNaN(last)) this.last[i] = last;
    }
  }

  /** Average of one metric, NaN when nothing was reported. */
  average(index: number): number {
    const weight = this.weight[index] ?? 0;
    return weight > 0 ? (this.sum[index] ?? 0) / weight : Number.NaN;
  }

  toRow(): Float32Array {
    const row = new Float32Array(this.keys.length * AGGREGATES).fill(Number.NaN);
    for (let i = 0; i < this.keys.length; i++) {
      if ((this.weight[i] ?? 0) === 0) continue;
      const base = i * AGGREGATES;
      row[base + MIN] = this.min[i] ?? Number.NaN;
      row[base + MAX] = this.max[i] ?? Number.NaN;
      row[base + AVG] = this.average(i);
      row[base + LAST] = this.last[i] ?? Number.NaN;
    }
    return row;
  }
}

/** Start of the bucket holding `t`, all in the same unit. */
export function bucketStart(t: number, width: number): number {
  return Math.floor(t / width) * width;
}
