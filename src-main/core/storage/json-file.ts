// A JSON document on disk that survives crashes and bad edits. Writes go to a temporary file that is flushed and then
// renamed over the old one, so a crash mid-write leaves the old or the new file, never half of one. A file that is
// not valid JSON or fails its schema is moved aside (kept for the operator, never deleted) and defaults are used.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

export interface LoadResult<T> {
  value: T;
  /** Set when the file was unreadable: what happened and where the bad copy was kept. */
  problem: string | null;
}

export class JsonFile<S extends z.ZodType> {
  constructor(
    readonly filePath: string,
    private readonly schema: S,
    private readonly defaults: () => z.infer<S>,
  ) {}

  load(): LoadResult<z.infer<S>> {
    let text: string;
    try {
      text = fs.readFileSync(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: this.defaults(), problem: null };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return this.quarantine(`is not valid JSON (${(error as Error).message})`);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || 'top level'}: ${first.message}` : 'unknown';
      return this.quarantine(`does not match the expected shape (${where})`);
    }
    return { value: parsed.data, problem: null };
  }

  save(value: z.infer<S>): void {
    // The folder holds the fleet and, later, encrypted credentials: only the operator's account may read it.
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true, mode: 0o700 });
    const temporary = `${this.filePath}.${process.pid}.tmp`;
    const handle = fs.openSync(temporary, 'w', 0o600);
    try {
      fs.writeFileSync(handle, `${JSON.stringify(value, null, 2)}\n`);
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(temporary, this.filePath);
  }

  private quarantine(why: string): LoadResult<z.infer<S>> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const keptAs = `${this.filePath}.corrupt-${stamp}`;
    fs.renameSync(this.filePath, keptAs);
    const problem = `${path.basename(this.filePath)} ${why}; defaults are in use and the bad file was kept as ${keptAs}.`;
    console.warn(`[storage] ${problem}`);
    return { value: this.defaults(), problem };
  }
}
