import { z } from 'zod';
import { RigIdSchema } from './rig.js';

/**
 * What the history keeps of every poll. Counters a rig reports as running totals (accepted shares, hardware errors)
 * are kept as rates per minute, so any bucket's average is meaningful and a miner restart is not a cliff in a chart.
 */
export const RigMetricSchema = z.enum([
  'hashrate',
  'power',
  'efficiency',
  'chipTemp',
  'boardTemp',
  'fanRpm',
  'acceptedRate',
  'rejectedRate',
  'hwErrorRate',
  /** Index of the pool the rig is mining on; changes of pool are also recorded as history events. */
  'poolIndex',
]);
export type RigMetric = z.infer<typeof RigMetricSchema>;

/** Per hashboard (ASIC) or per GPU. */
export const PartMetricSchema = z.enum([
  'hashrate',
  'chipTemp',
  'boardTemp',
  'power',
  'fanPercent',
  'frequency',
  'chipsOk',
  'hwErrorRate',
]);
export type PartMetric = z.infer<typeof PartMetricSchema>;

/** Totals over the whole fleet, kept per minute and per hour (never per poll). */
export const FleetMetricSchema = z.enum([
  'hashrate',
  'power',
  'efficiency',
  'chipTemp',
  'rigsUp',
  'acceptedRate',
  'rejectedRate',
]);
export type FleetMetric = z.infer<typeof FleetMetricSchema>;

/** A rig metric ("hashrate") or a part's ("board.2.chipTemp"); a fan's speed is "fan.0.rpm". */
export type MetricKey = string;

export type ParsedMetricKey =
  | { kind: 'rig'; metric: RigMetric }
  | { kind: 'board'; index: number; metric: PartMetric }
  | { kind: 'fan'; index: number };

const MAX_PART_INDEX = 63;

export function parseMetricKey(key: string): ParsedMetricKey | null {
  const rig = RigMetricSchema.safeParse(key);
  if (rig.success) return { kind: 'rig', metric: rig.data };
  const board = /^board\.(\d{1,2})\.([a-zA-Z]+)$/.exec(key);
  if (board) {
    const index = Number(board[1]);
    const metric = PartMetricSchema.safeParse(board[2]);
    return metric.success && index <= MAX_PART_INDEX ? { kind: 'board', index, metric: metric.data } : null;
  }
  const fan = /^fan\.(\d{1,2})\.rpm$/.exec(key);
  if (fan && Number(fan[1]) <= MAX_PART_INDEX) return { kind: 'fan', index: Number(fan[1]) };
  return null;
}

export function boardMetricKey(index: number, metric: PartMetric): MetricKey {
  return `board.${index}.${metric}`;
}

export function fanMetricKey(index: number): MetricKey {
  return `fan.${index}.rpm`;
}

/** How a metric's values are measured, so every chart and export formats it the same way. */
export type MetricUnit =
  'hashrate' | 'power' | 'efficiency' | 'temperature' | 'rpm' | 'percent' | 'perMinute' | 'mhz' | 'count';

const UNIT_OF: Record<RigMetric | PartMetric | FleetMetric, MetricUnit> = {
  hashrate: 'hashrate',
  power: 'power',
  efficiency: 'efficiency',
  chipTemp: 'temperature',
  boardTemp: 'temperature',
  fanRpm: 'rpm',
  acceptedRate: 'perMinute',
  rejectedRate: 'perMinute',
  hwErrorRate: 'perMinute',
  poolIndex: 'count',
  fanPercent: 'percent',
  frequency: 'mhz',
  chipsOk: 'count',
  rigsUp: 'count',
};

export function metricUnit(key: MetricKey): MetricUnit {
  if (FleetMetricSchema.safeParse(key).success) return UNIT_OF[key as FleetMetric];
  const parsed = parseMetricKey(key);
  if (!parsed) return 'count';
  if (parsed.kind === 'fan') return 'rpm';
  return UNIT_OF[parsed.metric];
}

/** raw: one value per poll; 1m and 1h: rollups (min/max/avg/last) kept as the samples arrive. */
export const ResolutionSchema = z.enum(['raw', '1m', '1h']);
export type Resolution = z.infer<typeof ResolutionSchema>;

export const RESOLUTION_MS: Record<Exclude<Resolution, 'raw'>, number> = { '1m': 60_000, '1h': 3_600_000 };

export const SeriesScopeSchema = z.union([
  z.object({ rigId: RigIdSchema }).strict(),
  z.object({ fleet: z.literal(true) }).strict(),
]);
export type SeriesScope = z.infer<typeof SeriesScopeSchema>;

/** Epoch milliseconds, bounded so a typo cannot ask for the year 30000. */
const TimestampSchema = z.number().int().min(0).max(4_102_444_800_000 /* 2100-01-01 */);

/**
 * One bucket of a series. A raw point has min = max = avg = last. Null where the rig reported nothing in the bucket
 * for that metric (a firmware without power readings, a board that was not there).
 */
export const SeriesPointSchema = z.object({
  t: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  avg: z.number().nullable(),
  last: z.number().nullable(),
  /** Polls (raw) or rollup rows that went into this bucket. */
  samples: z.number().int().min(0),
});
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

export const SeriesQuerySchema = z
  .object({
    scope: SeriesScopeSchema,
    /** A rig metric key, or for the fleet one of FleetMetric (rigsUp is a fleet figure only). */
    metric: z
      .string()
      .max(40)
      .refine(
        (key) => parseMetricKey(key) !== null || FleetMetricSchema.safeParse(key).success,
        'Unknown metric: use a rig metric such as "hashrate", "board.<n>.<metric>", "fan.<n>.rpm", or a fleet metric.',
      ),
    from: TimestampSchema,
    to: TimestampSchema,
    /** The chart's width in points; buckets are widened to stay within it. */
    maxPoints: z.number().int().min(10).max(5000).default(720),
    /** auto: the finest resolution that covers the range within maxPoints and is still kept (retention). */
    resolution: z.union([z.literal('auto'), ResolutionSchema]).default('auto'),
  })
  .strict()
  .refine((q) => q.to > q.from, 'The range must end after it starts.')
  .refine(
    (q) => !('fleet' in q.scope) || FleetMetricSchema.safeParse(q.metric).success,
    'Fleet history keeps hashrate, power, efficiency, chipTemp, rigsUp, acceptedRate and rejectedRate.',
  );
export type SeriesQuery = z.input<typeof SeriesQuerySchema>;

export const SeriesResultSchema = z.object({
  metric: z.string(),
  resolution: ResolutionSchema,
  /**
   * Width of one point in milliseconds. Raw points one per poll have the poll interval here and their poll's time as
   * t; every other point starts on a multiple of bucketMs since the epoch (whole minutes and hours).
   */
  bucketMs: z.number(),
  from: z.number(),
  to: z.number(),
  /**
   * The answer holds every reading that ended at or before this time (ms): for a rig, the newest poll written (to
   * the end of its second); for the fleet, the end of the last closed minute. A live reading ending later is news to
   * the chart; an earlier one is already in it.
   */
  coveredUntil: z.number(),
  points: z.array(SeriesPointSchema),
});
export type SeriesResult = z.infer<typeof SeriesResultSchema>;

/** "Which rigs drove this point": rigs ranked by a metric's average over a range. */
export const BreakdownQuerySchema = z
  .object({
    metric: RigMetricSchema,
    from: TimestampSchema,
    to: TimestampSchema,
    limit: z.number().int().min(1).max(1000).default(10),
    order: z.enum(['desc', 'asc']).default('desc'),
  })
  .strict()
  .refine((q) => q.to > q.from, 'The range must end after it starts.');

export const BreakdownRowSchema = z.object({
  rigId: RigIdSchema,
  name: z.string(),
  value: z.number(),
  /** This rig's part of the fleet total over the range, 0..1 (for additive metrics: hashrate, power, rates). */
  share: z.number().nullable(),
});
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;

export const BreakdownResultSchema = z.object({
  metric: RigMetricSchema,
  resolution: ResolutionSchema,
  from: z.number(),
  to: z.number(),
  rows: z.array(BreakdownRowSchema),
});
export type BreakdownResult = z.infer<typeof BreakdownResultSchema>;

export const HistoryEventKindSchema = z.enum(['up', 'down', 'error', 'config', 'pool']);
export type HistoryEventKind = z.infer<typeof HistoryEventKindSchema>;

/** Something that happened to a rig, drawn as a marker on its charts. Config changes point at their audit entry. */
export const HistoryEventSchema = z.object({
  id: z.number().int(),
  t: z.number(),
  rigId: RigIdSchema,
  kind: HistoryEventKindSchema,
  message: z.string(),
  auditId: z.string().nullable(),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

export const EventsQuerySchema = z
  .object({
    rigId: RigIdSchema.optional(),
    from: TimestampSchema,
    to: TimestampSchema,
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict()
  .refine((q) => q.to > q.from, 'The range must end after it starts.');

export const ExportQuerySchema = z
  .object({
    /** Every rig with history in the range when left out. */
    rigIds: z.array(RigIdSchema).min(1).max(1000).optional(),
    from: TimestampSchema,
    to: TimestampSchema,
    resolution: ResolutionSchema.default('1m'),
  })
  .strict()
  .refine((q) => q.to > q.from, 'The range must end after it starts.');

export const ExportResultSchema = z.object({
  filename: z.string(),
  csv: z.string(),
  rows: z.number().int().min(0),
  /** True when the export stopped at the row cap; narrow the range or pick a coarser resolution for the rest. */
  truncated: z.boolean(),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

export const TelemetryProblemCodeSchema = z.enum(['DISK_FULL', 'CORRUPT', 'UNREADABLE', 'WRITE_FAILED']);

export const TelemetryStatusSchema = z.object({
  /** Null when history is kept in memory only (tests, or when the file could not be opened at all). */
  path: z.string().nullable(),
  sizeBytes: z.number().int().min(0),
  framesWritten: z.number().int().min(0),
  /** Polls waiting for the next batch, and polls given up after writes kept failing (disk full). */
  framesPending: z.number().int().min(0),
  framesDropped: z.number().int().min(0),
  lastWriteAt: z.number().nullable(),
  /** Oldest kept timestamp at each resolution, null when there is none yet. */
  oldest: z.object({ raw: z.number().nullable(), '1m': z.number().nullable(), '1h': z.number().nullable() }),
  problem: z
    .object({
      code: TelemetryProblemCodeSchema,
      message: z.string(),
      at: z.number(),
      setAsidePath: z.string().nullable(),
    })
    .nullable(),
});
export type TelemetryStatus = z.infer<typeof TelemetryStatusSchema>;

/** The fleet's totals for one closed minute (t: the minute's start), pushed so fleet charts grow without re-fetching. */
export const FleetPointSchema = z.object({
  t: z.number(),
  values: z.record(FleetMetricSchema, z.number().nullable()),
});
export type FleetPoint = z.infer<typeof FleetPointSchema>;
