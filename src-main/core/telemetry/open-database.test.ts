import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openTelemetryDatabase } from './open-database.js';
import { SCHEMA_VERSION } from './schema.js';

const dirs: string[] = [];
function file(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-open-'));
  dirs.push(dir);
  return path.join(dir, 'telemetry.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it('creates the schema and reopens without touching it', () => {
  const at = file();
  const first = openTelemetryDatabase(at);
  expect(first.problem).toBeNull();
  expect(first.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
  first.db.close();
  const second = openTelemetryDatabase(at);
  expect(second.problem).toBeNull();
  second.db.close();
});

it('keeps a file that is not a database aside and starts fresh', () => {
  const at = file();
  fs.writeFileSync(at, 'this is not sqlite');
  const opened = openTelemetryDatabase(at);
  expect(opened.problem?.code).toBe('CORRUPT');
  expect(opened.problem?.message).toMatch(/damaged/);
  expect(fs.readFileSync(opened.problem?.setAsidePath ?? '', 'utf8')).toBe('this is not sqlite');
  expect(opened.path).toBe(at);
  opened.db.close();
});

it('leaves a database from a newer Rigwise alone and keeps history in memory', () => {
  const at = file();
  const newer = openTelemetryDatabase(at);
  newer.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  newer.db.close();
  const opened = openTelemetryDatabase(at);
  expect(opened.problem).toMatchObject({ code: 'UNREADABLE', setAsidePath: null });
  expect(opened.problem?.message).toMatch(/newer Rigwise/);
  expect(opened.path).toBeNull();
  expect(fs.existsSync(at)).toBe(true);
  opened.db.close();
});
