// Who changed what on which rig, when, from what to what, and how it ended. Append-only JSON lines in the data folder
// (one line per event, written before anything else happens, so a crash cannot lose what was sent to a rig); rotated
// at 10 MiB with the previous file kept; the most recent entries are kept in memory for the UI.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AuditEntrySchema, type AuditEntry } from '../../../src-shared/model/control.js';
import type { EngineEventBus } from '../events.js';

const ROTATE_AT_BYTES = 10 * 1024 * 1024;
const KEPT_IN_MEMORY = 5000;
const READ_TAIL_BYTES = 4 * 1024 * 1024;

export class AuditLog {
  private readonly entries: AuditEntry[] = [];
  private readonly filePath: string | null;

  constructor(
    dataDir: string | null,
    private readonly events: EngineEventBus,
  ) {
    this.filePath = dataDir ? path.join(dataDir, 'audit.jsonl') : null;
    if (this.filePath) this.loadTail(this.filePath);
  }

  record(entry: Omit<AuditEntry, 'id' | 'at'>, at = Date.now()): AuditEntry {
    const full: AuditEntry = { id: randomUUID(), at, ...entry };
    this.entries.push(full);
    if (this.entries.length > KEPT_IN_MEMORY) this.entries.splice(0, this.entries.length - KEPT_IN_MEMORY);
    this.append(full);
    this.events.emit('audit.recorded', full);
    return full;
  }

  /** Newest first. */
  list(filter: { rigId?: string | undefined; limit: number }): AuditEntry[] {
    const matching: AuditEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && matching.length < filter.limit; i -= 1) {
      const entry = this.entries[i];
      if (entry && (filter.rigId === undefined || entry.rigId === filter.rigId)) matching.push(entry);
    }
    return matching;
  }

  private append(entry: AuditEntry): void {
    if (!this.filePath) return;
    try {
      fs.mkdirSync(path.dirname(this.filePath), { recursive: true, mode: 0o700 });
      if ((fs.statSync(this.filePath, { throwIfNoEntry: false })?.size ?? 0) > ROTATE_AT_BYTES) {
        fs.renameSync(this.filePath, `${this.filePath}.1`);
      }
      fs.appendFileSync(this.filePath, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    } catch (error) {
      // The change itself already went through the checks; losing the file line is reported, not fatal.
      console.error('[audit] could not write the audit log:', (error as Error).message);
    }
  }

  /** Reads the newest entries back at start; a damaged line (a crash mid-append) is skipped, not fatal. */
  private loadTail(filePath: string): void {
    let text: string;
    try {
      const size = fs.statSync(filePath).size;
      const handle = fs.openSync(filePath, 'r');
      try {
        const start = Math.max(0, size - READ_TAIL_BYTES);
        const buffer = Buffer.alloc(size - start);
        fs.readSync(handle, buffer, 0, buffer.length, start);
        text = buffer.toString('utf8');
      } finally {
        fs.closeSync(handle);
      }
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      if (line.trim().length === 0) continue;
      try {
        const parsed = AuditEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success) this.entries.push(parsed.data);
      } catch {
        // a torn last line, or the first partial line of the tail window
      }
    }
    if (this.entries.length > KEPT_IN_MEMORY) this.entries.splice(0, this.entries.length - KEPT_IN_MEMORY);
  }
}
