import { describe, expect, it } from 'vitest';
import { makeDevice } from '../../test-support/optimizer-fixtures.js';
import { canRetune, failedRigIds, sortDevicesByName } from './device-rows.js';

describe('sortDevicesByName', () => {
  it('orders by name with numbers in number order, then by rig id', () => {
    const devices = [
      makeDevice({ rigId: 'c:4028', rigName: 'rig-10' }),
      makeDevice({ rigId: 'b:4028', rigName: 'rig-9' }),
      makeDevice({ rigId: 'a:4028', rigName: 'rig-9' }),
    ];
    const byId = Object.fromEntries(devices.map((device) => [device.rigId, device]));
    expect(sortDevicesByName(byId).map((device) => device.rigId)).toEqual(['a:4028', 'b:4028', 'c:4028']);
  });
});

describe('retune', () => {
  it('is offered for failed and tuned devices only', () => {
    expect(canRetune({ state: 'failed' })).toBe(true);
    expect(canRetune({ state: 'tuned' })).toBe(true);
    expect(canRetune({ state: 'exploring' })).toBe(false);
    expect(canRetune({ state: 'unsupported' })).toBe(false);
  });

  it('lists the failed devices for "retune all failed"', () => {
    const devices = [makeDevice({ rigId: 'a:4028', state: 'failed' }), makeDevice({ rigId: 'b:4028' })];
    expect(failedRigIds(devices)).toEqual(['a:4028']);
  });
});
