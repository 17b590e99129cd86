// The rigs the operator has: every rig discovery found and the operator kept, with the name they gave it. Persisted
// (identity and name only; readings belong to the telemetry store) so the fleet is there again after a restart.
import path from 'node:path';
import { z } from 'zod';
import { RigIdentitySchema, rigIdOf, type Rig, type RigId, type RigIdentity } from '../../../src-shared/model/rig.js';
import { JsonFile } from '../storage/json-file.js';

const MAX_NAME_LENGTH = 64;
const KnownRigSchema = z.object({
  identity: RigIdentitySchema,
  name: z.string().max(MAX_NAME_LENGTH),
  addedAt: z.number(),
});
/** Entries are checked one by one on load, so one damaged entry costs that rig, not the whole fleet. */
const KnownRigsSchema = z.object({ version: z.literal(1), rigs: z.array(z.unknown()) });
const RETRY_SAVE_MS = 10_000;

export function defaultRigName(identity: RigIdentity): string {
  const [, , third, fourth] = identity.host.split('.');
  const suffix = ` ${third ?? ''}.${fourth ?? ''}`;
  return `${identity.model.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`.trim();
}

export class RigStore {
  private readonly rigs = new Map<RigId, Rig>();
  private readonly file: JsonFile<typeof KnownRigsSchema> | null;
  readonly loadProblem: string | null = null;
  private saveTimer: NodeJS.Timeout | null = null;

  /** Without a data folder the fleet lives in memory only (tests, benchmarks). */
  constructor(dataDir: string | null) {
    this.file = dataDir
      ? new JsonFile(path.join(dataDir, 'rigs.json'), KnownRigsSchema, () => ({ version: 1 as const, rigs: [] }))
      : null;
    if (!this.file) return;
    const loaded = this.file.load();
    let skipped = 0;
    for (const entry of loaded.value.rigs) {
      const known = KnownRigSchema.safeParse(entry);
      if (!known.success) {
        skipped += 1;
        continue;
      }
      const { identity, name, addedAt } = known.data;
      this.rigs.set(rigIdOf(identity.host, identity.port), this.newRig(identity, name, addedAt));
    }
    const skippedProblem = skipped > 0 ? `rigs.json: ${skipped} damaged rig entries were skipped.` : null;
    this.loadProblem = loaded.problem ?? skippedProblem;
  }

  all(): Rig[] {
    return [...this.rigs.values()];
  }

  get(id: RigId): Rig | undefined {
    return this.rigs.get(id);
  }

  /** Adds a rig, or refreshes the identity of one already known (a firmware upgrade) keeping its name and readings. */
  upsert(identity: RigIdentity, now: number): { rig: Rig; added: boolean } {
    const id = rigIdOf(identity.host, identity.port);
    const existing = this.rigs.get(id);
    const rig = existing ? { ...existing, identity } : this.newRig(identity, defaultRigName(identity), now);
    this.rigs.set(id, rig);
    this.persist();
    return { rig, added: !existing };
  }

  /** Replaces a rig's live state; persisted fields are written only when they change. */
  replace(rig: Rig): void {
    if (!this.rigs.has(rig.id)) return;
    const before = this.rigs.get(rig.id);
    this.rigs.set(rig.id, rig);
    if (before?.name !== rig.name) this.persist();
  }

  remove(id: RigId): boolean {
    const removed = this.rigs.delete(id);
    if (removed) this.persist();
    return removed;
  }

  private newRig(identity: RigIdentity, name: string, addedAt: number): Rig {
    return {
      id: rigIdOf(identity.host, identity.port),
      name,
      identity,
      status: 'pending',
      addedAt,
      lastSeenAt: null,
      missedPolls: 0,
      snapshot: null,
      problem: null,
    };
  }

  /**
   * Writes pending changes now (also on shutdown, so nothing the operator did is lost). A failed write (disk full, a
   * read-only folder) is reported and retried; the fleet in memory stays as it is.
   */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    try {
      this.file?.save({
        version: 1,
        rigs: this.all().map((rig) => ({ identity: rig.identity, name: rig.name, addedAt: rig.addedAt })),
      });
    } catch (error) {
      console.error(
        `[fleet] could not save rigs.json, retrying in ${RETRY_SAVE_MS / 1000} s:`,
        (error as Error).message,
      );
      this.saveTimer = setTimeout(() => this.flush(), RETRY_SAVE_MS);
      this.saveTimer.unref();
    }
  }

  /** A scan adds hundreds of rigs in a second: their saves are coalesced into one write. */
  private persist(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), 250);
  }
}
