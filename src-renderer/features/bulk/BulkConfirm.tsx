import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { Rig, RigChange } from '../../../src-shared/model/index.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { changeAsAction, describeChange } from '../../ui/describe-change.js';
import { formatCount } from '../../ui/format-plain.js';

const NAMED_RIGS = 6;

interface BulkConfirmProps {
  change: RigChange;
  rigs: readonly Rig[];
  /** Selected rigs the current filter hides: the operator may not remember ticking them. */
  hiddenCount: number;
  /** Selected rigs without the credential their control needs: the engine will refuse them. */
  missingCredentialCount: number;
  busy: boolean;
  error: ApiErrorValue | null;
  onConfirm: () => void;
  onCancel: () => void;
}

const STOPS_MINING: ReadonlySet<RigChange['kind']> = new Set(['pause', 'restart']);

function confirmLabel(change: RigChange, count: string): string {
  switch (change.kind) {
    case 'restart':
      return `Restart ${count} rigs`;
    case 'pause':
      return `Pause ${count} rigs`;
    case 'resume':
      return `Resume ${count} rigs`;
    case 'pools':
    case 'powerTarget':
    case 'frequency':
    case 'voltage':
    case 'threads':
      return `Apply to ${count} rigs`;
  }
}

/** The last look before a change goes to many rigs at once: what, to which rigs, and what will be refused. */
export function BulkConfirm({
  change,
  rigs,
  hiddenCount,
  missingCredentialCount,
  busy,
  error,
  onConfirm,
  onCancel,
}: BulkConfirmProps) {
  const count = formatCount(rigs.length);
  const named = rigs.slice(0, NAMED_RIGS);
  return (
    <ConfirmDialog
      title={
        change.kind === 'restart'
          ? `Restart ${count} rig${rigs.length === 1 ? '' : 's'}?`
          : `${describeChange(change)} on ${count} rig${rigs.length === 1 ? '' : 's'}?`
      }
      confirmLabel={confirmLabel(change, count)}
      tone={STOPS_MINING.has(change.kind) ? 'danger' : 'primary'}
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Rigwise will {changeAsAction(change)} on{' '}
        {named.map((rig, index) => (
          <span key={rig.id}>
            {index > 0 && (index === named.length - 1 && rigs.length === named.length ? ' and ' : ', ')}
            <strong>{rig.name}</strong>
          </span>
        ))}
        {rigs.length > named.length && ` and ${formatCount(rigs.length - named.length)} more`}.
      </p>
      {hiddenCount > 0 && (
        <p className="text-warn">
          {formatCount(hiddenCount)} of them {hiddenCount === 1 ? 'is' : 'are'} hidden by the current filter.
        </p>
      )}
      {missingCredentialCount > 0 && (
        <p className="text-warn">
          {formatCount(missingCredentialCount)} {missingCredentialCount === 1 ? 'rig has' : 'rigs have'} no credential
          set and will be refused: set it in the rig's Control section, or once for its whole family.
        </p>
      )}
      <p>
        Each rig is checked against your safety limits, changed, read back, and rolled back on its own if it does not
        come back healthy. Progress shows below the fleet table.
      </p>
    </ConfirmDialog>
  );
}
