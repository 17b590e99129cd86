import { z } from 'zod';

/**
 * What an operator can change on a rig. Every change goes through the fleet's command queue: checked against the
 * operator's limits, audited, applied, read back, and rolled back if the rig does not come back healthy.
 */
export const PoolConfigSchema = z
  .object({
    url: z
      .string()
      .trim()
      .min(1)
      .max(256)
      .regex(/^[a-z0-9+.-]+:\/\/[^\s,]+$/i, 'must look like stratum+tcp://host:port'),
    user: z.string().trim().min(1).max(128),
    /** Pool passwords are usually "x"; they are still kept encrypted at rest and never logged. */
    password: z.string().max(128).default('x'),
  })
  .strict();
export type PoolConfig = z.infer<typeof PoolConfigSchema>;

export const RigChangeSchema = z.discriminatedUnion('kind', [
  /** Primary first, then failovers. */
  z.object({ kind: z.literal('pools'), pools: z.array(PoolConfigSchema).min(1).max(3) }).strict(),
  z.object({ kind: z.literal('powerTarget'), watts: z.number().int().min(1).max(20_000) }).strict(),
  z.object({ kind: z.literal('frequency'), mhz: z.number().int().min(1).max(5_000) }).strict(),
  z.object({ kind: z.literal('voltage'), millivolts: z.number().int().min(1).max(20_000) }).strict(),
  z.object({ kind: z.literal('threads'), count: z.number().int().min(1).max(1024) }).strict(),
  z.object({ kind: z.literal('pause') }).strict(),
  z.object({ kind: z.literal('resume') }).strict(),
  z.object({ kind: z.literal('restart') }).strict(),
]);
export type RigChange = z.infer<typeof RigChangeSchema>;
export type RigChangeKind = RigChange['kind'];

const RangeSchema = z.object({ min: z.number(), max: z.number() });

/** What apply() can do on this model and firmware; the UI offers only these. Null or false: not supported. */
export const CapabilitiesSchema = z.object({
  pools: z.object({ max: z.number().int().min(1) }).nullable(),
  powerTargetW: RangeSchema.nullable(),
  frequencyMhz: RangeSchema.nullable(),
  voltageMv: RangeSchema.nullable(),
  threads: RangeSchema.nullable(),
  pauseResume: z.boolean(),
  restart: z.boolean(),
  /** Which credential apply() needs, if any: the operator is asked for it before a change is offered. */
  needsCredential: z.enum(['none', 'adminPassword', 'apiToken']),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

export const NO_CAPABILITIES: Capabilities = {
  pools: null,
  powerTargetW: null,
  frequencyMhz: null,
  voltageMv: null,
  threads: null,
  pauseResume: false,
  restart: false,
  needsCredential: 'none',
};

/** The settings a rig reports that control can change, for read-back after a change. Null: not reported. */
export const ControlStateSchema = z.object({
  powerTargetW: z.number().nullable(),
  frequencyMhz: z.number().nullable(),
  voltageMv: z.number().nullable(),
  threads: z.number().int().nullable(),
  paused: z.boolean().nullable(),
});
export type ControlState = z.infer<typeof ControlStateSchema>;

export const UNKNOWN_CONTROL_STATE: ControlState = {
  powerTargetW: null,
  frequencyMhz: null,
  voltageMv: null,
  threads: null,
  paused: null,
};
