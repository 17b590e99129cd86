import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { Rig } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { CommandStatus } from './CommandStatus.js';
import { draftFromPools, parsePoolDraft, poolSlots } from './pool-editor.js';
import type { PoolDraft, PoolRowErrors } from './pool-editor.js';
import { PoolFields } from './PoolFields.js';
import { useDraftUntilApplied } from './use-draft-until-applied.js';
import { useLatestCommand } from './use-latest-command.js';

/**
 * Primary and failover pools, prefilled from what the rig reports. Until the operator edits, the rows follow the rig;
 * an edit stays until the change it sent is applied (then the rows follow the rig, which now has those pools), and
 * stays for another try if the change is refused, fails or is rolled back.
 */
export function PoolEditor({ rig, maxPools, nowMs }: { rig: Rig; maxPools: number; nowMs: number }) {
  const applyChange = useAppStore((state) => state.applyChange);
  const latest = useLatestCommand(rig.id, 'pools');
  const slots = poolSlots(maxPools);
  const rigPools = rig.snapshot?.pools;
  const fromRig = useMemo(() => draftFromPools(rigPools ?? [], slots), [rigPools, slots]);
  const { draft, edit, markSent } = useDraftUntilApplied<PoolDraft>(latest);
  const [errors, setErrors] = useState<readonly PoolRowErrors[]>([]);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<ApiErrorValue | null>(null);
  const shown = draft ?? fromRig;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const parsed = parsePoolDraft(shown);
    setErrors(parsed.errors);
    if (!parsed.ok) return;
    setSending(true);
    setRefusal(null);
    const failure = await applyChange([rig.id], { kind: 'pools', pools: parsed.pools });
    setSending(false);
    if (failure !== null) return setRefusal(failure);
    markSent(shown, latest);
  };

  return (
    <form className="control-block" onSubmit={(event) => void submit(event)} noValidate>
      <div className="control-block-head">
        <h4 className="control-block-title">Pools</h4>
        <span className="hint">
          {slots === 1 ? 'One pool on this rig.' : `Primary and up to ${slots - 1} failover${slots > 2 ? 's' : ''}.`}
        </span>
      </div>
      <PoolFields
        draft={shown}
        errors={errors}
        idPrefix="pool"
        onChange={(next) => {
          edit(next);
          setRefusal(null);
        }}
      />
      {refusal !== null && (
        <div className="error-box" role="alert">
          <span className="error-code">{refusal.code}</span>
          <span>{refusal.message}</span>
        </div>
      )}
      <div className="control-actions">
        <button type="submit" className="button button-primary" data-testid="pools-apply" disabled={sending}>
          {sending ? 'Sending…' : 'Apply pools'}
        </button>
        {draft !== null && (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              edit(null);
              setErrors([]);
            }}
          >
            Revert
          </button>
        )}
        <CommandStatus command={latest} nowMs={nowMs} />
      </div>
    </form>
  );
}
