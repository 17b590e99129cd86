// Opens the history database, brings its schema up to date, and copes with a file that cannot be used: a damaged
// one is moved aside (never deleted) and a fresh one started; one that cannot be opened at all leaves history in
// memory for this run. Either way the operator is told in plain words.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

export interface OpenProblem {
  code: 'CORRUPT' | 'UNREADABLE';
  message: string;
  setAsidePath: string | null;
}

export interface OpenedDatabase {
  db: Db;
  /** Null for an in-memory database. */
  path: string | null;
  problem: OpenProblem | null;
}

export interface OpenOptions {
  /** Caps the file (SQLite's max_page_count): a full disk, made to order. Only tests set it. */
  maxPages?: number;
}

/** SQLite codes that mean the file is not a usable database, as opposed to a passing I/O failure. */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE']);

export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (DAMAGE_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || (error as NodeJS.ErrnoException).code === 'ENOSPC';
}

function configure(db: Db, options: OpenOptions): void {
  // Pages stay at SQLite's 4 KiB: each batch dirties about one page per rig, and the WAL writes whole pages, so a
  // larger page multiplies what is written to disk every few seconds.
  // WAL: readers (chart queries, the engines) never wait for the writer. NORMAL: a commit survives a crash of the
  // app (not of the machine's power), which is the durability promised; FULL would fsync every batch.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
  if (options.maxPages !== undefined) db.pragma(`max_page_count = ${options.maxPages}`);
}

function migrate(db: Db): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw Object.assign(
      new Error(`it was written by a newer Rigwise (schema ${version}, this one knows ${SCHEMA_VERSION})`),
      {
        code: 'RIGWISE_NEWER_SCHEMA',
      },
    );
  }
  for (let next = version; next < SCHEMA_VERSION; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next] ?? '');
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}

function openAt(file: string, options: OpenOptions): Db {
  const db = new Database(file);
  try {
    configure(db, options);
    migrate(db);
    // Touch every table's root page: a damaged header or schema shows here rather than in the first poll's write.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.prepare('SELECT max(k) FROM raw').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function openInMemory(options: OpenOptions = {}): Db {
  const db = new Database(':memory:');
  configure(db, options);
  migrate(db);
  return db;
}

/** Moves the database and its WAL/SHM companions aside under one timestamped name. Returns the new main path. */
export function setAside(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const keptAs = `${file}.corrupt-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, keptAs + suffix);
  }
  return keptAs;
}

export function openTelemetryDatabase(file: string | null, options: OpenOptions = {}): OpenedDatabase {
  if (file === null) return { db: openInMemory(options), path: null, problem: null };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    return { db: openAt(file, options), path: file, problem: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (isDamage(error)) {
      try {
        const keptAs = setAside(file);
        return {
          db: openAt(file, options),
          path: file,
          problem: {
            code: 'CORRUPT',
            message: `The history database was damaged (${reason}). It was kept as ${keptAs} and a fresh one was started; earlier charts are in the kept file.`,
            setAsidePath: keptAs,
          },
        };
      } catch (second) {
        return unreadable(file, second instanceof Error ? second.message : String(second), options);
      }
    }
    return unreadable(file, reason, options);
  }
}

function unreadable(file: string, reason: string, options: OpenOptions): OpenedDatabase {
  return {
    db: openInMemory(options),
    path: null,
    problem: {
      code: 'UNREADABLE',
      message: `The history database ${file} could not be opened (${reason}). History is kept in memory until Rigwise restarts; check the file's permissions and free space.`,
      setAsidePath: null,
    },
  };
}
