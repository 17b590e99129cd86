import { useCallback } from 'react';
import type { ReactNode } from 'react';
import type { Rig, RigFamily } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { formatAgo, formatClock } from '../../ui/format-plain.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { StatusBadge } from '../../ui/StatusBadge.js';
import { useNow } from '../../ui/use-now.js';
import { HistorySection } from '../history/HistorySection.js';
import { FansList } from './FansList.js';
import { HashboardTable } from './HashboardTable.js';
import { PoolsTable } from './PoolsTable.js';
import { RigControl } from '../rig-control/RigControl.js';
import { TuningSection } from '../tuning/TuningSection.js';
import { RigActions } from './RigActions.js';
import { RigFigures } from './RigFigures.js';
import { RigIdentityList } from './RigIdentityList.js';
import { RigName } from './RigName.js';
import './rig-detail.css';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-section">
      <h3 className="detail-section-title">{title}</h3>
      {children}
    </section>
  );
}

/** GPU miners report one device per GPU where ASIC firmware reports hashboards. */
const GPU_FAMILIES: ReadonlySet<RigFamily> = new Set(['lolminer', 'trex', 'gminer', 'srbminer']);

function RigDetail({ rig }: { rig: Rig }) {
  const selectRig = useAppStore((state) => state.selectRig);
  const close = useCallback(() => selectRig(null), [selectRig]);
  const nowMs = useNow(1000);
  const { snapshot, problem } = rig;
  // A string, not an array: the History section re-renders when the boards change, not with every reading.
  const boardKey = (snapshot?.boards ?? []).map((board) => board.index).join(',');

  return (
    <SidePanel
      testId="rig-detail"
      closeTestId="rig-detail-close"
      onClose={close}
      title={<RigName rig={rig} />}
      subtitle={
        <>
          <StatusBadge status={rig.status} />
          <span>
            {rig.identity.make} {rig.identity.model}
          </span>
          <span className="mono muted">{rig.id}</span>
        </>
      }
    >
      {problem !== null && (
        <div className="problem-box" role="status">
          <div className="problem-head">
            <span className="error-code">{problem.code}</span>
            <span className="muted" title={formatClock(problem.at)}>
              {formatAgo(problem.at, nowMs)}
            </span>
          </div>
          <p className="problem-message">{problem.message}</p>
        </div>
      )}
      <RigActions rig={rig} />
      <Section title="Now">
        <RigFigures rig={rig} nowMs={nowMs} />
      </Section>
      <Section title="History">
        <HistorySection
          rigId={rig.id}
          boardKey={boardKey}
          partLabel={GPU_FAMILIES.has(rig.identity.family) ? 'GPU' : 'Board'}
          powerIsEstimate={snapshot?.powerIsEstimate ?? false}
        />
      </Section>
      <Section title="Control">
        <RigControl rig={rig} nowMs={nowMs} />
      </Section>
      {/* Renders nothing for a rig the optimizer does not know. */}
      <TuningSection rigId={rig.id} />
      <Section title="Hashboards">
        <HashboardTable boards={snapshot?.boards ?? []} />
      </Section>
      <Section title="Fans">
        <FansList fans={snapshot?.fans ?? []} />
      </Section>
      <Section title="Pools">
        <PoolsTable pools={snapshot?.pools ?? []} />
      </Section>
      <Section title="Identity">
        <RigIdentityList rig={rig} />
      </Section>
    </SidePanel>
  );
}

/** The drawer for the selected rig; renders nothing when no rig is selected (or the selected one was removed). */
export function RigDetailPanel() {
  const rig = useAppStore((state) => (state.selectedRigId === null ? undefined : state.rigsById[state.selectedRigId]));
  if (rig === undefined) return null;
  // Keyed by rig so switching rigs resets the rename form, the remove confirmation and the control forms.
  return <RigDetail key={rig.id} rig={rig} />;
}
