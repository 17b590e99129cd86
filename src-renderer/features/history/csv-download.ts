import type { ExportResult, RigId } from '../../../src-shared/model/index.js';
import type { TimeBounds } from '../../store/history-windows.js';
import { formatCount } from '../../ui/format-plain.js';

const MAX_NAME_LENGTH = 120;

function stamp(t: number): string {
  // 2025-11-26T13:05:00.000Z -> 20251126-1305 (UTC, like the engine's timestamps in the file itself).
  return new Date(t).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** The name used when the engine's is unusable: what was exported and over which window. */
export function fallbackExportName(scope: { rigId: RigId } | { fleet: true }, bounds: TimeBounds): string {
  const what = 'rigId' in scope ? scope.rigId.replace(/[^A-Za-z0-9.]+/g, '-') : 'fleet';
  return `rigwise-history-${what}-${stamp(bounds.from)}-${stamp(bounds.to)}.csv`;
}

/**
 * The file name to save under: the engine's, cut down to a plain name (no folders, nothing a file system or a
 * shell would read as special), always ending in .csv and not absurdly long.
 */
export function downloadName(filename: string, fallback: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  let name = base
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (name === '' || /^csv$/i.test(name)) name = fallback;
  if (!/\.csv$/i.test(name)) name = `${name}.csv`;
  if (name.length > MAX_NAME_LENGTH) name = `${name.slice(0, MAX_NAME_LENGTH - 4)}.csv`;
  return name;
}

/** What the export button says once the file is saved, including when the engine stopped at its row cap. */
export function describeExport(result: Pick<ExportResult, 'rows' | 'truncated'>, name: string): string {
  const rows = `${formatCount(result.rows)} row${result.rows === 1 ? '' : 's'}`;
  if (!result.truncated) return `Saved ${name} (${rows}).`;
  return `Saved ${name}, but only its first ${rows}: the export stops there. Zoom into a shorter window to export the rest.`;
}

/** Hands the CSV to the browser (or Electron) as a download: a Blob behind an object URL, clicked through <a download>. */
export function saveCsv(csv: string, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference once started; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
