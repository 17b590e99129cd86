import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsSchema, defaultSettings } from '../../../src-shared/model/settings.js';
import { JsonFile } from './json-file.js';

let dir: string;
let file: JsonFile<typeof SettingsSchema>;
const filePath = (): string => path.join(dir, 'settings.json');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-json-'));
  file = new JsonFile(filePath(), SettingsSchema, defaultSettings);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('JsonFile', () => {
  it('gives defaults without a problem when the file does not exist yet', () => {
    expect(file.load()).toEqual({ value: defaultSettings(), problem: null });
  });

  it('reads back what it saved, leaving no temporary file behind', () => {
    file.save({ ...defaultSettings(), pollIntervalMs: 7000 });
    expect(file.load().value.pollIntervalMs).toBe(7000);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps a corrupt file aside, reports it and falls back to defaults', () => {
    fs.writeFileSync(filePath(), '{"pollIntervalMs": 70');
    const loaded = file.load();
    expect(loaded.value).toEqual(defaultSettings());
    expect(loaded.problem).toMatch(/not valid JSON.*kept as/);
    const kept = fs.readdirSync(dir).filter((name) => name.includes('.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0] ?? ''), 'utf8')).toBe('{"pollIntervalMs": 70');
  });

  it('treats a file of the wrong shape like a corrupt one and names the bad field', () => {
    fs.writeFileSync(filePath(), JSON.stringify({ pollIntervalMs: 5 }));
    const loaded = file.load();
    expect(loaded.problem).toMatch(/pollIntervalMs/);
    expect(loaded.value.pollIntervalMs).toBe(5000);
  });

  it('fills fields missing from an older file with their defaults', () => {
    fs.writeFileSync(filePath(), JSON.stringify({ pollIntervalMs: 9000 }));
    expect(file.load()).toEqual({ value: { ...defaultSettings(), pollIntervalMs: 9000 }, problem: null });
  });

  it('leaves the previous file intact when a write fails before the rename', () => {
    file.save({ ...defaultSettings(), pollIntervalMs: 6000 });
    // The write is cut off where a crash would cut it: after the temporary file, before the rename.
    const rename = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw new Error('simulated crash');
    });
    expect(() => file.save({ ...defaultSettings(), pollIntervalMs: 9000 })).toThrow('simulated crash');
    rename.mockRestore();
    expect(file.load()).toEqual({ value: { ...defaultSettings(), pollIntervalMs: 6000 }, problem: null });
  });
});
