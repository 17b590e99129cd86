import { RigSchema, UNKNOWN_CONTROL_STATE } from '../../src-shared/model/index.js';
import type { Rig, RigSnapshot } from '../../src-shared/model/index.js';

// Builders for unit tests. Every rig goes through the shared schema, so a fixture can never be a shape the engine
// would not send.

export function makeSnapshot(overrides: Partial<RigSnapshot> = {}): RigSnapshot {
  return {
    takenAt: 1_700_000_000_000,
    hashrateThs: 100,
    hashrateAvgThs: 100,
    powerW: 3000,
    powerIsEstimate: false,
    control: { ...UNKNOWN_CONTROL_STATE },
    efficiencyJPerTh: null,
    maxChipTempC: 70,
    maxBoardTempC: 60,
    boards: [],
    fans: [
      { index: 0, rpm: 6000 },
      { index: 1, rpm: 5800 },
    ],
    pools: [
      {
        index: 0,
        url: 'stratum+tcp://pool.example.com:3333',
        user: 'farm.worker',
        status: 'alive',
        priority: 0,
        accepted: 10,
        rejected: 0,
        active: true,
      },
    ],
    uptimeS: 3600,
    accepted: 10,
    rejected: 0,
    hardwareErrors: 0,
    ...overrides,
  };
}

export function makeRig(host: string, overrides: Partial<Rig> = {}): Rig {
  const port = 4028;
  return RigSchema.parse({
    id: `${host}:${port}`,
    name: `rig-${host}`,
    identity: {
      host,
      port,
      family: 'cgminer',
      make: 'Bitmain',
      model: 'Antminer S19',
      firmware: '2023.01',
      apiVersion: '3.1',
      mac: null,
      serial: null,
    },
    status: 'up',
    addedAt: 1_700_000_000_000,
    lastSeenAt: 1_700_000_000_000,
    missedPolls: 0,
    snapshot: makeSnapshot(),
    problem: null,
    ...overrides,
  });
}
