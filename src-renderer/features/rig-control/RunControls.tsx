import { useState } from 'react';
import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { Capabilities, Command, Rig, RigChange } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { PauseIcon, PlayIcon, PowerIcon } from '../../ui/icons.js';
import { CommandStatus } from './CommandStatus.js';
import { useLatestCommand } from './use-latest-command.js';

type RunChange = Extract<RigChange, { kind: 'pause' | 'resume' | 'restart' }>;

function miningState(rig: Rig): { label: string; tone: 'ok' | 'warn' | 'unknown' } {
  const paused = rig.snapshot?.control.paused ?? null;
  if (paused === true) return { label: 'Paused', tone: 'warn' };
  if (paused === false) return { label: 'Mining', tone: 'ok' };
  return { label: 'Not reported', tone: 'unknown' };
}

/** Pause, resume and restart. Restart asks first: the rig stops hashing until the mining software is back. */
export function RunControls({ rig, capabilities, nowMs }: { rig: Rig; capabilities: Capabilities; nowMs: number }) {
  const applyChange = useAppStore((state) => state.applyChange);
  const lastPause = useLatestCommand(rig.id, 'pause');
  const lastResume = useLatestCommand(rig.id, 'resume');
  const lastRestart = useLatestCommand(rig.id, 'restart');
  const [sending, setSending] = useState<RunChange['kind'] | null>(null);
  const [confirmingRestart, setConfirmingRestart] = useState(false);
  const [refusal, setRefusal] = useState<ApiErrorValue | null>(null);
  const state = miningState(rig);
  const latest = [lastPause, lastResume, lastRestart].reduce<Command | null>(
    (newest, command) =>
      command !== null && (newest === null || command.requestedAt > newest.requestedAt) ? command : newest,
    null,
  );

  const send = async (change: RunChange): Promise<void> => {
    setSending(change.kind);
    setRefusal(null);
    const failure = await applyChange([rig.id], change);
    setSending(null);
    setConfirmingRestart(false);
    setRefusal(failure);
  };

  return (
    <div className="control-block">
      <div className="control-block-head">
        <h4 className="control-block-title">Mining</h4>
        {capabilities.pauseResume && <span className={`run-state run-${state.tone}`}>{state.label}</span>}
      </div>
      <div className="control-actions">
        {capabilities.pauseResume && (
          <>
            <button
              type="button"
              className="button"
              data-testid="pause-button"
              disabled={sending !== null}
              onClick={() => void send({ kind: 'pause' })}
            >
              <PauseIcon size={14} /> {sending === 'pause' ? 'Sending…' : 'Pause'}
            </button>
            <button
              type="button"
              className="button"
              data-testid="resume-button"
              disabled={sending !== null}
              onClick={() => void send({ kind: 'resume' })}
            >
              <PlayIcon size={14} /> {sending === 'resume' ? 'Sending…' : 'Resume'}
            </button>
          </>
        )}
        {capabilities.restart && (
          <button
            type="button"
            className="button button-danger-quiet"
            data-testid="restart-button"
            disabled={sending !== null}
            onClick={() => setConfirmingRestart(true)}
          >
            <PowerIcon size={14} /> Restart
          </button>
        )}
        <CommandStatus command={latest} nowMs={nowMs} />
      </div>
      {refusal !== null && (
        <div className="error-box" role="alert">
          <span className="error-code">{refusal.code}</span>
          <span>{refusal.message}</span>
        </div>
      )}
      {confirmingRestart && (
        <ConfirmDialog
          title={`Restart ${rig.name}?`}
          confirmLabel="Restart"
          tone="danger"
          busy={sending === 'restart'}
          onConfirm={() => void send({ kind: 'restart' })}
          onCancel={() => setConfirmingRestart(false)}
        >
          <p>
            The mining software on <strong>{rig.name}</strong> ({rig.identity.model}, {rig.id}) restarts: it stops
            hashing until it is back, usually within a few minutes.
          </p>
          <p>Rigwise waits for it to answer again and shows the outcome in the rig's recent changes.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
