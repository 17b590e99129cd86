import { describe, expect, it } from 'vitest';
import { boardsFromGpus, EMPTY_GPU, reportedPowerW, type GpuReading } from './gpus.js';

const gpu = (index: number, hashrateThs: number | null, extra: Partial<GpuReading> = {}): GpuReading => ({
  ...EMPTY_GPU,
  index,
  hashrateThs,
  ...extra,
});

describe('boardsFromGpus', () => {
  it('marks a GPU dead when it reads 0 H/s while another one mines', () => {
    const boards = boardsFromGpus([gpu(0, 30e-6), gpu(1, 0), gpu(2, 31e-6)]);
    expect(boards.map((board) => board.status)).toEqual(['ok', 'dead', 'ok']);
  });

  it('does not call every GPU dead when the whole rig reads 0 (starting, paused, off its pool)', () => {
    expect(boardsFromGpus([gpu(0, 0), gpu(1, 0)]).map((board) => board.status)).toEqual(['ok', 'ok']);
  });

  it('leaves a GPU paused on purpose alone, and calls one the miner disabled dead', () => {
    const boards = boardsFromGpus([gpu(0, 30e-6), gpu(1, 0, { paused: true }), gpu(2, 30e-6, { disabled: true })]);
    expect(boards.map((board) => board.status)).toEqual(['ok', 'ok', 'dead']);
  });

  it('carries power, fan, temperatures and clock into the board fields', () => {
    const [board] = boardsFromGpus([
      gpu(3, 1e-6, { powerW: 160, fanPercent: 55, coreTempC: 61, memoryTempC: 74, coreClockMhz: 1750 }),
    ]);
    expect(board).toMatchObject({ index: 3, powerW: 160, fanPercent: 55, chipTempC: 61, boardTempC: 74 });
    expect(board?.frequencyMhz).toBe(1750);
  });
});

describe('reportedPowerW', () => {
  it('treats the 0 W miners print for an unreadable sensor as not reported', () => {
    expect(reportedPowerW(0)).toBeNull();
    expect(reportedPowerW(160.6)).toBe(160.6);
    expect(reportedPowerW(null)).toBeNull();
  });
});
