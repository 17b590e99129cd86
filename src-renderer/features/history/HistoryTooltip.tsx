import type { MetricKey, MetricUnit } from '../../../src-shared/model/index.js';
import type { ChartRow } from './chart-rows.js';
import { describePoint, formatBucketTime } from './history-format.js';
import type { SeriesStyle } from './series-styles.js';

export function isChartRow(value: unknown): value is ChartRow {
  return typeof value === 'object' && value !== null && 't' in value && 'avg' in value && Array.isArray(value.avg);
}

interface HistoryTooltipProps {
  row: ChartRow;
  styles: readonly SeriesStyle[];
  hidden: ReadonlySet<MetricKey>;
  unit: MetricUnit;
  /** False for buckets, whose spread (min–max) is shown beside the average. */
  perPoll: boolean;
  bucketMs: number;
  nowMs: number;
}

/** The bucket's time, then each shown series: its average and, for a rollup, the spread from min to max. */
export function HistoryTooltip({ row, styles, hidden, unit, perPoll, bucketMs, nowMs }: HistoryTooltipProps) {
  const rollup = !perPoll;
  const lines = styles.flatMap((style, index) =>
    hidden.has(style.metric)
      ? []
      : [
          {
            style,
            point: describePoint(
              unit,
              { avg: row.avg[index] ?? null, min: row.min[index] ?? null, max: row.max[index] ?? null },
              rollup,
            ),
          },
        ],
  );
  const spread = lines.some((line) => line.point.range !== null);
  return (
    <div className="history-tooltip">
      <div className="history-tooltip-time">{formatBucketTime(row.t, bucketMs, perPoll, nowMs)}</div>
      <table>
        <tbody>
          {lines.map(({ style, point }) => (
            <tr key={style.metric}>
              <th scope="row">
                <span className={`swatch ${style.colorClass}`} aria-hidden="true" />
                {style.label}
              </th>
              <td className="num">{point.value}</td>
              {spread && <td className="num muted">{point.range ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {spread && <div className="history-tooltip-note">average, and lowest – highest in the bucket</div>}
    </div>
  );
}
