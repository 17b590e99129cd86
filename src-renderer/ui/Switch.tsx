import type { ReactNode } from 'react';
import './switch.css';

interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  testId?: string;
  disabled?: boolean;
  describedBy?: string;
}

/**
 * An on/off setting. A real checkbox with the switch role underneath (keyboard, forms, screen readers and e2e
 * `check()` all work on it), drawn as a track and thumb; the label is part of the click target.
 */
export function Switch({ checked, onChange, label, testId, disabled = false, describedBy }: SwitchProps) {
  return (
    <label className={`switch ${disabled ? 'is-disabled' : ''}`}>
      <span className="switch-control">
        <input
          type="checkbox"
          role="switch"
          className="switch-input"
          checked={checked}
          disabled={disabled}
          data-testid={testId}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
      </span>
      <span className="switch-label">{label}</span>
    </label>
  );
}
