import { NumberField } from './NumberField.js';
import type { FieldErrors, OptimizerDraft } from './settings-draft.js';
import { startingTariff } from './tariff-draft.js';
import { Switch } from '../../ui/Switch.js';

/** A tariff started here is in the time zone of this screen until the operator says otherwise. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface ElectricityFieldsProps {
  draft: OptimizerDraft;
  errors: FieldErrors;
  /** The currency prices are in: the tariff's, or the one the engine reports; may be unknown (''). */
  currency: string;
  onChange: (patch: Partial<OptimizerDraft>) => void;
}

/**
 * What power costs and what hashrate earns, and whether to follow the clock's prices (time of use). The tariff editor
 * itself sits under the form's groups, across the whole width: 24 prices an hour need the room.
 */
export function ElectricityFields({ draft, errors, currency, onChange }: ElectricityFieldsProps) {
  const perKwh = currency === '' ? 'per kWh' : `${currency}/kWh`;
  const startTariff = () => startingTariff(draft.flatPricePerKwh, currency === '' ? 'USD' : currency, localTimeZone());
  return (
    <>
      <NumberField
        label="Flat price"
        value={draft.flatPricePerKwh}
        unit={perKwh}
        hint={draft.tariff === null ? 'What a kWh costs, at every hour.' : 'Not used while the hourly tariff is set.'}
        error={errors['flatPricePerKwh']}
        onChange={(flatPricePerKwh) => onChange({ flatPricePerKwh })}
      />
      <NumberField
        label="Revenue per TH/s per day"
        value={draft.revenuePerThDay}
        unit={currency === '' ? 'per TH/s·day' : `${currency} per TH/s·day`}
        hint="What a TH/s earns in a day (hashprice), for the profit objective and time of use."
        error={errors['revenuePerThDay']}
        onChange={(revenuePerThDay) => onChange({ revenuePerThDay })}
      />
      <div className="setting-field">
        <Switch
          checked={draft.timeOfUse}
          testId="tou-switch"
          label="Time of use"
          describedBy="optimizer-tou-help"
          onChange={(timeOfUse) =>
            // Time of use follows an hourly tariff: switching it on starts one from the flat price if there is none.
            onChange(timeOfUse && draft.tariff === null ? { timeOfUse, tariff: startTariff() } : { timeOfUse })
          }
        />
        <p className="hint" id="optimizer-tou-help">
          Slow down or sleep a device in the hours its power costs more than it earns.
        </p>
      </div>
      {draft.tariff === null ? (
        <p className="hint">
          Every hour at the flat price.{' '}
          <button type="button" className="link-button" onClick={() => onChange({ tariff: startTariff() })}>
            Set hourly prices
          </button>
        </p>
      ) : (
        <p className="hint">Hourly prices: see the tariff below.</p>
      )}
    </>
  );
}
