import { useState } from 'react';
import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { RigId } from '../../../src-shared/model/index.js';
import type { DeviceTuning, FingerprintResult } from '../../../src-shared/model/optimizer.js';
import { useAppStore } from '../../store/store-context.js';
import { KNOB_LABEL, describeSetting } from '../../ui/describe-tuning.js';
import { formatClock, formatCount } from '../../ui/format-plain.js';
import { ExploreProgress, GainFigure, TuningBadge } from '../../ui/TuningFigures.js';
import { canRetune } from '../optimizer/device-rows.js';
import { FingerprintChart } from './FingerprintChart.js';
import { useFingerprint } from './use-fingerprint.js';
import './tuning.css';

function VersionPicker({
  versions,
  picked,
  onPick,
}: {
  versions: FingerprintResult['versions'];
  picked: number | null;
  onPick: (version: number | null) => void;
}) {
  const newest = versions.at(-1);
  return (
    <label className="fingerprint-version">
      <span className="field-label">Version</span>
      <select
        className="text-input"
        data-testid="fingerprint-version"
        value={picked ?? ''}
        onChange={(event) => onPick(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">Newest{newest === undefined ? '' : ` (v${newest.version})`}</option>
        {[...versions].reverse().map((version) => (
          <option key={version.version} value={version.version}>
            v{version.version} · {formatCount(version.points)} points · {formatClock(version.updatedAt)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Fingerprint({ device }: { device: DeviceTuning }) {
  const { entry, picked, pick } = useFingerprint(device.rigId, device.fingerprintVersion, device.fingerprintPoints);
  const result = entry?.result ?? null;
  if (entry === undefined || (result === null && entry.state === 'loading')) {
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> Loading the learned curves…
      </p>
    );
  }
  return (
    <div className="fingerprint">
      {entry.error !== null && (
        <div className="error-box" role="alert">
          <span className="error-code">{entry.error.code}</span>
          <span>Could not load the learned curves: {entry.error.message}</span>
        </div>
      )}
      {result !== null && result.versions.length > 1 && (
        <VersionPicker versions={result.versions} picked={picked} onPick={pick} />
      )}
      {result !== null &&
        (result.fingerprint === null ? (
          <p className="muted">No points measured yet: curves appear as the device is explored.</p>
        ) : (
          <FingerprintChart
            fingerprint={result.fingerprint}
            current={result.current}
            best={result.best}
            loading={entry.state === 'loading'}
          />
        ))}
    </div>
  );
}

function RetuneButton({ rigId }: { rigId: RigId }) {
  const retune = useAppStore((state) => state.retune);
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<ApiErrorValue | null>(null);
  const send = async (): Promise<void> => {
    setState('sending');
    const failure = await retune([rigId]);
    setError(failure);
    setState(failure === null ? 'sent' : 'idle');
  };
  return (
    <>
      <button type="button" className="button small" disabled={state === 'sending'} onClick={() => void send()}>
        {state === 'sending' ? 'Asking…' : 'Retune'}
      </button>
      {state === 'sent' && <span className="field-ok">Asked: it explores again from where it runs now.</span>}
      {error !== null && (
        <span className="field-error" role="alert">
          <span className="error-code">{error.code}</span> {error.message}
        </span>
      )}
    </>
  );
}

function TuningSummary({ device }: { device: DeviceTuning }) {
  return (
    <div className="tuning-summary">
      <div className="tuning-line">
        <TuningBadge device={device} testId="tuning-state" />
        {device.knob !== null && <span className="muted">{KNOB_LABEL[device.knob]}</span>}
        <span className="tuning-gain">
          Gain <GainFigure gainPct={device.efficiencyGainPct} testId="tuning-gain" />
        </span>
        {canRetune(device) && <RetuneButton rigId={device.rigId} />}
      </div>
      <div className="tuning-line">
        {device.state === 'exploring' && <ExploreProgress progress={device.progress} />}
        <span>{device.activity}</span>
      </div>
      <dl className="tuning-settings">
        <div>
          <dt>Now</dt>
          <dd>{device.asleep ? 'asleep' : describeSetting(device.current)}</dd>
        </div>
        <div>
          <dt>Best for the objective</dt>
          <dd>{describeSetting(device.best)}</dd>
        </div>
      </dl>
      {device.failure !== null && (
        <div className="error-box" role="status">
          <span>{device.failure}</span>
        </div>
      )}
    </div>
  );
}

/** The rig panel's Tuning section, for rigs the optimizer knows: what it is doing with the rig, and the curves. */
export function TuningSection({ rigId }: { rigId: RigId }) {
  const device = useAppStore((state) => state.optimizerDevices[rigId]);
  if (device === undefined) return null;
  return (
    <section className="detail-section tuning" data-testid="tuning-section" data-state={device.state}>
      <h3 className="detail-section-title">Tuning</h3>
      <TuningSummary device={device} />
      <Fingerprint device={device} />
    </section>
  );
}
