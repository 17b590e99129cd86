import { describe, expect, it } from 'vitest';
import { gpuMake, gpuRigModel } from './identity.js';

describe('gpuRigModel', () => {
  it('names a uniform rig by its card count and name', () => {
    expect(gpuRigModel(['AMD Radeon VII', 'AMD Radeon VII', 'AMD Radeon VII', 'AMD Radeon VII'])).toBe(
      '4× AMD Radeon VII',
    );
  });

  it('lists a mixed rig most numerous card first', () => {
    expect(gpuRigModel(['RTX 3070', 'RTX 3080', 'RTX 3080'])).toBe('2× RTX 3080 + 1× RTX 3070');
  });

  it('counts GPUs when the miner names none, and says so when it reports no GPU at all', () => {
    expect(gpuRigModel([null, null])).toBe('GPU rig (2 GPUs)');
    expect(gpuRigModel([])).toBe('GPU rig (no GPUs reported)');
  });

  it('keeps a model built from many different names to a readable length', () => {
    const names = Array.from({ length: 20 }, (_, index) => `Some Very Long Vendor Card Name ${index}`);
    expect(gpuRigModel(names).length).toBeLessThanOrEqual(96);
  });
});

describe('gpuMake', () => {
  it('recognises NVIDIA, AMD and a mixed rig from card names', () => {
    expect(gpuMake(['GeForce GTX 1050 Ti'])).toBe('NVIDIA');
    expect(gpuMake(['radeon_rx_vega'])).toBe('AMD');
    expect(gpuMake(['RTX 3080', 'AMD Radeon VII'])).toBe('Mixed');
  });

  it('falls back when no name tells', () => {
    expect(gpuMake([null], 'NVIDIA')).toBe('NVIDIA');
    expect(gpuMake(['Mystery card'])).toBe('Unknown');
  });
});
