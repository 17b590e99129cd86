// Measures one operating point: waits for the device to settle after a change (clocks, the firmware's own tuner,
// chip temperature), then averages its readings over a window. Noise on a single reading is a few percent; a window
// of a couple of minutes of polls brings the mean within a fraction of a percent.
import type { Observation } from './observation.js';

export interface MeterTiming {
  settleMs: number;
  measureMs: number;
  /** Fewer readings than this in the window: keep measuring (polls were missed). */
  minSamples: number;
}

export interface MeasuredPoint {
  hashrateThs: number;
  powerW: number;
  chipTempC: number | null;
  /** Hottest reading seen while settling or measuring: a limit check must not miss a transient. */
  peakChipTempC: number | null;
  boards: { index: number; hashrateThs: number | null; chipTempC: number | null }[];
  hwErrorsPerMin: number | null;
  samples: number;
  measuredAt: number;
}

interface BoardSum {
  hashrate: number;
  hashrateCount: number;
  temp: number;
  tempCount: number;
}

export class PointMeter {
  private samples = 0;
  private hashrate = 0;
  private power = 0;
  private temp = 0;
  private tempCount = 0;
  private peakTemp: number | null = null;
  private readonly boards = new Map<number, BoardSum>();
  private firstErrors: { t: number; count: number } | null = null;
  private lastErrors: { t: number; count: number } | null = null;
  private lastT = 0;

  constructor(
    readonly startedAt: number,
    private readonly timing: MeterTiming,
  ) {}

  get measuringFrom(): number {
    return this.startedAt + this.timing.settleMs;
  }

  add(observation: Observation): void {
    if (observation.chipTempC !== null) this.peakTemp = Math.max(this.peakTemp ?? -Infinity, observation.chipTempC);
    if (observation.t < this.measuringFrom || observation.t <= this.lastT) return;
    if (observation.hashrateThs === null || observation.powerW === null) return;
    this.lastT = observation.t;
    this.samples += 1;
    this.hashrate += observation.hashrateThs;
    this.power += observation.powerW;
    if (observation.chipTempC !== null) {
      this.temp += observation.chipTempC;
      this.tempCount += 1;
    }
    for (const board of observation.boards) {
      const sum = this.boards.get(board.index) ?? { hashrate: 0, hashrateCount: 0, temp: 0, tempCount: 0 };
      if (board.hashrateThs !== null) {
        sum.hashrate += board.hashrateThs;
        sum.hashrateCount += 1;
      }
      if (board.chipTempC !== null) {
        sum.temp += board.chipTempC;
        sum.tempCount += 1;
      }
      this.boards.set(board.index, sum);
    }
    if (observation.hardwareErrors !== null) {
      const reading = { t: observation.t, count: observation.hardwareErrors };
      // A counter that went back means the miner restarted: count from the new start.
      if (this.lastErrors && reading.count < this.lastErrors.count) this.firstErrors = reading;
      this.firstErrors ??= reading;
      this.lastErrors = reading;
    }
  }

  /** The hottest chip seen since the change, for the safety check while the point is still settling. */
  get peakChipTempC(): number | null {
    return this.peakTemp;
  }

  done(now: number): boolean {
    return now >= this.measuringFrom + this.timing.measureMs && this.samples >= this.timing.minSamples;
  }

  result(): MeasuredPoint | null {
    if (this.samples === 0) return null;
    const minutes = this.firstErrors && this.lastErrors ? (this.lastErrors.t - this.firstErrors.t) / 60_000 : 0;
    return {
      hashrateThs: this.hashrate / this.samples,
      powerW: this.power / this.samples,
      chipTempC: this.tempCount > 0 ? this.temp / this.tempCount : null,
      peakChipTempC: this.peakTemp,
      boards: [...this.boards.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, sum]) => ({
          index,
          hashrateThs: sum.hashrateCount > 0 ? sum.hashrate / sum.hashrateCount : null,
          chipTempC: sum.tempCount > 0 ? sum.temp / sum.tempCount : null,
        })),
      hwErrorsPerMin:
        this.firstErrors && this.lastErrors && minutes > 0
          ? (this.lastErrors.count - this.firstErrors.count) / minutes
          : null,
      samples: this.samples,
      measuredAt: this.lastT,
    };
  }
}
