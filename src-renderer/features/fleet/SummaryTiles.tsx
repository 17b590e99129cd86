import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Rig } from '../../../src-shared/model/index.js';
import { summarizeFleet } from '../../../src-shared/model/fleet-summary.js';
import { formatEfficiency, formatHashrate, formatPower, formatTemperature } from '../../../src-shared/units.js';
import { countEstimatedPower, hottestRig } from '../../store/fleet-selectors.js';
import { chipHeat } from '../../store/rig-figures.js';
import { useAppStore } from '../../store/store-context.js';
import { formatCount } from '../../ui/format-plain.js';
import './tiles.css';

interface TileProps {
  testId: string;
  label: string;
  value: ReactNode;
  detail: ReactNode;
  tone?: 'normal' | 'warm' | 'hot';
}

function Tile({ testId, label, value, detail, tone = 'normal' }: TileProps) {
  return (
    <div className={`tile tone-${tone}`} data-testid={testId}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">{value}</div>
      <div className="tile-detail">{detail}</div>
    </div>
  );
}

/** Fleet totals over the rigs that are up now (see summarizeFleet for what counts). */
export function SummaryTiles({ rigs }: { rigs: readonly Rig[] }) {
  const summary = useMemo(() => summarizeFleet(rigs), [rigs]);
  const hottest = useMemo(() => hottestRig(rigs), [rigs]);
  const estimatedCount = useMemo(() => countEstimatedPower(rigs), [rigs]);
  const selectRig = useAppStore((state) => state.selectRig);
  const trouble = summary.rigsDown + summary.rigsWithProblems;
  const pendingCount = useMemo(() => rigs.filter((rig) => rig.status === 'pending').length, [rigs]);

  return (
    <section className="tiles" aria-label="Fleet summary">
      <Tile
        testId="tile-hashrate"
        label="Hashrate"
        value={formatHashrate(summary.hashrateThs)}
        detail={`from ${formatCount(summary.rigsUp)} rigs up`}
      />
      <Tile
        testId="tile-power"
        label="Power"
        value={formatPower(summary.powerW)}
        detail={
          estimatedCount === 0
            ? 'as reported by the rigs'
            : `${formatCount(estimatedCount)} of ${formatCount(summary.rigsUp)} rigs estimated`
        }
      />
      <Tile
        testId="tile-efficiency"
        label="Efficiency"
        value={formatEfficiency(summary.efficiencyJPerTh)}
        detail={estimatedCount === 0 ? 'fleet average' : 'fleet average, incl. estimates'}
      />
      <Tile
        testId="tile-rigs"
        label="Rigs"
        tone={trouble > 0 ? 'hot' : 'normal'}
        value={
          <>
            {formatCount(summary.rigsUp)}
            <span className="tile-unit"> / {formatCount(summary.rigsTotal)} up</span>
          </>
        }
        detail={
          <>
            <span className={summary.rigsDown > 0 ? 'text-bad' : undefined}>{formatCount(summary.rigsDown)} down</span>
            {' · '}
            <span className={summary.rigsWithProblems > 0 ? 'text-warn' : undefined}>
              {formatCount(summary.rigsWithProblems)} error
            </span>
            {pendingCount > 0 && ` · ${formatCount(pendingCount)} pending`}
          </>
        }
      />
      <Tile
        testId="tile-hottest"
        label="Hottest chip"
        tone={chipHeat(summary.hottestChipC)}
        value={formatTemperature(summary.hottestChipC)}
        detail={
          hottest === null ? (
            'no readings yet'
          ) : (
            <button type="button" className="link-button" onClick={() => selectRig(hottest.id)}>
              {hottest.name}
            </button>
          )
        }
      />
    </section>
  );
}
