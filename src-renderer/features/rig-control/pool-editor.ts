import { PoolConfigSchema } from '../../../src-shared/model/index.js';
import type { Pool, PoolConfig } from '../../../src-shared/model/index.js';

/** RigChangeSchema's pools change carries at most three (primary and two failovers); the test pins this to it. */
export const MAX_POOLS_PER_CHANGE = 3;
/** What every pool accepts when it does not use the password (PoolConfigSchema's default). */
export const DEFAULT_POOL_PASSWORD = 'x';

export interface PoolRowDraft {
  url: string;
  user: string;
  /** Empty means the default, "x". Rigs never report pool passwords, so a prefilled row starts empty. */
  password: string;
}
export type PoolDraft = readonly PoolRowDraft[];
export type PoolField = keyof PoolRowDraft;
export type PoolRowErrors = Partial<Record<PoolField, string>>;

export const EMPTY_POOL_ROW: PoolRowDraft = { url: '', user: '', password: '' };

/** How many rows the editor offers: what the rig takes, within what one change can carry. */
export function poolSlots(capabilityMax: number): number {
  return Math.max(1, Math.min(capabilityMax, MAX_POOLS_PER_CHANGE));
}

/**
 * The rig's configured pools in priority order (primary first), as editable rows, padded with empty rows to the
 * number of slots: like a miner's own pool page, every slot is always there to fill in.
 */
export function draftFromPools(pools: readonly Pool[], slots: number): PoolDraft {
  const ordered = [...pools]
    .sort((a, b) => (a.priority ?? a.index) - (b.priority ?? b.index))
    .filter((pool) => pool.url !== '')
    .slice(0, slots)
    .map((pool) => ({ url: pool.url, user: pool.user, password: '' }));
  return [...ordered, ...Array.from({ length: slots - ordered.length }, () => EMPTY_POOL_ROW)];
}

export function emptyDraft(slots: number): PoolDraft {
  return Array.from({ length: slots }, () => EMPTY_POOL_ROW);
}

function isBlank(row: PoolRowDraft): boolean {
  return row.url.trim() === '' && row.user.trim() === '' && row.password === '';
}

const REQUIRED: Readonly<Record<PoolField, string>> = {
  url: 'Enter the pool URL, e.g. stratum+tcp://pool.example.com:3333.',
  user: 'Enter the worker (usually account.worker).',
  password: 'Enter a password, or leave it empty for "x".',
};

/** PoolConfigSchema's verdict on one row, in words for the field it concerns. */
function rowErrors(config: { url: string; user: string; password: string }): PoolRowErrors {
  const parsed = PoolConfigSchema.safeParse(config);
  if (parsed.success) return {};
  const errors: PoolRowErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field !== 'url' && field !== 'user' && field !== 'password') continue;
    if (errors[field] !== undefined) continue;
    if (issue.code === 'too_small') errors[field] = REQUIRED[field];
    else if (issue.code === 'too_big') errors[field] = `At most ${String(issue.maximum)} characters.`;
    else if (field === 'url') errors.url = 'Must look like stratum+tcp://host:port.';
    else errors[field] = issue.message;
  }
  return errors;
}

export type PoolDraftResult =
  { ok: true; pools: PoolConfig[]; errors: readonly PoolRowErrors[] } | { ok: false; errors: readonly PoolRowErrors[] };

/**
 * Checks every row against PoolConfigSchema, the schema the engine validates with, so the form accepts exactly what
 * the engine would. Blank failover rows are left out; the primary is required. An empty password becomes "x".
 */
export function parsePoolDraft(draft: PoolDraft): PoolDraftResult {
  const pools: PoolConfig[] = [];
  const seen = new Map<string, number>();
  const errors = draft.map((row, index): PoolRowErrors => {
    if (index > 0 && isBlank(row)) return {};
    const config = {
      url: row.url.trim(),
      user: row.user.trim(),
      password: row.password === '' ? DEFAULT_POOL_PASSWORD : row.password,
    };
    const found = rowErrors(config);
    if (Object.keys(found).length > 0) return found;
    const key = `${config.url.toLowerCase()}\n${config.user}`;
    const first = seen.get(key);
    if (first !== undefined) return { url: `Same pool and worker as pool ${first + 1}.` };
    seen.set(key, index);
    pools.push(config);
    return {};
  });
  if (errors.some((rowError) => Object.keys(rowError).length > 0)) return { ok: false, errors };
  return { ok: true, pools, errors };
}

export function sameDraft(a: PoolDraft, b: PoolDraft): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => row.url === b[i]?.url && row.user === b[i]?.user && row.password === b[i]?.password)
  );
}
