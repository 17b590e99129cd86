import { describe, expect, it } from 'vitest';
import { garbage, oversize } from './connection.js';
import { validateFault } from './fault-validation.js';
import { parseFault } from './faults.js';
import { MODEL_CATALOG } from './models.js';
import { mulberry32 } from './random.js';

describe('faults', () => {
  it('parses the CLI words for each fault', () => {
    expect(parseFault('deadBoard', ['1'])).toEqual({ kind: 'deadBoard', board: 1 });
    expect(parseFault('trickle', ['8', '100'])).toEqual({ kind: 'trickle', chunkBytes: 8, intervalMs: 100 });
    expect(parseFault('overheat', [])).toEqual({ kind: 'overheat' });
    expect(parseFault('deadBoard', [])).toBe('deadBoard needs a board index');
    expect(parseFault('slowReplies', ['-5'])).toMatch(/whole numbers/);
  });

  it('rejects a fault on a board or fan the model does not have', () => {
    const s9 = MODEL_CATALOG['Antminer S9'];
    expect(() => validateFault(s9, { kind: 'deadBoard', board: 3 })).toThrow(/board must be a whole number 0\.\.2/);
    expect(() => validateFault(s9, { kind: 'failingFan', fan: 2 })).toThrow(/fan/);
    expect(() => validateFault(s9, { kind: 'failingFan', fan: 1 })).not.toThrow();
  });

  it('pads an oversized reply but keeps it valid JSON ending in NUL', () => {
    const reply = oversize('{"STATUS":[],"id":1}\0', 100_000);
    expect(reply.length).toBeGreaterThanOrEqual(100_000);
    expect(reply.endsWith('\0')).toBe(true);
    expect(JSON.parse(reply.slice(0, -1))).toMatchObject({ id: 1 });
  });

  it('makes garbage that is never valid JSON', () => {
    const next = mulberry32(5);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const bytes = garbage('{"STATUS":[{"STATUS":"S"}],"SUMMARY":[{"Elapsed":5}],"id":1}\0', next);
      expect(() => JSON.parse(bytes.toString('utf8')) as unknown).toThrow();
    }
  });
});
