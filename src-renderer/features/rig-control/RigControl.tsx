import { useEffect } from 'react';
import type { Capabilities, Rig } from '../../../src-shared/model/index.js';
import { formatTemperature } from '../../../src-shared/units.js';
import { knownCapabilities } from '../../store/capability-cache.js';
import type { RigCapabilities } from '../../store/capability-cache.js';
import { useAppStore } from '../../store/store-context.js';
import { AlertIcon } from '../../ui/icons.js';
import { CommandTimeline } from './CommandTimeline.js';
import { CredentialBox } from './CredentialBox.js';
import { PoolEditor } from './PoolEditor.js';
import { RunControls } from './RunControls.js';
import { TuningField } from './TuningField.js';
import { TUNING_SPECS, rigRangeOf } from './tuning.js';
import './rig-control.css';

function canChangeAnything(capabilities: Capabilities): boolean {
  return (
    capabilities.pools !== null ||
    TUNING_SPECS.some((spec) => rigRangeOf(spec, capabilities) !== null) ||
    capabilities.pauseResume ||
    capabilities.restart
  );
}

/** Why a change sent now is likely to be refused or fail, said before the operator tries. */
function Warnings({ rig }: { rig: Rig }) {
  const limits = useAppStore((state) => state.limits);
  const chipC = rig.snapshot?.maxChipTempC ?? null;
  const hot = limits !== null && chipC !== null && chipC >= limits.maxChipTempC;
  return (
    <>
      {rig.status === 'down' && (
        <p className="control-warning" role="status">
          <AlertIcon size={14} /> {rig.name} is not answering: a change fails until it is back.
        </p>
      )}
      {hot && (
        <p className="control-warning" role="status">
          <AlertIcon size={14} /> Chips at {formatTemperature(chipC)}, at or over your{' '}
          {formatTemperature(limits.maxChipTempC)} limit: changes that add heat (power, clock, voltage, resume) are
          refused until it cools.
        </p>
      )}
    </>
  );
}

function ControlForms({ rig, known, nowMs }: { rig: Rig; known: RigCapabilities; nowMs: number }) {
  const limits = useAppStore((state) => state.limits);
  const { capabilities, credentials } = known;
  const tunable = TUNING_SPECS.flatMap((spec) => {
    const rigRange = rigRangeOf(spec, capabilities);
    return rigRange === null ? [] : [{ spec, rigRange }];
  });
  if (!canChangeAnything(capabilities)) {
    return (
      <p className="muted control-none">
        Rigwise cannot change anything on this rig: its firmware ({rig.identity.firmware}) offers no control it can use.
        It stays watched as before.
      </p>
    );
  }
  return (
    <>
      <Warnings rig={rig} />
      {capabilities.needsCredential !== 'none' && (
        <CredentialBox
          rig={rig}
          kind={capabilities.needsCredential}
          source={credentials[capabilities.needsCredential]}
        />
      )}
      {capabilities.pools !== null && <PoolEditor rig={rig} maxPools={capabilities.pools.max} nowMs={nowMs} />}
      {tunable.length > 0 && (
        <div className="control-block">
          <div className="control-block-head">
            <h4 className="control-block-title">Tuning</h4>
            <span className="hint">Each change is read back, and rolled back if unhealthy.</span>
          </div>
          {tunable.map(({ spec, rigRange }) => (
            <TuningField key={spec.kind} rig={rig} spec={spec} rigRange={rigRange} limits={limits} nowMs={nowMs} />
          ))}
        </div>
      )}
      {(capabilities.pauseResume || capabilities.restart) && (
        <RunControls rig={rig} capabilities={capabilities} nowMs={nowMs} />
      )}
    </>
  );
}

/**
 * The rig's Control section: only what its capabilities allow, the credential it needs, and its recent commands with
 * their live state. Capabilities are fetched when the section first shows and again whenever they were dropped (the
 * rig was re-identified, a credential changed, the link reconnected).
 */
export function RigControl({ rig, nowMs }: { rig: Rig; nowMs: number }) {
  const entry = useAppStore((state) => state.capabilitiesByRig[rig.id]);
  const ensureCapabilities = useAppStore((state) => state.ensureCapabilities);
  const refreshCapabilities = useAppStore((state) => state.refreshCapabilities);
  useEffect(() => {
    if (entry === undefined) void ensureCapabilities([rig.id]);
  }, [entry, rig.id, ensureCapabilities]);
  const known = knownCapabilities(entry);

  return (
    <div
      className="rig-control"
      data-testid="rig-control"
      data-state={known === null ? (entry?.status ?? 'loading') : 'ready'}
    >
      {known !== null ? (
        <ControlForms rig={rig} known={known} nowMs={nowMs} />
      ) : entry?.status === 'failed' ? (
        <div className="error-box" role="alert">
          <span className="error-code">{entry.error.code}</span>
          <span>Could not ask what this rig can change: {entry.error.message}</span>
          <button type="button" className="link-button" onClick={() => void refreshCapabilities([rig.id])}>
            Try again
          </button>
        </div>
      ) : (
        <p className="muted control-loading" role="status">
          <span className="spinner" aria-hidden="true" /> Checking what this rig can change…
        </p>
      )}
      <CommandTimeline rig={rig} nowMs={nowMs} />
    </div>
  );
}
