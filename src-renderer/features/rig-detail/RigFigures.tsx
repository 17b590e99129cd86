import type { Rig, RigStatus } from '../../../src-shared/model/index.js';
import {
  formatDuration,
  formatEfficiency,
  formatHashrate,
  formatPower,
  formatTemperature,
} from '../../../src-shared/units.js';
import { boardHeat, chipHeat, rigEfficiencyJPerTh } from '../../store/rig-figures.js';
import { formatAgo, formatClock, formatCount } from '../../ui/format-plain.js';

const STALE_REASON: Readonly<Record<RigStatus, string>> = {
  up: 'The rig is up',
  down: 'The rig stopped answering',
  error: "The rig's replies cannot be read",
  pending: 'The rig has not been polled yet',
};

function Figure({ label, value, tone = 'normal' }: { label: string; value: string; tone?: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd className={`heat-${tone}`}>{value}</dd>
    </div>
  );
}

/** The rig's headline figures from its latest snapshot, flagged as stale when the rig is not up. */
export function RigFigures({ rig, nowMs }: { rig: Rig; nowMs: number }) {
  const { snapshot } = rig;
  if (snapshot === null) {
    return <p className="muted">No reading yet: the first poll has not answered.</p>;
  }
  const stale = rig.status !== 'up';
  return (
    <>
      {stale && (
        <p className="stale-note" title={formatClock(snapshot.takenAt)}>
          Last reading from {formatAgo(snapshot.takenAt, nowMs)}. {STALE_REASON[rig.status]}, so these figures may no
          longer hold.
        </p>
      )}
      <dl className={`figures ${stale ? 'is-stale' : ''}`}>
        <Figure label="Hashrate" value={formatHashrate(snapshot.hashrateThs)} />
        <Figure label="Average" value={formatHashrate(snapshot.hashrateAvgThs)} />
        <Figure label={snapshot.powerIsEstimate ? 'Power (estimated)' : 'Power'} value={formatPower(snapshot.powerW)} />
        <Figure label="Efficiency" value={formatEfficiency(rigEfficiencyJPerTh(snapshot))} />
        <Figure
          label="Chip max"
          value={formatTemperature(snapshot.maxChipTempC)}
          tone={chipHeat(snapshot.maxChipTempC)}
        />
        <Figure
          label="Board max"
          value={formatTemperature(snapshot.maxBoardTempC)}
          tone={boardHeat(snapshot.maxBoardTempC)}
        />
        <Figure label="Uptime" value={formatDuration(snapshot.uptimeS)} />
        <Figure label="Last seen" value={formatAgo(rig.lastSeenAt, nowMs)} />
        <Figure label="Accepted" value={formatCount(snapshot.accepted)} />
        <Figure label="Rejected" value={formatCount(snapshot.rejected)} />
        <Figure label="HW errors" value={formatCount(snapshot.hardwareErrors)} />
        <Figure label="Missed polls" value={formatCount(rig.missedPolls)} />
      </dl>
    </>
  );
}
