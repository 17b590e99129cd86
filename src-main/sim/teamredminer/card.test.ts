import { describe, expect, it } from 'vitest';
import { MANUAL_CLOCK_START_MS } from '../clock.js';
import { createGpuRig, settleGpuRig } from '../gpu/physics.js';
import { readGpus } from '../gpu/reading.js';
import { applyGpuFaults } from './gpu-faults.js';
import { megahashesPerShare, restartMiner, RX580_KAWPOW } from './card.js';

function rig() {
  const model = createGpuRig(RX580_KAWPOW, 4, 9, MANUAL_CLOCK_START_MS);
  settleGpuRig(model, 3600);
  return model;
}

describe('the RX 580 on the shared GPU model', () => {
  it('settles near 13 MH/s and 150 W per card, each card a little different', () => {
    const views = readGpus(rig(), 9, MANUAL_CLOCK_START_MS);
    for (const view of views) {
      expect(view.hashrateHs / 1e6).toBeGreaterThan(11.5);
      expect(view.hashrateHs / 1e6).toBeLessThan(14.5);
      expect(view.powerW).toBeGreaterThan(120);
      expect(view.powerW).toBeLessThan(180);
    }
    expect(new Set(views.map((view) => view.hashrateHs)).size).toBe(4);
  });

  it('has mined for its uptime: shares times MH per share is close to the hashrate times the uptime', () => {
    const model = rig();
    const [view] = readGpus(model, 9, MANUAL_CLOCK_START_MS);
    const minedMh = ((view?.accepted ?? 0) + (view?.rejected ?? 0)) * megahashesPerShare(model);
    expect(minedMh / 3600).toBeGreaterThan(11);
    expect(minedMh / 3600).toBeLessThan(15);
  });

  it('starts uptime and counters over on a miner restart, and stops a dead card', () => {
    const model = rig();
    applyGpuFaults(model, [{ kind: 'deadBoard', board: 1 }]);
    restartMiner(model);
    const views = readGpus(model, 9, MANUAL_CLOCK_START_MS);
    expect(model.elapsedS).toBe(0);
    expect(views.every((view) => view.accepted === 0)).toBe(true);
    expect(views[1]?.hashrateHs).toBe(0);
  });
});
