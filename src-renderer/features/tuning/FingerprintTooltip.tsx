import {
  formatEfficiency,
  formatHashrate,
  formatPercent,
  formatPower,
  formatTemperature,
} from '../../../src-shared/units.js';
import { describeSetting } from '../../ui/describe-tuning.js';
import { formatClock, formatCount, formatPlainNumber } from '../../ui/format-plain.js';
import type { ChartPoint } from './fingerprint-chart.js';

export function isChartPoint(value: unknown): value is ChartPoint {
  return typeof value === 'object' && value !== null && 'x' in value && 'y' in value && 'point' in value;
}

/** Everything measured at one setting, and for an unstable one, why it was judged so. */
export function FingerprintTooltip({ datum }: { datum: ChartPoint }) {
  const { point } = datum;
  return (
    <div className="fingerprint-tooltip">
      <div className="fingerprint-tooltip-head">{describeSetting(point.setting)}</div>
      {!point.stable && (
        <div className="fingerprint-tooltip-unstable">Unstable: {point.instability ?? 'no reason given'}</div>
      )}
      <table>
        <tbody>
          <tr>
            <th scope="row">Efficiency</th>
            <td className="num">{formatEfficiency(point.efficiencyJPerTh)}</td>
          </tr>
          <tr>
            <th scope="row">Hashrate</th>
            <td className="num">{formatHashrate(point.hashrateThs)}</td>
          </tr>
          <tr>
            <th scope="row">Power</th>
            <td className="num">{formatPower(point.powerW)}</td>
          </tr>
          <tr>
            <th scope="row">Chip</th>
            <td className="num">{formatTemperature(point.chipTempC)}</td>
          </tr>
          <tr>
            <th scope="row">Hash lost</th>
            <td className="num">{formatPercent(point.hashLossFraction, 1)}</td>
          </tr>
          {point.hwErrorsPerMin !== null && (
            <tr>
              <th scope="row">HW errors</th>
              <td className="num">{formatPlainNumber(point.hwErrorsPerMin)}/min</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="fingerprint-tooltip-note">
        {formatCount(point.samples)} samples · {formatClock(point.measuredAt)}
      </div>
    </div>
  );
}
