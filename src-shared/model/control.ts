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

/** Operator limits every change is checked against before it reaches a rig, whatever asked for it. */
export const ModelLimitsSchema = z
  .object({
    minFrequencyMhz: z.number().min(0).optional(),
    maxFrequencyMhz: z.number().min(0).optional(),
    minVoltageMv: z.number().min(0).optional(),
    maxVoltageMv: z.number().min(0).optional(),
    maxPowerW: z.number().min(0).optional(),
  })
  .strict();
export type ModelLimits = z.infer<typeof ModelLimitsSchema>;

export const OperatorLimitsSchema = z
  .object({
    /**
     * Above this chip temperature no change that raises heat (clock, voltage, power) is sent, and a change that pushes
     * a rig over it is rolled back. 95 °C: above what healthy Antminer and Whatsminer chips run at, below the ~100 °C
     * where their firmware protects itself.
     */
    maxChipTempC: z.number().min(30).max(125).default(95),
    /** A cap on any single rig's power target, whatever its model allows. Null: the model's own range. */
    maxPowerWPerRig: z.number().int().min(1).max(20_000).nullable().default(null),
    /** Per-model overrides, keyed by RigIdentity.model. */
    models: z.record(z.string().max(96), ModelLimitsSchema).default({}),
  })
  .strict();
export type OperatorLimits = z.infer<typeof OperatorLimitsSchema>;

export const CommandStateSchema = z.enum([
  'queued',
  'applying',
  'verifying',
  'rolling-back',
  'applied',
  'refused',
  'failed',
  'rolled-back',
]);
export type CommandState = z.infer<typeof CommandStateSchema>;

/** A change as it is shown and audited: pool passwords never leave the engine. */
export const RedactedChangeSchema = z.record(z.string(), z.unknown());

/** One change to one rig, from request to outcome. */
export const CommandSchema = z.object({
  id: z.string(),
  rigId: z.string(),
  actor: z.string(),
  change: RedactedChangeSchema,
  state: CommandStateSchema,
  message: z.string().nullable(),
  code: z.string().nullable(),
  requestedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type Command = z.infer<typeof CommandSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  commandId: z.string(),
  at: z.number(),
  actor: z.string(),
  rigId: z.string(),
  rigName: z.string(),
  change: RedactedChangeSchema,
  /** Read from the rig before the change and after it (or after the rollback). */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** 'started': written just before the change is sent, so a crash mid-change still leaves a trace. */
  result: z.enum(['started', 'applied', 'refused', 'failed', 'rolled-back', 'rollback-failed']),
  message: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const CredentialKindSchema = z.enum(['adminPassword', 'apiToken']);
export type CredentialKind = z.infer<typeof CredentialKindSchema>;
