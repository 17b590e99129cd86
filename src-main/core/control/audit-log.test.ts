import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineEventBus } from '../events.js';
import { AuditLog } from './audit-log.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-audit-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const entry = (rigId: string, result: 'applied' | 'refused') => ({
  commandId: 'c',
  actor: 'operator',
  rigId,
  rigName: rigId,
  change: { kind: 'restart' },
  before: null,
  after: null,
  result,
  message: null,
});

describe('AuditLog', () => {
  it('keeps entries across a restart, newest first, filtered by rig', () => {
    const log = new AuditLog(dir, new EngineEventBus());
    log.record(entry('a', 'applied'), 1);
    log.record(entry('b', 'refused'), 2);
    log.record(entry('a', 'refused'), 3);
    const reopened = new AuditLog(dir, new EngineEventBus());
    expect(reopened.list({ limit: 10 }).map((e) => e.at)).toEqual([3, 2, 1]);
    expect(reopened.list({ rigId: 'a', limit: 10 }).map((e) => e.result)).toEqual(['refused', 'applied']);
  });

  it('skips a line torn by a crash and keeps the rest', () => {
    const log = new AuditLog(dir, new EngineEventBus());
    log.record(entry('a', 'applied'), 1);
    fs.appendFileSync(path.join(dir, 'audit.jsonl'), '{"id":"x","at":');
    expect(new AuditLog(dir, new EngineEventBus()).list({ limit: 10 })).toHaveLength(1);
  });

  it('writes the file readable by its owner only', () => {
    new AuditLog(dir, new EngineEventBus()).record(entry('a', 'applied'));
    expect(fs.statSync(path.join(dir, 'audit.jsonl')).mode & 0o777).toBe(0o600);
  });
});
