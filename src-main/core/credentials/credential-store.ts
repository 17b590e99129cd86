// Miner admin passwords and API tokens, encrypted at rest, per rig or as a default for a whole family ("every
// Whatsminer uses this password"). Secrets go in through the API and out only to a driver's apply(): never to the
// renderer, never into a log or an error message.
import path from 'node:path';
import { z } from 'zod';
import type { CredentialKind } from '../../../src-shared/model/control.js';
import type { RigFamily, RigId } from '../../../src-shared/model/rig.js';
import { JsonFile } from '../storage/json-file.js';
import type { SecretCipher } from './secret-cipher.js';

/** A rig id ("127.0.1.10:4028"), or "family:whatsminer" for a family default. */
export type CredentialScope = string;

const StoredSchema = z.object({
  version: z.literal(1),
  secrets: z.record(z.string(), z.record(z.string(), z.string())),
});
type Stored = z.infer<typeof StoredSchema>;

export class CredentialStore {
  private stored: Stored;
  private readonly file: JsonFile<typeof StoredSchema> | null;
  readonly loadProblem: string | null;

  constructor(
    dataDir: string | null,
    private readonly cipher: SecretCipher,
  ) {
    this.file = dataDir
      ? new JsonFile(path.join(dataDir, 'credentials.json'), StoredSchema, () => ({ version: 1 as const, secrets: {} }))
      : null;
    const loaded = this.file?.load() ?? { value: { version: 1 as const, secrets: {} }, problem: null };
    this.stored = loaded.value;
    this.loadProblem = loaded.problem;
  }

  set(scope: CredentialScope, kind: CredentialKind, secret: string): void {
    const secrets = {
      ...this.stored.secrets,
      [scope]: { ...this.stored.secrets[scope], [kind]: this.cipher.encrypt(secret) },
    };
    this.save({ ...this.stored, secrets });
  }

  clear(scope: CredentialScope, kind: CredentialKind): void {
    const { [kind]: _removed, ...rest } = this.stored.secrets[scope] ?? {};
    this.save({ ...this.stored, secrets: { ...this.stored.secrets, [scope]: rest } });
  }

  /** Which kinds are set for the rig itself and for its family; never the secrets. */
  status(rigId: RigId, family: RigFamily): Record<CredentialKind, 'rig' | 'family' | null> {
    const own = this.stored.secrets[rigId] ?? {};
    const shared = this.stored.secrets[`family:${family}`] ?? {};
    const where = (kind: CredentialKind): 'rig' | 'family' | null =>
      own[kind] ? 'rig' : shared[kind] ? 'family' : null;
    return { adminPassword: where('adminPassword'), apiToken: where('apiToken') };
  }

  /** The rig's own secret, else its family default, decrypted for one apply() call. */
  secretFor(rigId: RigId, family: RigFamily, kind: CredentialKind): string | null {
    const sealed = this.stored.secrets[rigId]?.[kind] ?? this.stored.secrets[`family:${family}`]?.[kind];
    return sealed === undefined ? null : this.cipher.decrypt(sealed);
  }

  private save(next: Stored): void {
    this.file?.save(next);
    this.stored = next;
  }
}
