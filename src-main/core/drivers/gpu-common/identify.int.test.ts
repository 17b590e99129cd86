// Four simulated rigs, one per GPU miner, each asked by all four drivers on the rig's own port: each must be
// identified by its own driver, with the model the simulator says it is, and by no other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGpuRigs, type GpuRigs } from '../../../sim/gpu/index.js';
import { GminerDriver } from '../gminer/driver.js';
import { LolminerDriver } from '../lolminer/driver.js';
import { SrbminerDriver } from '../srbminer/driver.js';
import { TrexDriver } from '../trex/driver.js';
import { probeTarget } from './test-support.js';

const DRIVERS = [new TrexDriver(), new LolminerDriver(), new GminerDriver(), new SrbminerDriver()];
let group: GpuRigs;

beforeAll(async () => {
  group = await startGpuRigs({
    count: 4,
    firstHost: '127.0.22.1',
    seed: 11,
    miner: ['trex', 'lolminer', 'gminer', 'srbminer'],
  });
});

afterAll(async () => {
  await group.stop();
});

describe('GPU miner identification over HTTP', () => {
  it('puts each driver on its miner conventional port', () => {
    expect(group.rigs.map((rig) => rig.port)).toEqual(DRIVERS.map((driver) => driver.ports[0]));
  });

  it.each([0, 1, 2, 3])('identifies simulated rig %i by its own driver only, with its model', async (position) => {
    const rig = group.rigs[position];
    if (!rig) throw new Error('missing rig');
    const answers = await Promise.all(
      DRIVERS.map((driver) => driver.probe(probeTarget(rig.host, rig.port), AbortSignal.timeout(5000))),
    );
    const found = answers.filter((identity) => identity !== null);
    expect(found.map((identity) => identity.family)).toEqual([rig.family]);
    expect(found[0]).toMatchObject({ host: rig.host, port: rig.port, model: rig.modelName });
  });

  it('answers null, without throwing, where nothing listens', async () => {
    const answers = await Promise.all(
      DRIVERS.map((driver) => driver.probe(probeTarget('127.0.22.9', driver.ports[0] ?? 1), AbortSignal.timeout(3000))),
    );
    expect(answers).toEqual([null, null, null, null]);
  });
});
