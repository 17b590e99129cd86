import { useMemo, useState } from 'react';
import type { RigId } from '../../../src-shared/model/index.js';
import { useFleetRigs } from '../fleet/use-fleet-rigs.js';
import { fieldKey } from './settings-draft.js';
import type { FieldErrors, IntakeDraft } from './settings-draft.js';

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

interface IntakeListProps {
  intakes: readonly IntakeDraft[];
  errors: FieldErrors;
  /** Prefilled for a rig just added: the default intake, to be corrected. */
  defaultIntakeC: string;
  onChange: (intakes: IntakeDraft[]) => void;
}

/** Measured intake temperatures for some rigs (a hot aisle, a rack by the door); the others use the default. */
export function IntakeList({ intakes, errors, defaultIntakeC, onChange }: IntakeListProps) {
  const rigs = useFleetRigs();
  const [picked, setPicked] = useState<RigId>('');
  const names = useMemo(() => new Map(rigs.map((rig) => [rig.id, rig.name])), [rigs]);
  const listed = useMemo(() => new Set(intakes.map((intake) => intake.rigId)), [intakes]);
  const choices = useMemo(
    () => rigs.filter((rig) => !listed.has(rig.id)).sort((a, b) => byName.compare(a.name, b.name)),
    [rigs, listed],
  );
  const edit = (rigId: RigId, intakeC: string): void =>
    onChange(intakes.map((intake) => (intake.rigId === rigId ? { rigId, intakeC } : intake)));

  return (
    <div className="setting-field intake-list">
      <span className="field-label">Intake by rig</span>
      {intakes.length > 0 && (
        <ul className="intake-rows">
          {intakes.map((intake) => {
            const name = names.get(intake.rigId) ?? intake.rigId;
            const error = errors[fieldKey(['thermal', 'intakeByRig', intake.rigId])];
            return (
              <li key={intake.rigId} className="intake-row">
                <span className="intake-name" title={intake.rigId}>
                  {name}
                </span>
                <input
                  className="text-input num intake-input"
                  inputMode="decimal"
                  aria-label={`Intake temperature at ${name} (°C)`}
                  aria-invalid={error !== undefined}
                  title={error}
                  value={intake.intakeC}
                  onChange={(event) => edit(intake.rigId, event.target.value)}
                />
                <span className="input-unit">°C</span>
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={`Remove the intake temperature of ${name}`}
                  title="Use the default intake for this rig"
                  onClick={() => onChange(intakes.filter((other) => other.rigId !== intake.rigId))}
                >
                  ×
                </button>
                {error !== undefined && <span className="field-error intake-error">{error}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <div className="intake-add">
        <label className="visually-hidden" htmlFor="optimizer-intake-rig">
          Rig to give an intake temperature
        </label>
        <select
          id="optimizer-intake-rig"
          className="text-input"
          value={picked}
          onChange={(event) => setPicked(event.target.value)}
        >
          <option value="">Choose a rig…</option>
          {choices.map((rig) => (
            <option key={rig.id} value={rig.id}>
              {rig.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button small"
          disabled={picked === '' || listed.has(picked)}
          onClick={() => {
            onChange([...intakes, { rigId: picked, intakeC: defaultIntakeC }]);
            setPicked('');
          }}
        >
          Add
        </button>
      </div>
    </div>
  );
}
