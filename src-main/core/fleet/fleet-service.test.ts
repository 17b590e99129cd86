// FleetService's rules with a scripted driver: what a rig answers is decided by the test, the rest is the real engine.
import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES, UNKNOWN_CONTROL_STATE } from '../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../src-shared/model/rig.js';
import type { Driver } from '../drivers/driver.js';
import { DriverRegistry } from '../drivers/registry.js';
import { createEngine } from '../engine.js';

const identity: RigIdentity = {
  host: '127.0.1.10',
  port: 4028,
  family: 'cgminer',
  make: 'Bitmain',
  model: 'Antminer S19 Pro',
  firmware: 'x',
  apiVersion: null,
  mac: null,
  serial: null,
};

function snapshot(poolIndex: number): RigSnapshot {
  return {
    takenAt: 1,
    hashrateThs: 100,
    hashrateAvgThs: 100,
    powerW: 3000,
    powerIsEstimate: false,
    efficiencyJPerTh: 30,
    maxChipTempC: 70,
    maxBoardTempC: 60,
    boards: [],
    fans: [],
    pools: [
      {
        index: poolIndex,
        url: 'stratum+tcp://pool:3333',
        user: 'w',
        status: 'alive',
        priority: 0,
        accepted: 1,
        rejected: 0,
        active: true,
      },
    ],
    uptimeS: 10,
    accepted: 1,
    rejected: 0,
    hardwareErrors: 0,
    control: UNKNOWN_CONTROL_STATE,
  };
}

function scriptedDriver(read: () => Promise<RigSnapshot>): { driver: Driver; reads: () => number } {
  let count = 0;
  const driver: Driver = {
    family: 'cgminer',
    ports: [4028],
    probe: () => Promise.resolve(null),
    read: () => {
      count += 1;
      return read();
    },
    capabilities: () => NO_CAPABILITIES,
    apply: () => Promise.resolve(),
  };
  return { driver, reads: () => count };
}

function engineWith(driver: Driver) {
  const engine = createEngine({
    dataDir: null,
    info: { version: 't', shell: 'headless', demo: false, demoRange: null },
    drivers: new DriverRegistry([driver]),
  });
  engine.settings.update({ missedPollsBeforeDown: 1 });
  return engine;
}

describe('FleetService', () => {
  it('turns a reading outside the contract into a problem on that rig, and the fleet list stays valid', async () => {
    const { driver } = scriptedDriver(() => Promise.resolve(snapshot(-1)));
    const engine = engineWith(driver);
    engine.fleet.addOrRefresh(identity);
    const rig = await engine.fleet.pollNow('127.0.1.10:4028');
    expect(rig.status).toBe('error');
    expect(rig.problem?.code).toBe('RIG_BAD_REPLY');
    expect(await engine.dispatch('fleet.list', {})).toMatchObject({ result: [{ id: '127.0.1.10:4028' }] });
    await engine.stop();
  });

  it('joins a poll asked for while one is out instead of reading the rig twice', async () => {
    let release: (value: RigSnapshot) => void = () => undefined;
    const { driver, reads } = scriptedDriver(() => new Promise((resolve) => (release = resolve)));
    const engine = engineWith(driver);
    engine.fleet.addOrRefresh(identity);
    const first = engine.fleet.pollNow('127.0.1.10:4028');
    const second = engine.fleet.pollNow('127.0.1.10:4028');
    release(snapshot(0));
    await Promise.all([first, second]);
    expect(reads()).toBe(1);
    await engine.stop();
  });

  it('drops the result of a poll whose rig was removed meanwhile', async () => {
    let release: (value: RigSnapshot) => void = () => undefined;
    const { driver } = scriptedDriver(() => new Promise((resolve) => (release = resolve)));
    const engine = engineWith(driver);
    engine.fleet.addOrRefresh(identity);
    const polling = engine.fleet.pollNow('127.0.1.10:4028').catch((error: unknown) => error);
    engine.fleet.remove('127.0.1.10:4028');
    release(snapshot(0));
    expect(await polling).toMatchObject({ code: 'NOT_FOUND' });
    expect(engine.fleet.list()).toEqual([]);
    await engine.stop();
  });
});
