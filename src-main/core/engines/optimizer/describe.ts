// Settings and changes in the words the operator reads in the decision list and the audit log.
import type { DeviceSetting } from '../../../../src-shared/model/optimizer.js';
import { formatEfficiency, formatPower } from '../../../../src-shared/units.js';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function describeSetting(setting: DeviceSetting): string {
  if (setting.powerTargetW !== null) return `${whole.format(setting.powerTargetW)} W target`;
  const parts: string[] = [];
  if (setting.frequencyMhz !== null) parts.push(`${whole.format(setting.frequencyMhz)} MHz`);
  if (setting.voltageMv !== null) parts.push(`${whole.format(setting.voltageMv)} mV`);
  return parts.join(' at ') || 'stock settings';
}

export function signedPercent(fraction: number): string {
  const pct = Math.round(fraction * 1000) / 10;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}

/** "-4% power, +6% J/TH efficiency" between two measured performances (efficiency gain: fewer joules per TH). */
export function describeGain(
  from: { powerW: number; efficiencyJPerTh: number; hashrateThs: number },
  to: { powerW: number; efficiencyJPerTh: number; hashrateThs: number },
): string {
  const power = to.powerW / from.powerW - 1;
  const hashrate = to.hashrateThs / from.hashrateThs - 1;
  const efficiency = from.efficiencyJPerTh / to.efficiencyJPerTh - 1;
  return `${signedPercent(power)} power, ${signedPercent(hashrate)} hashrate, ${signedPercent(efficiency)} efficiency (${formatEfficiency(to.efficiencyJPerTh)}, ${formatPower(to.powerW)})`;
}
