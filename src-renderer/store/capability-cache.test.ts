import { describe, expect, it } from 'vitest';
import { makeCapabilities } from '../test-support/control-fixtures.js';
import { makeRig } from '../test-support/rig-fixtures.js';
import { capabilitiesStillValid, dropStaleCapabilities, knownCapabilities } from './capability-cache.js';
import type { CapabilityCache } from './capability-cache.js';
import { rigsByIdFromList } from './fleet-changes.js';

const rig = makeRig('127.0.9.1');
const other = makeRig('127.0.9.2');
const ready = { status: 'ready', value: makeCapabilities({ restart: true }) } as const;
const cache: CapabilityCache = { [rig.id]: ready, [other.id]: ready };
const before = rigsByIdFromList([rig, other]);

describe('capability cache', () => {
  it('keeps what it knows when a rig merely reports new figures', () => {
    const polled = makeRig('127.0.9.1', { missedPolls: 1 });
    expect(dropStaleCapabilities(cache, before, [{ kind: 'updated', rig: polled }])).toBe(cache);
  });

  it("forgets a rig's capabilities when its identity changes (new firmware, another rig at the address)", () => {
    const updated = makeRig('127.0.9.1', { identity: { ...rig.identity, firmware: '2024.06' } });
    const next = dropStaleCapabilities(cache, before, [{ kind: 'updated', rig: updated }]);
    expect(Object.keys(next)).toEqual([other.id]);
  });

  it('forgets removed rigs', () => {
    expect(Object.keys(dropStaleCapabilities(cache, before, [{ kind: 'removed', rigId: other.id }]))).toEqual([rig.id]);
    const after = rigsByIdFromList([makeRig('127.0.9.1', { identity: { ...rig.identity, model: 'Antminer S21' } })]);
    expect(capabilitiesStillValid(cache, before, after)).toEqual({});
  });

  it('shows the previous answer while one is fetched again', () => {
    expect(knownCapabilities({ status: 'loading', previous: ready.value })).toBe(ready.value);
    expect(knownCapabilities({ status: 'loading', previous: null })).toBeNull();
    expect(knownCapabilities(undefined)).toBeNull();
  });
});
