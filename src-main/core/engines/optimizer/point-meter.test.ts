import { describe, expect, it } from 'vitest';
import { PointMeter } from './point-meter.js';
import { observation } from './test-builders.fixture.js';

const TIMING = { settleMs: 60_000, measureMs: 120_000, minSamples: 3 };
const START = 1_000_000;
const SETTLED = START + TIMING.settleMs;

describe('PointMeter', () => {
  it('ignores readings taken while the device settles', () => {
    const meter = new PointMeter(START, TIMING);
    meter.add(observation({ t: START + 10_000, hashrateThs: 9, powerW: 99 }));
    meter.add(observation({ t: SETTLED - 1, hashrateThs: 9, powerW: 99 }));
    expect(meter.result()).toBeNull();
    meter.add(observation({ t: SETTLED, hashrateThs: 1, powerW: 15 }));
    expect(meter.result()).toMatchObject({ hashrateThs: 1, powerW: 15, samples: 1 });
  });

  it('averages hashrate, power, temperatures and each board, skipping what a reading lacks', () => {
    const meter = new PointMeter(START, TIMING);
    meter.add(
      observation({
        t: SETTLED + 5_000,
        hashrateThs: 1.0,
        powerW: 14,
        chipTempC: 60,
        boards: [
          { index: 1, hashrateThs: 0.4, chipTempC: 58 },
          { index: 0, hashrateThs: 0.6, chipTempC: null },
        ],
      }),
    );
    meter.add(
      observation({
        t: SETTLED + 10_000,
        hashrateThs: 1.2,
        powerW: 16,
        chipTempC: null,
        boards: [
          { index: 0, hashrateThs: 0.6, chipTempC: 62 },
          { index: 1, hashrateThs: null, chipTempC: 60 },
        ],
      }),
    );
    meter.add(observation({ t: SETTLED + 15_000, hashrateThs: null, powerW: 100 })); // no hashrate: not a sample
    meter.add(observation({ t: SETTLED + 10_000, hashrateThs: 50, powerW: 50 })); // the same poll again
    const result = meter.result();
    expect(result).toMatchObject({ samples: 2, chipTempC: 60, measuredAt: SETTLED + 10_000 });
    expect(result?.hashrateThs).toBeCloseTo(1.1);
    expect(result?.powerW).toBeCloseTo(15);
    expect(result?.boards).toEqual([
      { index: 0, hashrateThs: 0.6, chipTempC: 62 },
      { index: 1, hashrateThs: 0.4, chipTempC: 59 },
    ]);
  });

  it('is done only when the window has passed and enough readings came in', () => {
    const meter = new PointMeter(START, TIMING);
    const windowEnd = SETTLED + TIMING.measureMs;
    meter.add(observation({ t: SETTLED + 1_000 }));
    meter.add(observation({ t: SETTLED + 2_000 }));
    expect(meter.done(windowEnd + 60_000)).toBe(false); // two readings: polls were missed, keep measuring
    meter.add(observation({ t: SETTLED + 3_000 }));
    expect(meter.done(windowEnd - 1)).toBe(false); // enough readings, window not over
    expect(meter.done(windowEnd)).toBe(true);
  });

  it('measures the hardware error rate, counting from the restart when the counter goes back', () => {
    const meter = new PointMeter(START, TIMING);
    const minute = 60_000;
    // 2 errors a minute, the miner restarts (counter back to 0), then 2 a minute again.
    const counts = [100, 102, 104, 0, 2, 4, 6];
    counts.forEach((hardwareErrors, i) => meter.add(observation({ t: SETTLED + i * minute, hardwareErrors })));
    expect(meter.result()?.hwErrorsPerMin).toBeCloseTo(2);
  });

  it('has no error rate from a firmware that does not count errors, or from a single reading', () => {
    const silent = new PointMeter(START, TIMING);
    silent.add(observation({ t: SETTLED, hardwareErrors: null }));
    silent.add(observation({ t: SETTLED + 60_000, hardwareErrors: null }));
    expect(silent.result()?.hwErrorsPerMin).toBeNull();
    const once = new PointMeter(START, TIMING);
    once.add(observation({ t: SETTLED, hardwareErrors: 5 }));
    expect(once.result()?.hwErrorsPerMin).toBeNull();
  });

  it('keeps the hottest chip seen since the change, settling included', () => {
    const meter = new PointMeter(START, TIMING);
    meter.add(observation({ t: START + 5_000, chipTempC: 97 })); // a transient while settling
    expect(meter.peakChipTempC).toBe(97);
    meter.add(observation({ t: SETTLED, chipTempC: 70 }));
    meter.add(observation({ t: SETTLED + 5_000, chipTempC: 72 }));
    expect(meter.result()).toMatchObject({ chipTempC: 71, peakChipTempC: 97 });
  });
});
