import { z } from 'zod';
import { ControlStateSchema } from './control.js';

/** The firmware families Rigwise can speak to, one driver each. */
export const RigFamilySchema = z.enum([
  'cgminer',
  'bosminer',
  'whatsminer',
  'axeos',
  'xmrig',
  'lolminer',
  'trex',
  'gminer',
  'srbminer',
]);
export type RigFamily = z.infer<typeof RigFamilySchema>;

/** "127.0.1.10:4028": a rig is identified by where it answers. */
export const RigIdSchema = z.string().min(3).max(64);
export type RigId = z.infer<typeof RigIdSchema>;

/** What identification learned about a rig: who it is, not how it is doing. */
export const RigIdentitySchema = z.object({
  host: z.string(),
  port: z.number().int().min(1).max(65_535),
  family: RigFamilySchema,
  make: z.string(),
  model: z.string(),
  firmware: z.string(),
  apiVersion: z.string().nullable(),
  mac: z.string().nullable(),
  serial: z.string().nullable(),
});
export type RigIdentity = z.infer<typeof RigIdentitySchema>;

export const BoardStatusSchema = z.enum(['ok', 'degraded', 'dead']);

export const HashboardSchema = z.object({
  index: z.number().int().min(0),
  hashrateThs: z.number().nullable(),
  chipTempC: z.number().nullable(),
  boardTempC: z.number().nullable(),
  frequencyMhz: z.number().nullable(),
  chipsOk: z.number().int().nullable(),
  chipsTotal: z.number().int().nullable(),
  hardwareErrors: z.number().int().nullable(),
  /** GPU miners report power and fan per device; ASIC boards share the rig's fans and PSU, so these stay null. */
  powerW: z.number().nullable(),
  fanPercent: z.number().nullable(),
  status: BoardStatusSchema,
});
export type Hashboard = z.infer<typeof HashboardSchema>;

export const FanSchema = z.object({ index: z.number().int().min(0), rpm: z.number() });
export type Fan = z.infer<typeof FanSchema>;

export const PoolStatusSchema = z.enum(['alive', 'dead', 'disabled', 'unknown']);

export const PoolSchema = z.object({
  index: z.number().int().min(0),
  url: z.string(),
  user: z.string(),
  status: PoolStatusSchema,
  priority: z.number().int().nullable(),
  accepted: z.number().nullable(),
  rejected: z.number().nullable(),
  active: z.boolean(),
});
export type Pool = z.infer<typeof PoolSchema>;

/** One reading of a rig, taken by one poll. Fields a firmware does not report are null, never invented. */
export const RigSnapshotSchema = z.object({
  takenAt: z.number(),
  hashrateThs: z.number().nullable(),
  hashrateAvgThs: z.number().nullable(),
  powerW: z.number().nullable(),
  /** Stock Antminer firmware reports no power: then powerW is the model's nominal J/TH times the hashrate. */
  powerIsEstimate: z.boolean(),
  efficiencyJPerTh: z.number().nullable(),
  maxChipTempC: z.number().nullable(),
  maxBoardTempC: z.number().nullable(),
  boards: z.array(HashboardSchema),
  fans: z.array(FanSchema),
  pools: z.array(PoolSchema),
  uptimeS: z.number().nullable(),
  accepted: z.number().nullable(),
  rejected: z.number().nullable(),
  hardwareErrors: z.number().nullable(),
  /** Current tunable settings as the rig reports them, for reading a change back. */
  control: ControlStateSchema,
});
export type RigSnapshot = z.infer<typeof RigSnapshotSchema>;

/**
 * up: answered its last poll; down: missed enough polls in a row to be called unreachable; error: it answers, but with
 * something we cannot read (garbage, STATUS=E); pending: just added, not polled yet.
 */
export const RigStatusSchema = z.enum(['pending', 'up', 'down', 'error']);
export type RigStatus = z.infer<typeof RigStatusSchema>;

export const RigProblemSchema = z.object({ code: z.string(), message: z.string(), at: z.number() });
export type RigProblem = z.infer<typeof RigProblemSchema>;

export const RigSchema = z.object({
  id: RigIdSchema,
  name: z.string(),
  identity: RigIdentitySchema,
  status: RigStatusSchema,
  addedAt: z.number(),
  lastSeenAt: z.number().nullable(),
  missedPolls: z.number().int().min(0),
  snapshot: RigSnapshotSchema.nullable(),
  problem: RigProblemSchema.nullable(),
});
export type Rig = z.infer<typeof RigSchema>;

export function rigIdOf(host: string, port: number): RigId {
  return `${host}:${port}`;
}
