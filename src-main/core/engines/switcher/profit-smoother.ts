// Profit estimates move with every price tick; a switch is a commitment of hours. The switcher decides on an
// exponential average of each option's profit (time constant an hour by default), so a price that wobbles around
// break-even does not send rigs back and forth, while a lasting change still comes through within the hour.

export class ProfitSmoother {
  private readonly averages = new Map<string, { t: number; value: number }>();

  constructor(private readonly timeConstantS = 3600) {}

  /** Folds in a new figure taken at tS; returns the smoothed one. */
  update(id: string, tS: number, profitPerDay: number): number {
    const previous = this.averages.get(id);
    if (!previous || tS <= previous.t) {
      const value = previous ? previous.value : profitPerDay;
      this.averages.set(id, { t: Math.max(tS, previous?.t ?? tS), value });
      return value;
    }
    const alpha = 1 - Math.exp(-(tS - previous.t) / this.timeConstantS);
    const value = previous.value + (profitPerDay - previous.value) * alpha;
    this.averages.set(id, { t: tS, value });
    return value;
  }
}
