import type { ChartKey } from '../../store/history-charts.js';
import { useAppStore } from '../../store/store-context.js';
import { describeResolution } from './history-format.js';

/** Which resolution the charts show, in words, taken from the section's first chart (they all share one window). */
export function ResolutionLabel({ chartKey, testId }: { chartKey: ChartKey; testId: string }) {
  const state = useAppStore((store) => store.historyCharts[chartKey]?.state);
  const resolution = useAppStore((store) => store.historyCharts[chartKey]?.resolution ?? null);
  const bucketMs = useAppStore((store) => store.historyCharts[chartKey]?.bucketMs ?? 0);
  const perPoll = useAppStore((store) => store.historyCharts[chartKey]?.perPoll ?? false);
  const text =
    state === 'failed'
      ? 'History unavailable'
      : resolution === null
        ? 'Loading…'
        : `Showing ${describeResolution(resolution, bucketMs, perPoll)}`;
  return (
    <span
      className="history-resolution"
      data-testid={testId}
      data-resolution={resolution ?? ''}
      data-bucket-ms={bucketMs}
      data-state={state ?? 'loading'}
      aria-live="polite"
    >
      {text}
    </span>
  );
}
