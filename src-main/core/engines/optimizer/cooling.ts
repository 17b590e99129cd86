// How well a device is cooled: kelvin of chip temperature above its intake air per watt it draws. Miners run their
// fans to hold a chip temperature, so a device at low power with slow fans looks badly cooled; what limits it is the
// resistance with the fans near full, which shows as the lowest ratio at high power. The estimate is the lowest ratio
// seen in the last hour (5-minute buckets), so it follows dust, a failed fan or a new shelf within the hour.
const BUCKET_MS = 5 * 60_000;
const WINDOW_BUCKETS = 12;
/** Readings at less than this share of the highest power seen say little about full-fan cooling. */
const MIN_POWER_SHARE = 0.5;

/** After the intake figure changes, chips take minutes to follow: readings meanwhile would flatter the cooling. */
const RESET_HOLD_MS = 5 * 60_000;

export class CoolingEstimate {
  private readonly buckets = new Map<number, number>();
  private peakPowerW = 0;
  private ignoreUntil = -Infinity;

  /** The operator's intake figure changed: start again once the chips have had time to follow. */
  reset(now: number): void {
    this.buckets.clear();
    this.ignoreUntil = now + RESET_HOLD_MS;
  }

  observe(t: number, chipTempC: number | null, powerW: number | null, intakeC: number): void {
    if (t < this.ignoreUntil) return;
    if (chipTempC === null || powerW === null || powerW <= 0 || chipTempC <= intakeC) return;
    this.peakPowerW = Math.max(this.peakPowerW, powerW);
    if (powerW < this.peakPowerW * MIN_POWER_SHARE) return;
    const bucket = Math.floor(t / BUCKET_MS);
    const ratio = (chipTempC - intakeC) / powerW;
    this.buckets.set(bucket, Math.min(this.buckets.get(bucket) ?? Infinity, ratio));
    for (const key of this.buckets.keys()) if (key <= bucket - WINDOW_BUCKETS) this.buckets.delete(key);
  }

  /** K/W, or null before any usable reading. */
  kelvinPerWatt(): number | null {
    let best = Infinity;
    for (const ratio of this.buckets.values()) best = Math.min(best, ratio);
    return Number.isFinite(best) ? best : null;
  }
}
