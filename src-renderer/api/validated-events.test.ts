import { describe, expect, it } from 'vitest';
import { makeRig } from '../test-support/rig-fixtures.js';
import { validatingListener } from './validated-events.js';

function capture() {
  const received: Array<[string, unknown]> = [];
  const warnings: string[] = [];
  const listener = validatingListener(
    (event, data) => void received.push([event, data]),
    (message) => void warnings.push(message),
  );
  return { listener, received, warnings };
}

describe('validatingListener', () => {
  it('passes an event whose data matches its schema', () => {
    const { listener, received } = capture();
    const rig = makeRig('127.0.9.1');
    listener('fleet.rigUpdated', rig);
    expect(received).toEqual([['fleet.rigUpdated', rig]]);
  });

  it('drops an event whose data does not match its schema, with a warning', () => {
    const { listener, received, warnings } = capture();
    listener('fleet.rigUpdated', { id: '127.0.9.1:4028', status: 'exploded' });
    expect(received).toEqual([]);
    expect(warnings[0]).toMatch(/invalid "fleet.rigUpdated"/);
  });

  it('drops events the contract does not name and warns once per name', () => {
    const { listener, received, warnings } = capture();
    listener('fleet.somethingNew', {});
    listener('fleet.somethingNew', {});
    expect(received).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
