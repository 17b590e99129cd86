// The command pipeline with a scripted rig: the test decides how the rig reacts to a change, the engine does the rest.
import { describe, expect, it } from 'vitest';
import { RigwiseError } from '../../../src-shared/api/errors.js';
import {
  NO_CAPABILITIES,
  UNKNOWN_CONTROL_STATE,
  type AuditEntry,
  type Command,
} from '../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../src-shared/model/rig.js';
import type { Driver } from '../drivers/driver.js';
import { DriverRegistry } from '../drivers/registry.js';
import { createEngine } from '../engine.js';

const identity: RigIdentity = {
  host: '127.0.1.10',
  port: 4028,
  family: 'whatsminer',
  make: 'MicroBT',
  model: 'Whatsminer M30S',
  firmware: 'x',
  apiVersion: null,
  mac: null,
  serial: null,
};

interface RigBehaviour {
  /** What the rig does with a power target it accepted: take it, ignore it, overheat, or drop off the network. */
  onPowerTarget: 'take' | 'ignore' | 'overheat' | 'vanish';
  refuse?: boolean;
}

function scriptedRig(behaviour: RigBehaviour) {
  const state = {
    powerTargetW: 3000,
    chipTempC: 70,
    gone: false,
    applied: [] as unknown[],
    credentials: [] as Array<string | null>,
  };
  const read = (): RigSnapshot => ({
    takenAt: Date.now(),
    hashrateThs: 100,
    hashrateAvgThs: 100,
    powerW: state.powerTargetW,
    powerIsEstimate: false,
    efficiencyJPerTh: 30,
    maxChipTempC: state.chipTempC,
    maxBoardTempC: null,
    boards: [],
    fans: [],
    pools: [],
    uptimeS: 100,
    accepted: 0,
    rejected: 0,
    hardwareErrors: 0,
    control: { ...UNKNOWN_CONTROL_STATE, powerTargetW: state.powerTargetW },
  });
  const driver: Driver = {
    family: 'whatsminer',
    ports: [4028],
    probe: () => Promise.resolve(null),
    read: () =>
      state.gone ? Promise.reject(new RigwiseError('RIG_UNREACHABLE', 'no answer')) : Promise.resolve(read()),
    capabilities: () => ({
      ...NO_CAPABILITIES,
      powerTargetW: { min: 1000, max: 3600 },
      needsCredential: 'adminPassword',
    }),
    apply: (target, change) => {
      state.applied.push(change);
      state.credentials.push(target.credential);
      if (state.gone) return Promise.reject(new RigwiseError('RIG_UNREACHABLE', 'no answer'));
      if (behaviour.refuse) return Promise.reject(new RigwiseError('UNAUTHORIZED', 'the rig refused the password'));
      if (behaviour.onPowerTarget === 'vanish') {
        state.gone = true;
        return Promise.resolve();
      }
      if (change.kind !== 'powerTarget') return Promise.resolve();
      const isRollback = state.applied.length > 1;
      if (behaviour.onPowerTarget === 'take' || isRollback) state.powerTargetW = change.watts;
      if (behaviour.onPowerTarget === 'overheat' && !isRollback) {
        state.powerTargetW = change.watts;
        state.chipTempC = 97;
      }
      if (isRollback) state.chipTempC = 70;
      return Promise.resolve();
    },
  };
  return { driver, state };
}

async function run(behaviour: RigBehaviour, watts = 3300, withPassword = true) {
  const { driver, state } = scriptedRig(behaviour);
  const engine = createEngine({
    dataDir: null,
    info: { version: 't', shell: 'headless', demo: false, demoRange: null },
    drivers: new DriverRegistry([driver]),
    controlTiming: { verifyTimeoutMs: 300, restartTimeoutMs: 300, readBackEveryMs: 20 },
  });
  engine.fleet.addOrRefresh(identity);
  await engine.fleet.pollNow('127.0.1.10:4028');
  if (withPassword) engine.credentials.set('family:whatsminer', 'adminPassword', 's3cret-pw');
  const seen: Command[] = [];
  engine.events.subscribe((event, data) => {
    if (event === 'control.command') seen.push(data as Command);
  });
  const [command] = engine.control.submit(['127.0.1.10:4028'], { kind: 'powerTarget', watts }, 'operator');
  await engine.control.settled();
  const audit: AuditEntry[] = engine.audit.list({ limit: 10 });
  await engine.stop();
  return { final: seen.filter((c) => c.id === command?.id).at(-1), states: seen.map((c) => c.state), audit, state };
}

describe('CommandQueue', () => {
  it('applies a change, reads it back and audits before and after', async () => {
    const { final, states, audit, state } = await run({ onPowerTarget: 'take' });
    expect(final?.state).toBe('applied');
    expect(states).toEqual(['queued', 'applying', 'verifying', 'applied']);
    expect(state.credentials).toEqual(['s3cret-pw']);
    expect(audit.map((entry) => entry.result)).toEqual(['applied', 'started']);
    expect(audit[0]).toMatchObject({
      before: { powerTargetW: 3000 },
      after: { powerTargetW: 3300 },
      actor: 'operator',
    });
  });

  it('refuses a change beyond the limits before it reaches the rig', async () => {
    const { final, audit, state } = await run({ onPowerTarget: 'take' }, 5000);
    expect(final).toMatchObject({ state: 'refused', code: 'LIMIT_EXCEEDED' });
    expect(state.applied).toEqual([]);
    expect(audit[0]?.result).toBe('refused');
  });

  it('refuses a change that needs a password nobody set, and says so', async () => {
    const { final, state } = await run({ onPowerTarget: 'take' }, 3300, false);
    expect(final).toMatchObject({ state: 'refused', code: 'UNAUTHORIZED' });
    expect(state.applied).toEqual([]);
  });

  it('rolls back a change the rig never takes', async () => {
    const { final, state, audit } = await run({ onPowerTarget: 'ignore' });
    expect(final?.state).toBe('rolled-back');
    expect(final?.message).toMatch(/did not take the change/);
    expect(state.applied).toEqual([
      { kind: 'powerTarget', watts: 3300 },
      { kind: 'powerTarget', watts: 3000 },
    ]);
    expect(audit[0]?.result).toBe('rolled-back');
  });

  it('rolls back a change that overheats the rig, restoring the last good settings', async () => {
    const { final, state } = await run({ onPowerTarget: 'overheat' });
    expect(final?.state).toBe('rolled-back');
    expect(final?.message).toMatch(/97 °C/);
    expect(state.powerTargetW).toBe(3000);
  });

  it('tells the truth when the rig goes away mid-command: rollback attempted, audited as failed to roll back', async () => {
    const { final, audit, state } = await run({ onPowerTarget: 'vanish' });
    expect(final?.state).toBe('rolled-back');
    expect(final?.code).toBe('ROLLBACK_FAILED');
    expect(final?.message).toMatch(/did not answer after the change/);
    expect(audit[0]).toMatchObject({ result: 'rollback-failed', before: { powerTargetW: 3000 }, after: null });
    // The rollback was tried (and could not reach the rig): nothing claims the old settings are back.
    expect(state.applied).toEqual([
      { kind: 'powerTarget', watts: 3300 },
      { kind: 'powerTarget', watts: 3000 },
    ]);
  });

  it('records a command the rig refuses as failed, sends nothing more, and never shows the password', async () => {
    const { final, audit, state } = await run({ onPowerTarget: 'take', refuse: true });
    expect(final).toMatchObject({ state: 'failed', code: 'UNAUTHORIZED' });
    expect(audit[0]?.result).toBe('failed');
    expect(state.applied).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('s3cret-pw');
  });
});
