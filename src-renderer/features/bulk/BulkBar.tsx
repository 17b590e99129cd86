import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { Rig, RigChange, RigId } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { formatCount } from '../../ui/format-plain.js';
import { CloseIcon, PauseIcon, PlayIcon, PowerIcon } from '../../ui/icons.js';
import { emptyDraft, parsePoolDraft } from '../rig-control/pool-editor.js';
import type { PoolDraft, PoolRowErrors } from '../rig-control/pool-editor.js';
import { PoolFields } from '../rig-control/PoolFields.js';
import { describeRange, parseTuningValue, tuningSpec } from '../rig-control/tuning.js';
import { BulkConfirm } from './BulkConfirm.js';
import { BulkProgress } from './BulkProgress.js';
import { bulkOffer, offered, unaskedRigIds } from './bulk-offer.js';
import type { BulkOffer, Support } from './bulk-offer.js';
import './bulk.css';

const POWER_TARGET = tuningSpec('powerTarget');

function SupportCount({ support }: { support: Support }) {
  const all = offered(support);
  return (
    <span
      className={`support-count ${all ? 'is-all' : 'is-partial'}`}
      aria-label={`${support.supported} of ${support.total} support it`}
    >
      {formatCount(support.supported)}/{formatCount(support.total)}
    </span>
  );
}

function whyNot(support: Support, what: string, offer: BulkOffer): string | undefined {
  if (offered(support)) return undefined;
  if (offer.checking > 0) return `Checking what the selected rigs support…`;
  const missing = support.total - support.supported;
  return `${formatCount(missing)} of the ${formatCount(support.total)} selected rigs cannot ${what}: unselect them to offer it.`;
}

/**
 * Bulk changes for the ticked rigs: pools, power target, pause/resume and restart, each offered only when every
 * selected rig supports it (with how many do), confirmed, then followed in a progress summary.
 */
export function BulkBar({ shownRigIds }: { shownRigIds: ReadonlySet<RigId> }) {
  const checkedRigIds = useAppStore((state) => state.checkedRigIds);
  const rigsById = useAppStore((state) => state.rigsById);
  const cache = useAppStore((state) => state.capabilitiesByRig);
  const limits = useAppStore((state) => state.limits);
  const bulkRun = useAppStore((state) => state.bulkRun);
  const ensureCapabilities = useAppStore((state) => state.ensureCapabilities);
  const clearChecked = useAppStore((state) => state.clearChecked);
  const applyBulkChange = useAppStore((state) => state.applyBulkChange);

  const [pending, setPending] = useState<RigChange | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiErrorValue | null>(null);
  const [power, setPower] = useState('');
  const [powerError, setPowerError] = useState<string | null>(null);
  const [poolsOpen, setPoolsOpen] = useState(false);
  const [poolDraft, setPoolDraft] = useState<PoolDraft>(() => emptyDraft(3));
  const [poolErrors, setPoolErrors] = useState<readonly PoolRowErrors[]>([]);

  useEffect(() => {
    const unasked = unaskedRigIds(checkedRigIds, cache);
    if (unasked.length > 0) void ensureCapabilities(unasked);
  }, [checkedRigIds, cache, ensureCapabilities]);

  const rigs = useMemo(
    () => [...checkedRigIds].flatMap((rigId): Rig[] => (rigsById[rigId] === undefined ? [] : [rigsById[rigId]])),
    [checkedRigIds, rigsById],
  );
  const offer = useMemo(() => bulkOffer(rigs, cache, limits), [rigs, cache, limits]);
  const hiddenCount = useMemo(() => rigs.filter((rig) => !shownRigIds.has(rig.id)).length, [rigs, shownRigIds]);

  if (rigs.length === 0 && bulkRun === null) return null;

  const powerRange = offer.powerTarget.range;
  const powerOffered = offered(offer.powerTarget) && powerRange !== null && powerRange.min <= powerRange.max;
  const slots = offer.pools.slots;

  const confirm = async (): Promise<void> => {
    if (pending === null) return;
    setSending(true);
    setSendError(null);
    const failure = await applyBulkChange(
      rigs.map((rig) => rig.id),
      pending,
    );
    setSending(false);
    if (failure !== null) return setSendError(failure);
    setPending(null);
    if (pending.kind === 'powerTarget') setPower('');
    if (pending.kind === 'pools') setPoolsOpen(false);
  };

  const submitPower = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!powerOffered) return;
    const parsed = parseTuningValue(POWER_TARGET, power, powerRange);
    if (!parsed.ok) return setPowerError(parsed.error);
    setPowerError(null);
    setPending({ kind: 'powerTarget', watts: parsed.value });
  };

  const submitPools = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = parsePoolDraft(poolDraft.slice(0, slots));
    setPoolErrors(parsed.errors);
    if (parsed.ok) setPending({ kind: 'pools', pools: parsed.pools });
  };

  return (
    <div className="bulk-dock">
      {bulkRun !== null && <BulkProgress run={bulkRun} rigsById={rigsById} />}
      {rigs.length > 0 && poolsOpen && offered(offer.pools) && (
        <form className="bulk-pools" onSubmit={submitPools} noValidate aria-label="Pools for the selected rigs">
          <div className="bulk-pools-head">
            <strong>Pools for {formatCount(rigs.length)} rigs</strong>
            <span className="hint">
              The same pools and worker go to every selected rig. Blank failovers are left out.
            </span>
          </div>
          <PoolFields
            draft={poolDraft.slice(0, slots)}
            errors={poolErrors}
            idPrefix="bulk-pool"
            onChange={(next) => setPoolDraft([...next, ...poolDraft.slice(next.length)])}
          />
          <div className="button-row">
            <button type="submit" className="button button-primary" data-testid="bulk-pools-apply">
              Apply pools…
            </button>
            <button type="button" className="button button-ghost" onClick={() => setPoolsOpen(false)}>
              Close
            </button>
          </div>
        </form>
      )}
      {rigs.length > 0 && (
        <div className="bulk-bar" data-testid="bulk-bar" role="toolbar" aria-label="Bulk changes for the selected rigs">
          <div className="bulk-selection">
            <strong data-testid="bulk-count">{formatCount(rigs.length)} selected</strong>
            {hiddenCount > 0 && <span className="text-warn">{formatCount(hiddenCount)} hidden by the filter</span>}
            {offer.checking > 0 && (
              <span className="muted bulk-checking">
                <span className="spinner" aria-hidden="true" /> checking {formatCount(offer.checking)}
              </span>
            )}
            {offer.missingCredential.length > 0 && (
              <span className="text-warn" title="Their commands will be refused until the credential is set">
                {formatCount(offer.missingCredential.length)} need a credential
              </span>
            )}
            <button
              type="button"
              className="icon-button small"
              aria-label="Clear the selection"
              title="Clear the selection"
              onClick={clearChecked}
            >
              <CloseIcon size={14} />
            </button>
          </div>

          <form
            className="bulk-power"
            onSubmit={submitPower}
            noValidate
            title={whyNot(offer.powerTarget, 'take a power target', offer)}
          >
            <label className="bulk-label" htmlFor="bulk-power-target">
              Power target
            </label>
            <div className="input-with-unit">
              <input
                id="bulk-power-target"
                data-testid="bulk-power-target"
                className="text-input num"
                inputMode="numeric"
                autoComplete="off"
                value={power}
                disabled={!powerOffered}
                placeholder={
                  powerOffered
                    ? describeRange(POWER_TARGET, powerRange)
                    : offer.checking > 0
                      ? 'checking…'
                      : 'not supported'
                }
                aria-invalid={powerError !== null}
                onChange={(event) => {
                  setPower(event.target.value);
                  setPowerError(null);
                }}
              />
              <span className="input-unit">W</span>
            </div>
            <button
              type="submit"
              className="button button-primary"
              data-testid="bulk-apply"
              disabled={!powerOffered || power.trim() === ''}
            >
              Apply…
            </button>
            <SupportCount support={offer.powerTarget} />
            {powerError !== null && (
              <span className="field-error bulk-power-error" role="alert">
                {powerError}
              </span>
            )}
          </form>

          <div className="bulk-actions">
            <button
              type="button"
              className={`button ${poolsOpen ? 'is-active' : ''}`}
              data-testid="bulk-pools"
              aria-expanded={poolsOpen}
              disabled={!offered(offer.pools)}
              title={whyNot(offer.pools, 'take pool changes', offer)}
              onClick={() => setPoolsOpen(!poolsOpen)}
            >
              Pools… <SupportCount support={offer.pools} />
            </button>
            <button
              type="button"
              className="button"
              data-testid="bulk-pause"
              disabled={!offered(offer.pauseResume)}
              title={whyNot(offer.pauseResume, 'pause', offer)}
              onClick={() => setPending({ kind: 'pause' })}
            >
              <PauseIcon size={14} /> Pause <SupportCount support={offer.pauseResume} />
            </button>
            <button
              type="button"
              className="button"
              data-testid="bulk-resume"
              disabled={!offered(offer.pauseResume)}
              title={whyNot(offer.pauseResume, 'resume', offer)}
              onClick={() => setPending({ kind: 'resume' })}
            >
              <PlayIcon size={14} /> Resume
            </button>
            <button
              type="button"
              className="button button-danger-quiet"
              data-testid="bulk-restart"
              disabled={!offered(offer.restart)}
              title={whyNot(offer.restart, 'restart', offer)}
              onClick={() => setPending({ kind: 'restart' })}
            >
              <PowerIcon size={14} /> Restart <SupportCount support={offer.restart} />
            </button>
          </div>
        </div>
      )}
      {pending !== null && (
        <BulkConfirm
          change={pending}
          rigs={rigs}
          hiddenCount={hiddenCount}
          missingCredentialCount={offer.missingCredential.length}
          busy={sending}
          error={sendError}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setPending(null);
            setSendError(null);
          }}
        />
      )}
    </div>
  );
}
