// The rigs the operator has: every rig discovery found and the operator kept, with the name they gave it. Persisted
// (identity and name only; readings belong to the telemetry store) so the fleet is there again after a restart.
import path from 'node:path';
import { z } from 'zod';
import { RigIdentitySchema, rigIdOf, type Rig, type RigId, type RigIdentity } from '../../../src-shared/model/rig.js';
import { JsonFile } from '../storage/json-file.js';

const KnownRigSchema = z.object({ identity: RigIdentitySchema, name: z.string().max(64), addedAt: z.number() });
const KnownRigsSchema = z.object({ version: z.literal(1), rigs: z.array(KnownRigSchema) });

export function defaultRigName(identity: RigIdentity): string {
  const [, , third, fourth] = identity.host.split('.');
  return `${identity.model} ${third ?? ''}.${fourth ?? ''}`.trim();
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
    this.loadProblem = loaded.problem;
    for (const known of loaded.value.rigs)
      this.rigs.set(
        rigIdOf(known.identity.host, known.identity.port),
        this.newRig(known.identity, known.name, known.addedAt),
      );
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

  /** Writes pending changes now: called on shutdown so nothing the operator did is lost. */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.file?.save({
      version: 1,
      rigs: this.all().map((rig) => ({ identity: rig.identity, name: rig.name, addedAt: rig.addedAt })),
    });
  }

  /** A scan adds hundreds of rigs in a second: their saves are coalesced into one write. */
  private persist(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), 250);
  }
}
