import { describe, expect, it } from 'vitest';
import { describeExport, downloadName, fallbackExportName } from './csv-download.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 10, 26, 13, 5);

describe('CSV download names', () => {
  it("keeps the engine's name when it is a plain CSV file name", () => {
    expect(downloadName('rigwise-127.0.5.10-20251126.csv', 'x.csv')).toBe('rigwise-127.0.5.10-20251126.csv');
  });

  it('strips folders and characters a file system or shell would read as special', () => {
    expect(downloadName('../../etc/passwd', 'x.csv')).toBe('passwd.csv');
    expect(downloadName('C:\\Users\\me\\history.csv', 'x.csv')).toBe('history.csv');
    expect(downloadName('rig "A-07"; rm -rf.csv', 'x.csv')).toBe('rig-A-07-rm-rf.csv');
  });

  it('adds the .csv extension and falls back when nothing usable is left', () => {
    expect(downloadName('fleet-history', 'x.csv')).toBe('fleet-history.csv');
    expect(downloadName('', 'fallback.csv')).toBe('fallback.csv');
    expect(downloadName('...', 'fallback.csv')).toBe('fallback.csv');
  });

  it('keeps a very long name to a sane length, still a .csv', () => {
    const name = downloadName(`${'a'.repeat(300)}.csv`, 'x.csv');
    expect(name).toHaveLength(120);
    expect(name.endsWith('.csv')).toBe(true);
  });

  it('names a fallback by what and when, in UTC', () => {
    expect(fallbackExportName({ rigId: '127.0.5.10:4028' }, { from: NOW - HOUR, to: NOW })).toBe(
      'rigwise-history-127.0.5.10-4028-20251126-1205-20251126-1305.csv',
    );
    expect(fallbackExportName({ fleet: true }, { from: NOW - HOUR, to: NOW })).toMatch(/^rigwise-history-fleet-/);
  });
});

describe('what the export button says', () => {
  it('names the file and its rows', () => {
    expect(describeExport({ rows: 1234, truncated: false }, 'a.csv')).toBe('Saved a.csv (1,234 rows).');
    expect(describeExport({ rows: 1, truncated: false }, 'a.csv')).toBe('Saved a.csv (1 row).');
  });

  it('says plainly when the engine stopped at its row cap', () => {
    const text = describeExport({ rows: 250_000, truncated: true }, 'a.csv');
    expect(text).toContain('only its first 250,000 rows');
    expect(text).toContain('shorter window');
  });
});
