import type { HistoryEvent, HistoryEventKind } from '../../../src-shared/model/index.js';
import type { TimeBounds } from '../../store/history-windows.js';

export const EVENT_KIND_LABEL: Readonly<Record<HistoryEventKind, string>> = {
  up: 'Up',
  down: 'Down',
  error: 'Error',
  config: 'Config change',
  pool: 'Pool switch',
};

/** When events share a marker, its colour is the one that matters most: a rig going down outranks a pool switch. */
const SEVERITY: readonly HistoryEventKind[] = ['down', 'error', 'config', 'pool', 'up'];

/** A vertical line on the charts for one event, or for several that fall within one marker's width of each other. */
export interface EventMarker {
  t: number;
  kind: HistoryEventKind;
  events: readonly HistoryEvent[];
  /** The tooltip: one line per event, time first. */
  title: string;
  /** The audit entry behind the first config change in it, to open in the Activity view. */
  auditId: string | null;
}

/** Lines in one marker's tooltip before "and N more". */
const TITLE_LINES = 8;

function markerOf(events: readonly HistoryEvent[], formatTime: (t: number) => string): EventMarker {
  const kind = SEVERITY.find((candidate) => events.some((event) => event.kind === candidate)) ?? 'up';
  const lines = events
    .slice(0, TITLE_LINES)
    .map((event) => `${formatTime(event.t)} ${EVENT_KIND_LABEL[event.kind]}: ${event.message}`);
  if (events.length > TITLE_LINES) lines.push(`… and ${events.length - TITLE_LINES} more`);
  return {
    t: events[0]?.t ?? 0,
    kind,
    events,
    title: lines.join('\n'),
    auditId: events.find((event) => event.kind === 'config' && event.auditId !== null)?.auditId ?? null,
  };
}

/**
 * The markers to draw over a window: events inside it, oldest first, grouped so that no two markers are closer than
 * 1/maxMarkers of the width (a flapping rig over a year is a few dozen markers, not 500 lines on top of each other).
 */
export function eventMarkers(
  events: readonly HistoryEvent[],
  bounds: TimeBounds,
  maxMarkers: number,
  formatTime: (t: number) => string,
): EventMarker[] {
  const inside = events.filter((event) => event.t >= bounds.from && event.t <= bounds.to).sort((a, b) => a.t - b.t);
  const widthMs = (bounds.to - bounds.from) / Math.max(1, maxMarkers);
  const groups: HistoryEvent[][] = [];
  for (const event of inside) {
    const group = groups.at(-1);
    const start = group?.[0];
    if (group !== undefined && start !== undefined && event.t - start.t < widthMs) group.push(event);
    else groups.push([event]);
  }
  return groups.map((group) => markerOf(group, formatTime));
}
