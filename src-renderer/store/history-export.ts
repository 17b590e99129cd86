import type { Resolution, TelemetryStatus } from '../../src-shared/model/index.js';
import type { TimeBounds } from './history-windows.js';

/** Rows an export may reasonably hold: a spreadsheet opens it, and the engine's cap is not the usual outcome. */
export const EXPORT_ROW_BUDGET = 100_000;
const ROLLUP_STAMP_SLACK_MS = 3_600_000;

export interface ExportResolutionInput {
  bounds: TimeBounds;
  rigCount: number;
  pollIntervalMs: number;
  /** Oldest kept data at each resolution (from telemetry.status); null when unknown. */
  oldest: TelemetryStatus['oldest'] | null;
}

/**
 * The finest resolution whose rows for these rigs over this window stay within the budget and that still reaches
 * back to the start of what is kept in the window: a year of one rig is hourly, a day of one rig is every poll, a day
 * of fifty rigs is per minute, and a window older than the per-poll retention is not exported half-empty. When none
 * fits the budget, the coarsest one that reaches back (the engine stops at its cap and the button says so).
 */
export function pickExportResolution({
  bounds,
  rigCount,
  pollIntervalMs,
  oldest: kept,
}: ExportResolutionInput): Resolution {
  const keptSince = kept === null ? [] : [kept.raw, kept['1m'], kept['1h']].filter((t) => t !== null);
  // Nothing kept anywhere (a status from before the first poll was written) tells nothing: the budget alone decides.
  const oldest = keptSince.length === 0 ? null : kept;
  const earliest = keptSince.length === 0 ? bounds.from : Math.min(...keptSince);
  const start = Math.max(bounds.from, earliest);
  const spanMs = Math.max(0, bounds.to - start);
  const steps: ReadonlyArray<[Resolution, number]> = [
    ['raw', Math.max(1000, pollIntervalMs)],
    ['1m', 60_000],
    ['1h', 3_600_000],
  ];
  const covering = steps.filter(([resolution, stepMs]) => {
    const keptFrom = oldest === null ? null : oldest[resolution];
    // A rollup row is stamped with its bucket's start, up to an hour before the first poll it sums up: that much
    // earlier "oldest" at a coarser resolution does not make the finer one fall short.
    return oldest === null || (keptFrom !== null && keptFrom <= start + stepMs + ROLLUP_STAMP_SLACK_MS);
  });
  const fitting = covering.find(
    ([, stepMs]) => Math.ceil(spanMs / stepMs) * Math.max(1, rigCount) <= EXPORT_ROW_BUDGET,
  );
  return (fitting ?? covering.at(-1))?.[0] ?? '1m';
}
