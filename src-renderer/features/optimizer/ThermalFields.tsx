import { Switch } from '../../ui/Switch.js';
import { IntakeList } from './IntakeList.js';
import { NumberField } from './NumberField.js';
import type { FieldErrors, OptimizerDraft } from './settings-draft.js';

interface ThermalFieldsProps {
  draft: OptimizerDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<OptimizerDraft>) => void;
}

/** Thermal balancing: load moved off hot spots, the site's hashrate held. */
export function ThermalFields({ draft, errors, onChange }: ThermalFieldsProps) {
  return (
    <>
      <div className="setting-field">
        <Switch
          checked={draft.thermalEnabled}
          testId="thermal-switch"
          label="Thermal balancing"
          describedBy="optimizer-thermal-help"
          onChange={(thermalEnabled) => onChange({ thermalEnabled })}
        />
        <p className="hint" id="optimizer-thermal-help">
          Shift load from devices in hot spots to cooler ones, keeping the site's total hashrate.
        </p>
      </div>
      <NumberField
        label="Target chip temperature"
        value={draft.targetChipC}
        unit="°C"
        hint="Keep each device's chips under this; set it below the safety limit."
        error={errors['thermal.targetChipC']}
        onChange={(targetChipC) => onChange({ targetChipC })}
      />
      <NumberField
        label="Default intake temperature"
        value={draft.defaultIntakeC}
        unit="°C"
        hint="The air a device breathes in, where no reading is given below."
        error={errors['thermal.defaultIntakeC']}
        onChange={(defaultIntakeC) => onChange({ defaultIntakeC })}
      />
      <IntakeList
        intakes={draft.intakes}
        errors={errors}
        defaultIntakeC={draft.defaultIntakeC}
        onChange={(intakes) => onChange({ intakes })}
      />
    </>
  );
}
