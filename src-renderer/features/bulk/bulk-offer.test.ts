import { describe, expect, it } from 'vitest';
import { makeCapabilities } from '../../test-support/control-fixtures.js';
import { makeRig } from '../../test-support/rig-fixtures.js';
import type { CapabilityCache } from '../../store/capability-cache.js';
import { bulkOffer, offered, unaskedRigIds } from './bulk-offer.js';

const limits = { maxChipTempC: 85, maxPowerWPerRig: null, models: {} };
const s19 = makeRig('127.0.9.1');
const s19b = makeRig('127.0.9.2');
const bitaxe = makeRig('127.0.9.3', {
  identity: { ...s19.identity, host: '127.0.9.3', family: 'axeos', model: 'BM1366' },
});

const braiins = makeCapabilities({
  pools: { max: 3 },
  powerTargetW: { min: 2000, max: 3600 },
  pauseResume: true,
  restart: true,
});
const stockAntminer = makeCapabilities({ pools: { max: 3 }, restart: true, needsCredential: 'adminPassword' });

function ready(value: ReturnType<typeof makeCapabilities>) {
  return { status: 'ready', value } as const;
}

describe('bulk offer', () => {
  it('offers an action only when every selected rig supports it, and says how many do', () => {
    const cache: CapabilityCache = { [s19.id]: ready(braiins), [s19b.id]: ready(stockAntminer) };
    const offer = bulkOffer([s19, s19b], cache, limits);
    expect(offer.pools).toMatchObject({ supported: 2, total: 2 });
    expect(offer.restart).toMatchObject({ supported: 2, total: 2 });
    expect(offer.powerTarget).toMatchObject({ supported: 1, total: 2 });
    expect(offer.pauseResume).toMatchObject({ supported: 1, total: 2 });
    expect(offered(offer.pools)).toBe(true);
    expect(offered(offer.powerTarget)).toBe(false);
  });

  it('intersects the power target ranges, and the limits for each rig', () => {
    const narrow = makeCapabilities({ powerTargetW: { min: 2500, max: 4000 } });
    const cache: CapabilityCache = { [s19.id]: ready(braiins), [bitaxe.id]: ready(narrow) };
    expect(bulkOffer([s19, bitaxe], cache, limits).powerTarget.range).toEqual({
      min: 2500,
      max: 3600,
      limitedByOperator: false,
    });
    const capped = { ...limits, models: { BM1366: { maxPowerW: 3000 } } };
    expect(bulkOffer([s19, bitaxe], cache, capped).powerTarget.range).toMatchObject({ min: 2500, max: 3000 });
  });

  it('takes the smallest pool count any selected rig accepts', () => {
    const onePool = makeCapabilities({ pools: { max: 1 } });
    const cache: CapabilityCache = { [s19.id]: ready(braiins), [bitaxe.id]: ready(onePool) };
    expect(bulkOffer([s19, bitaxe], cache, limits).pools.slots).toBe(1);
  });

  it('offers nothing until every answer is in, and counts rigs it could not ask', () => {
    const cache: CapabilityCache = {
      [s19.id]: ready(braiins),
      [s19b.id]: { status: 'loading', previous: null },
      [bitaxe.id]: { status: 'failed', error: { code: 'NOT_FOUND', message: 'gone' } },
    };
    const offer = bulkOffer([s19, s19b, bitaxe], cache, limits);
    expect(offer).toMatchObject({ total: 3, checking: 1, unknown: 1 });
    expect(offered(offer.restart)).toBe(false);
    expect(offered(bulkOffer([], {}, limits).restart)).toBe(false);
  });

  it('lists the rigs whose needed credential is not set', () => {
    const withPassword = makeCapabilities(
      { restart: true, needsCredential: 'adminPassword' },
      { adminPassword: 'family' },
    );
    const cache: CapabilityCache = { [s19.id]: ready(stockAntminer), [s19b.id]: ready(withPassword) };
    expect(bulkOffer([s19, s19b], cache, limits).missingCredential).toEqual([s19.id]);
  });

  it('asks only about rigs not asked about yet', () => {
    expect(unaskedRigIds([s19.id, s19b.id], { [s19.id]: { status: 'loading', previous: null } })).toEqual([s19b.id]);
  });
});
