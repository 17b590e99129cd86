import { describe, expect, it } from 'vitest';
import { SRBMINER_0_1_8_GPU, SRBMINER_0_5_6_CPU } from './fixtures.js';
import { srbminerIdentity, srbminerSnapshot } from './status.js';

describe('srbminerSnapshot on real SRBMiner-Multi replies', () => {
  it('reads the 0.5.6 CPU rig from its algorithms section', () => {
    const snapshot = srbminerSnapshot(SRBMINER_0_5_6_CPU, 0);
    expect(snapshot.hashrateThs).toBeCloseTo(206111.5149227829e-12, 20);
    expect(snapshot.hashrateAvgThs).toBeCloseTo(198834.8169509847e-12, 20);
    expect(snapshot.boards).toHaveLength(1);
    expect(snapshot.boards[0]?.hashrateThs).toBeCloseTo(206111.5149227829e-12, 20);
    expect(snapshot.uptimeS).toBe(1368);
    expect(snapshot.accepted).toBe(15);
  });

  it('lists the pool of the primary algorithm', () => {
    expect(srbminerSnapshot(SRBMINER_0_5_6_CPU, 0).pools[0]).toMatchObject({
      url: 'verus.alphatechit.co.uk:9997',
      user: '',
      accepted: 15,
    });
  });

  it('reads the 0.1.8 GPU layout: rate by device id, clock, temperature and fan rpm', () => {
    const snapshot = srbminerSnapshot(SRBMINER_0_1_8_GPU, 0);
    expect(snapshot.hashrateThs).toBeCloseTo(6290860755.620301e-12, 15);
    expect(snapshot.boards[0]).toMatchObject({ chipTempC: 55, frequencyMhz: 1408, hardwareErrors: 0, powerW: null });
    expect(snapshot.boards[0]?.hashrateThs).toBeCloseTo(1052373939.1692787e-12, 15);
    expect(snapshot.fans).toEqual([{ index: 0, rpm: 3239 }]);
    expect(snapshot.rejected).toBe(19);
  });

  it('reads per-GPU rates keyed "gpu<id>" in the 0.4.8+ layout', () => {
    const reply = {
      ...SRBMINER_0_5_6_CPU,
      gpu_devices: [SRBMINER_0_1_8_GPU.gpu_devices[0], { ...SRBMINER_0_1_8_GPU.gpu_devices[0], device_id: 1 }],
      algorithms: [
        {
          ...SRBMINER_0_5_6_CPU.algorithms[0],
          hashrate: { now: 2e9, gpu: { gpu0: 1.2e9, gpu1: 0, total: 1.2e9 }, cpu: { total: 0 } },
        },
      ],
    };
    const snapshot = srbminerSnapshot(reply, 0);
    expect(snapshot.boards.map((board) => board.hashrateThs)).toEqual([1.2e-3, 0]);
    expect(snapshot.boards.map((board) => board.status)).toEqual(['ok', 'dead']);
  });
});

describe('srbminerIdentity', () => {
  it('names a CPU-only rig by its CPU and a GPU rig by its cards', () => {
    expect(srbminerIdentity('127.0.22.1', 21550, SRBMINER_0_5_6_CPU)).toMatchObject({
      family: 'srbminer',
      make: 'Intel',
      model: '1× Intel Core Processor (Haswell, no TSX, IBRS)',
      firmware: 'SRBMiner-Multi 0.5.6',
    });
    expect(srbminerIdentity('127.0.22.1', 21550, SRBMINER_0_1_8_GPU)?.model).toBe('1× radeon_rx_vega');
  });
});
