// A rig as the fleet holds it, for unit tests of code that reacts to rigs; override what the test is about.
import type { Rig } from '../../src-shared/model/rig.js';

export function testRig(overrides: Partial<Rig> = {}): Rig {
  return {
    id: '127.0.1.10:4028',
    name: 'S19 Pro 1.10',
    identity: {
      host: '127.0.1.10',
      port: 4028,
      family: 'cgminer',
      make: 'Bitmain',
      model: 'Antminer S19 Pro',
      firmware: 'x',
      apiVersion: null,
      mac: null,
      serial: null,
    },
    status: 'up',
    addedAt: 0,
    lastSeenAt: 0,
    missedPolls: 0,
    snapshot: null,
    problem: null,
    ...overrides,
  };
}
