import type {
  DecisionCause,
  DeviceSetting,
  OptimizerDecision,
  OptimizerObjective,
  TuningKnob,
  TuningState,
} from '../../src-shared/model/optimizer.js';
import { formatFrequency, formatPower, formatVoltage } from '../../src-shared/units.js';

// The optimizer in the operator's words: shared by the Optimizer view and the rig panel's Tuning section.

export const TUNING_STATE_LABEL: Readonly<Record<TuningState, string>> = {
  idle: 'idle',
  baseline: 'baseline',
  exploring: 'exploring',
  tuned: 'tuned',
  failed: 'failed',
  unsupported: 'unsupported',
};

export const TUNING_STATE_HINT: Readonly<Record<TuningState, string>> = {
  idle: 'Not tuned: the optimizer is off, the device is excluded, or it waits for its first readings',
  baseline: 'Measuring the settings it runs at before changing anything',
  exploring: 'Trying settings one safe step at a time',
  tuned: 'Running at its chosen point; the planner may still move it for the cap, the tariff or heat',
  failed: 'A step failed: back on its last good settings until you retune it',
  unsupported: 'No knob Rigwise can turn on this device',
};

export const CAUSE_LABEL: Readonly<Record<DecisionCause, string>> = {
  explore: 'explore',
  tuned: 'tuned',
  revert: 'revert',
  'power-cap': 'power cap',
  thermal: 'thermal',
  'time-of-use': 'time of use',
  objective: 'objective',
};

export const KNOB_LABEL: Readonly<Record<TuningKnob, string>> = {
  'frequency-voltage': 'clock + voltage',
  'power-target': 'power target',
};

export const OBJECTIVE_LABEL: Readonly<Record<OptimizerObjective, string>> = {
  efficiency: 'Efficiency',
  hashrate: 'Hashrate',
  profit: 'Profit',
};

export const OBJECTIVE_HELP: Readonly<Record<OptimizerObjective, string>> = {
  efficiency: 'Most TH per joule: each device at the point where it spends the fewest joules per terahash.',
  hashrate: 'Most TH/s: each device as fast as it runs stably within its power budget.',
  profit: 'Most revenue net of power: the point that earns most at the price of power now; sleep when none pays.',
};

/** "465 MHz · 1,000 mV" for a clock-and-voltage device, "2,450 W target" for a power-target one. */
export function describeSetting(setting: DeviceSetting | null): string {
  if (setting === null) return '—';
  if (setting.powerTargetW !== null) return `${formatPower(setting.powerTargetW)} target`;
  const parts: string[] = [];
  if (setting.frequencyMhz !== null) parts.push(formatFrequency(setting.frequencyMhz));
  if (setting.voltageMv !== null) parts.push(formatVoltage(setting.voltageMv));
  return parts.length === 0 ? 'stock settings' : parts.join(' · ');
}

export function sameSetting(a: DeviceSetting | null, b: DeviceSetting | null): boolean {
  if (a === null || b === null) return a === b;
  return a.frequencyMhz === b.frequencyMhz && a.voltageMv === b.voltageMv && a.powerTargetW === b.powerTargetW;
}

/**
 * A decision's change as "from → to" parts. A sleep or wake comes first ("sleep", "wake, then 465 MHz · 1,000 mV"):
 * a device put to sleep keeps its setting, so `to` repeating `from` adds nothing.
 */
export function describeDecisionChange(decision: Pick<OptimizerDecision, 'from' | 'to' | 'sleep'>): {
  from: string;
  to: string;
} {
  const from = decision.from === null ? 'unknown' : describeSetting(decision.from);
  const setting = describeSetting(decision.to);
  const unchanged = sameSetting(decision.from, decision.to);
  if (decision.sleep === true) return { from, to: unchanged ? 'sleep' : `${setting}, then sleep` };
  if (decision.sleep === false) return { from: 'asleep', to: unchanged ? 'wake' : `wake at ${setting}` };
  return { from, to: setting };
}
