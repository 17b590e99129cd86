import { describe, expect, it } from 'vitest';
import { RigSnapshotSchema, type RigSnapshot } from '../../../src-shared/model/rig.js';
import { FrameEncoder, ratePerMinute } from './frame-encoder.js';

function snapshot(takenAt: number, overrides: Partial<RigSnapshot> = {}): RigSnapshot {
  return RigSnapshotSchema.parse({
    takenAt,
    hashrateThs: 100,
    hashrateAvgThs: 100,
    powerW: 3000,
    powerIsEstimate: false,
    efficiencyJPerTh: 30,
    maxChipTempC: 80,
    maxBoardTempC: 70,
    boards: [
      {
        index: 0,
        hashrateThs: 50,
        chipTempC: 80,
        boardTempC: 70,
        frequencyMhz: 650,
        chipsOk: 76,
        chipsTotal: 76,
        hardwareErrors: 10,
        powerW: null,
        fanPercent: null,
        status: 'ok',
      },
      {
        index: 1,
        hashrateThs: 50,
        chipTempC: 78,
        boardTempC: 69,
        frequencyMhz: 650,
        chipsOk: 75,
        chipsTotal: 76,
        hardwareErrors: 4,
        powerW: null,
        fanPercent: null,
        status: 'degraded',
      },
    ],
    fans: [
      { index: 0, rpm: 6000 },
      { index: 1, rpm: 5000 },
    ],
    pools: [
      {
        index: 1,
        url: 'stratum+tcp://pool:3333',
        user: 'w',
        status: 'alive',
        priority: 0,
        accepted: 5,
        rejected: 0,
        active: true,
      },
    ],
    uptimeS: 100,
    accepted: 600,
    rejected: 6,
    hardwareErrors: 14,
    control: { powerTargetW: null, frequencyMhz: null, voltageMv: null, threads: null, paused: null },
    ...overrides,
  });
}

const valueOf = (frame: { keys: readonly string[]; values: Float32Array }, key: string) => {
  const index = frame.keys.indexOf(key);
  return index < 0 ? undefined : frame.values[index];
};

describe('FrameEncoder', () => {
  it('lays out rig, board and fan metrics, leaving out what the rig never reported', () => {
    const frame = new FrameEncoder().encode('r', snapshot(1000));
    expect(valueOf(frame, 'hashrate')).toBe(100);
    expect(valueOf(frame, 'fanRpm')).toBe(5500);
    expect(valueOf(frame, 'poolIndex')).toBe(1);
    expect(valueOf(frame, 'board.1.chipsOk')).toBe(75);
    expect(valueOf(frame, 'fan.0.rpm')).toBe(6000);
    expect(frame.keys).not.toContain('board.0.power'); // ASIC boards report no power of their own
    expect(frame.keys).not.toContain('acceptedRate'); // no rate from a single reading
  });

  it('turns running totals into rates per minute, and gives none across a miner restart', () => {
    const encoder = new FrameEncoder();
    encoder.encode('r', snapshot(0));
    const next = encoder.encode('r', snapshot(30_000, { accepted: 630, hardwareErrors: 14 }));
    expect(valueOf(next, 'acceptedRate')).toBe(60);
    expect(valueOf(next, 'hwErrorRate')).toBe(0);
    const restarted = encoder.encode('r', snapshot(60_000, { accepted: 3 }));
    expect(Number.isNaN(valueOf(restarted, 'acceptedRate') ?? 0)).toBe(true);
  });

  it('keeps one layout per rig while keys come and go, growing it only when a new key appears', () => {
    const encoder = new FrameEncoder();
    const first = encoder.encode('r', snapshot(0, { powerW: null }));
    expect(first.keys).not.toContain('power');
    const withRates = encoder.encode('r', snapshot(5000, { powerW: null }));
    expect(withRates.keys).toContain('acceptedRate'); // grown: a rate needs two readings
    const missing = encoder.encode('r', snapshot(10_000, { powerW: null, maxChipTempC: null }));
    expect(missing.keys).toBe(withRates.keys);
    expect(Number.isNaN(valueOf(missing, 'chipTemp') ?? 0)).toBe(true);
    const grown = encoder.encode('r', snapshot(15_000));
    expect(grown.keys).toContain('power');
    const other = new FrameEncoder();
    other.encode('b', snapshot(0));
    const same = other.encode('b', snapshot(5000));
    expect(same.keys).toEqual(grown.keys);
  });

  it('computes a rate only from readings close enough in time', () => {
    expect(ratePerMinute(10, 20, 60_000, 600_000)).toBe(10);
    expect(ratePerMinute(10, 20, 700_000, 600_000)).toBeNull();
    expect(ratePerMinute(null, 20, 60_000, 600_000)).toBeNull();
    expect(ratePerMinute(20, 10, 60_000, 600_000)).toBeNull();
  });
});
