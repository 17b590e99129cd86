import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RigIdentity } from '../../../src-shared/model/rig.js';
import { RigStore } from './rig-store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function identity(host: string, model = 'Antminer S19 Pro'): RigIdentity {
  return {
    host,
    port: 4028,
    family: 'cgminer',
    make: 'Bitmain',
    model,
    firmware: 'x',
    apiVersion: null,
    mac: null,
    serial: null,
  };
}

describe('RigStore', () => {
  it('keeps the fleet and the names given to rigs across a restart', () => {
    const store = new RigStore(dir);
    store.upsert(identity('127.0.1.10'), 1);
    const { rig } = store.upsert(identity('127.0.1.11'), 2);
    store.replace({ ...rig, name: 'rack 3 top' });
    store.flush();
    const reopened = new RigStore(dir);
    expect(reopened.all().map((r) => [r.id, r.name])).toEqual([
      ['127.0.1.10:4028', 'Antminer S19 Pro 1.10'],
      ['127.0.1.11:4028', 'rack 3 top'],
    ]);
    expect(reopened.loadProblem).toBeNull();
  });

  it('gives a rig with a very long model name a default name that still loads', () => {
    const store = new RigStore(dir);
    store.upsert(identity('127.0.1.10', 'X'.repeat(96)), 1);
    store.flush();
    const reopened = new RigStore(dir);
    expect(reopened.all()).toHaveLength(1);
    expect(reopened.all()[0]?.name.length).toBeLessThanOrEqual(64);
  });

  it('skips a damaged entry and keeps the other rigs, saying so', () => {
    const store = new RigStore(dir);
    store.upsert(identity('127.0.1.10'), 1);
    store.upsert(identity('127.0.1.11'), 2);
    store.flush();
    const file = path.join(dir, 'rigs.json');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { rigs: Array<Record<string, unknown>> };
    saved.rigs[0] = { ...saved.rigs[0], name: 42 };
    fs.writeFileSync(file, JSON.stringify(saved));
    const reopened = new RigStore(dir);
    expect(reopened.all().map((r) => r.id)).toEqual(['127.0.1.11:4028']);
    expect(reopened.loadProblem).toMatch(/1 damaged/);
  });

  it('keeps a rig found again under its name and first-seen time', () => {
    const store = new RigStore(null);
    const first = store.upsert(identity('127.0.1.10'), 1);
    store.replace({ ...first.rig, name: 'kept' });
    const again = store.upsert({ ...identity('127.0.1.10'), firmware: 'upgraded' }, 99);
    expect(again).toMatchObject({
      added: false,
      rig: { name: 'kept', addedAt: 1, identity: { firmware: 'upgraded' } },
    });
  });
});
