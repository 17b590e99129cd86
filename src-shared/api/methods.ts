import { z } from 'zod';
import {
  AuditEntrySchema,
  CapabilitiesSchema,
  CommandSchema,
  CredentialKindSchema,
  OperatorLimitsSchema,
  RigChangeSchema,
} from '../model/control.js';
import {
  FingerprintQuerySchema,
  FingerprintResultSchema,
  OptimizerSettingsSchema,
  OptimizerStatusSchema,
} from '../model/optimizer.js';
import { RigFamilySchema, RigIdSchema, RigSchema } from '../model/rig.js';
import { ScanProgressSchema } from '../model/discovery.js';
import { SettingsPatchSchema, SettingsSchema } from '../model/settings.js';
import {
  BreakdownQuerySchema,
  BreakdownResultSchema,
  ExportQuerySchema,
  ExportResultSchema,
  HistoryEventSchema,
  SeriesQuerySchema,
  SeriesResultSchema,
  TelemetryStatusSchema,
  EventsQuerySchema,
} from '../model/telemetry.js';

const NoParams = z.object({}).strict();
/** Where a rig's secret comes from: set for the rig itself, for its whole family, or not set. */
const CredentialSourceSchema = z.enum(['rig', 'family']).nullable();
const CredentialScopeSchema = z.union([
  z.object({ rigId: RigIdSchema }).strict(),
  z.object({ family: RigFamilySchema }).strict(),
]);
const Ok = z.object({ ok: z.literal(true) });

/** What each method takes and returns. Both transports validate requests against these before any handler runs. */
export const EngineApi = {
  'app.info': {
    params: NoParams,
    result: z.object({
      version: z.string(),
      shell: z.enum(['electron', 'headless']),
      demo: z.boolean(),
      demoRange: z.string().nullable(),
    }),
  },
  'fleet.list': { params: NoParams, result: z.array(RigSchema) },
  'fleet.get': { params: z.object({ rigId: RigIdSchema }).strict(), result: RigSchema },
  'fleet.rename': {
    params: z.object({ rigId: RigIdSchema, name: z.string().trim().min(1).max(64) }).strict(),
    result: RigSchema,
  },
  'fleet.remove': { params: z.object({ rigId: RigIdSchema }).strict(), result: Ok },
  'fleet.pollNow': { params: z.object({ rigId: RigIdSchema }).strict(), result: RigSchema },
  'discovery.start': {
    params: z
      .object({
        range: z.string().trim().min(1).max(64),
        timeoutMs: z.number().int().min(100).max(30_000).optional(),
        concurrency: z.number().int().min(1).max(1024).optional(),
      })
      .strict(),
    result: ScanProgressSchema,
  },
  'discovery.cancel': { params: z.object({ scanId: z.string().min(1).max(64) }).strict(), result: ScanProgressSchema },
  'discovery.status': { params: NoParams, result: ScanProgressSchema.nullable() },
  'rig.capabilities': {
    params: z.object({ rigId: RigIdSchema }).strict(),
    result: z.object({
      capabilities: CapabilitiesSchema,
      credentials: z.object({ adminPassword: CredentialSourceSchema, apiToken: CredentialSourceSchema }),
    }),
  },
  /** Queues one change per rig and returns at once; progress arrives as `control.command` events. */
  'control.apply': {
    params: z.object({ rigIds: z.array(RigIdSchema).min(1).max(1000), change: RigChangeSchema }).strict(),
    result: z.array(CommandSchema),
  },
  'control.list': { params: NoParams, result: z.array(CommandSchema) },
  'audit.list': {
    params: z.object({ rigId: RigIdSchema.optional(), limit: z.number().int().min(1).max(5000).default(200) }).strict(),
    result: z.array(AuditEntrySchema),
  },
  /** Write-only: a secret goes in here and never comes back out through the API. */
  'credentials.set': {
    params: z
      .object({ scope: CredentialScopeSchema, kind: CredentialKindSchema, secret: z.string().min(1).max(256) })
      .strict(),
    result: Ok,
  },
  'credentials.clear': {
    params: z.object({ scope: CredentialScopeSchema, kind: CredentialKindSchema }).strict(),
    result: Ok,
  },
  'limits.get': { params: NoParams, result: OperatorLimitsSchema },
  'limits.update': { params: z.object({ limits: OperatorLimitsSchema }).strict(), result: OperatorLimitsSchema },
  /** A rig's or the fleet's metric over a range, at a resolution picked from the range unless one is asked for. */
  'telemetry.series': { params: SeriesQuerySchema, result: SeriesResultSchema },
  /** Rigs ranked by a metric over a range: the top-N list, and "which rigs drove this point" on a fleet chart. */
  'telemetry.breakdown': { params: BreakdownQuerySchema, result: BreakdownResultSchema },
  'telemetry.events': {
    params: EventsQuerySchema,
    result: z.array(HistoryEventSchema),
  },
  'telemetry.export': { params: ExportQuerySchema, result: ExportResultSchema },
  'telemetry.status': { params: NoParams, result: TelemetryStatusSchema },
  /** The optimizer's site state, every device's tuning and its recent decisions. */
  'optimizer.status': { params: NoParams, result: OptimizerStatusSchema },
  'optimizer.settings': { params: NoParams, result: OptimizerSettingsSchema },
  'optimizer.updateSettings': {
    params: z.object({ settings: OptimizerSettingsSchema }).strict(),
    result: OptimizerSettingsSchema,
  },
  /** A device's learned curves (the newest version unless one is asked for) and where it runs on them. */
  'optimizer.fingerprint': { params: FingerprintQuerySchema, result: FingerprintResultSchema },
  /** Forget a failure and explore again from the device's current settings. */
  'optimizer.retune': { params: z.object({ rigIds: z.array(RigIdSchema).min(1).max(1000) }).strict(), result: Ok },
  'settings.get': { params: NoParams, result: SettingsSchema },
  'settings.update': { params: SettingsPatchSchema, result: SettingsSchema },
} as const;

export type EngineApiSpec = typeof EngineApi;
export type MethodName = keyof EngineApiSpec;
export type MethodParams<M extends MethodName> = z.input<EngineApiSpec[M]['params']>;
export type MethodResult<M extends MethodName> = z.infer<EngineApiSpec[M]['result']>;
/** Params after validation (defaults applied): what handlers receive. */
export type ValidParams<M extends MethodName> = z.infer<EngineApiSpec[M]['params']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(EngineApi, name);
}
