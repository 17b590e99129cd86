// Every family at once, over real sockets: a mixed simulated farm on 127.0.2.100+ (127.0.1.x is the fleet test's,
// which scans all of it, and the two run in parallel), one scan that must tell every rig's
// family and model apart, then a pool change and a power change on each rig that supports them, each applied, read
// back and audited, and a change beyond the operator's limits that never reaches the rig.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command, RigChange } from '../../../src-shared/model/control.js';
import type { Rig } from '../../../src-shared/model/rig.js';
import { ONE_OF_EACH, SIMULATED_CREDENTIALS, startMixedFarm, type MixedFarm } from '../../sim/mixed-farm.js';
import { createEngine, type Engine } from '../engine.js';

let farm: MixedFarm;
let engine: Engine;
const finished = new Map<string, Command>();

beforeAll(async () => {
  farm = await startMixedFarm({ firstHost: '127.0.2.100', counts: { ...ONE_OF_EACH, antminer: 2 }, seed: 9 });
  engine = createEngine({
    dataDir: null,
    info: { version: 'test', shell: 'headless', demo: false, demoRange: null },
    controlTiming: { verifyTimeoutMs: 60_000, restartTimeoutMs: 60_000, readBackEveryMs: 500 },
  });
  engine.settings.update({ pollIntervalMs: 2000, pollTimeoutMs: 2000, scanTimeoutMs: 2000 });
  for (const { family, kind, secret } of SIMULATED_CREDENTIALS)
    engine.credentials.set(`family:${family}`, kind, secret);
  engine.events.subscribe((event, data) => {
    const command = data as Command;
    if (event === 'control.command' && command.finishedAt !== null) finished.set(command.id, command);
  });
  engine.start();
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  await farm?.stop();
});

function rigFor(host: string): Rig {
  const rig = engine.fleet.list().find((candidate) => candidate.identity.host === host);
  if (!rig) throw new Error(`no rig at ${host}`);
  return rig;
}

async function applyEverywhere(changeFor: (rig: Rig) => RigChange | null): Promise<Map<string, Command>> {
  const submitted = new Map<string, Command>();
  for (const rig of engine.fleet.list()) {
    const change = changeFor(rig);
    if (!change) continue;
    const [command] = engine.control.submit([rig.id], change, 'operator');
    if (command) submitted.set(rig.id, command);
  }
  await engine.control.settled();
  return new Map([...submitted].map(([rigId, command]) => [rigId, finished.get(command.id) ?? command]));
}

describe('a mixed farm', () => {
  it('is identified rig by rig: every family and model right, from one scan', async () => {
    const last = farm.rigs.at(-1)?.host ?? '';
    engine.discovery.start({ range: `127.0.2.100-${last}` });
    await engine.discovery.settled();
    expect(engine.fleet.list()).toHaveLength(farm.rigs.length);
    for (const simulated of farm.rigs) {
      expect(rigFor(simulated.host).identity, simulated.host).toMatchObject({
        family: simulated.family,
        model: simulated.modelName,
      });
    }
    await Promise.all(engine.fleet.list().map((rig) => engine.fleet.pollNow(rig.id)));
    expect(
      engine.fleet
        .list()
        .filter((rig) => rig.status !== 'up')
        .map((rig) => [rig.id, rig.problem?.message]),
    ).toEqual([]);
  });

  it('changes pools on every rig that supports it, reads them back and audits each', { timeout: 180_000 }, async () => {
    const outcomes = await applyEverywhere((rig) => {
      const capabilities = engine.drivers.get(rig.identity.family).capabilities(rig.identity);
      if (!capabilities.pools) return null;
      return {
        kind: 'pools',
        pools: [
          {
            url: 'stratum+tcp://rigwise-test.pool:3333',
            user: `farm.${rig.identity.host.split('.')[3] ?? ''}`,
            password: 'x',
          },
        ],
      };
    });
    const families = new Set([...outcomes.keys()].map((rigId) => rigFor(rigId.split(':')[0] ?? '').identity.family));
    expect(families).toEqual(new Set(['cgminer', 'whatsminer', 'bosminer', 'axeos', 'xmrig', 'trex']));
    expect([...outcomes.values()].map((c) => [c.rigId, c.state, c.message])).toEqual(
      [...outcomes.values()].map((c) => [c.rigId, 'applied', null]),
    );
    for (const [rigId] of outcomes) {
      const [latest] = engine.audit.list({ rigId, limit: 5 });
      expect(latest?.result).toBe('applied');
      const pools = (latest?.after?.['pools'] ?? []) as Array<{ url: string }>;
      expect(pools[0]?.url).toContain('rigwise-test.pool:3333');
    }
  });

  it('changes the power target where the rig has one, and reads it back', { timeout: 180_000 }, async () => {
    const outcomes = await applyEverywhere((rig) => {
      const range = engine.drivers.get(rig.identity.family).capabilities(rig.identity).powerTargetW;
      if (!range) return null;
      const current = rig.snapshot?.control.powerTargetW ?? range.max;
      return { kind: 'powerTarget', watts: Math.round(Math.max(range.min, Math.min(range.max, current * 0.9))) };
    });
    expect(new Set([...outcomes.keys()].map((rigId) => rigFor(rigId.split(':')[0] ?? '').identity.family))).toEqual(
      new Set(['whatsminer', 'bosminer']),
    );
    for (const command of outcomes.values())
      expect([command.rigId, command.state, command.message]).toEqual([command.rigId, 'applied', null]);
  });

  it('refuses a change beyond the operator limits with LIMIT_EXCEEDED before it reaches the rig', async () => {
    const whatsminer = engine.fleet.list().find((rig) => rig.identity.family === 'whatsminer');
    if (!whatsminer) throw new Error('no whatsminer');
    const before = (await engine.fleet.pollNow(whatsminer.id)).snapshot?.control.powerTargetW;
    engine.limits.update({ ...engine.limits.get(), maxPowerWPerRig: 1500 });
    const [command] = engine.control.submit([whatsminer.id], { kind: 'powerTarget', watts: 3000 }, 'operator');
    await engine.control.settled();
    expect(finished.get(command?.id ?? '')).toMatchObject({ state: 'refused', code: 'LIMIT_EXCEEDED' });
    expect((await engine.fleet.pollNow(whatsminer.id)).snapshot?.control.powerTargetW).toBe(before);
    expect(engine.audit.list({ rigId: whatsminer.id, limit: 1 })[0]?.result).toBe('refused');
  });
});
