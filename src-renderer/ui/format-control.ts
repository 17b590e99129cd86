import { formatPlainNumber } from './format-plain.js';

// Stop-gap: src-shared/units.ts has formatters for power, frequency and temperature but none for voltage yet. This is
// the one place the renderer formats millivolts; it moves to units.ts (as formatVoltage) once the contract has it.

export function formatVoltage(millivolts: number | null): string {
  if (millivolts === null || !Number.isFinite(millivolts)) return '—';
  return `${formatPlainNumber(Math.round(millivolts))} mV`;
}
