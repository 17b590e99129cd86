import { RANGE_PRESETS } from '../../store/history-windows.js';
import type { RangePreset } from '../../store/history-windows.js';

export const RANGE_LABEL: Readonly<Record<RangePreset, string>> = {
  '1h': '1 h',
  '24h': '24 h',
  '7d': '7 d',
  '30d': '30 d',
  '1y': '1 y',
};

const RANGE_TITLE: Readonly<Record<RangePreset, string>> = {
  '1h': 'The last hour',
  '24h': 'The last 24 hours',
  '7d': 'The last 7 days',
  '30d': 'The last 30 days',
  '1y': 'The last year',
};

interface RangePickerProps {
  /** Null while zoomed: no preset is what the charts show then. */
  value: RangePreset | null;
  onChange: (preset: RangePreset) => void;
  testIdPrefix: string;
}

/** The range presets as one segmented control; each ends now and follows live readings. */
export function RangePicker({ value, onChange, testIdPrefix }: RangePickerProps) {
  return (
    <div className="segmented small" role="group" aria-label="Range">
      {RANGE_PRESETS.map((preset) => (
        <button
          key={preset}
          type="button"
          className="segment"
          aria-pressed={value === preset}
          title={RANGE_TITLE[preset]}
          data-testid={`${testIdPrefix}-${preset}`}
          onClick={() => onChange(preset)}
        >
          {RANGE_LABEL[preset]}
        </button>
      ))}
    </div>
  );
}
