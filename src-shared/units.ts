// Every hashrate, power, energy and time conversion and every display format lives here, so the engine, the CLI and
// the renderer can never disagree about what "110 TH/s" or "29.5 J/TH" means.

const HASH_PREFIXES = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s', 'EH/s'] as const;

/** Units a rig may report its hashrate in (cgminer "GHS 5s", "MHS av", Antminer "rate_unit"). */
export type HashrateUnit = 'H' | 'KH' | 'MH' | 'GH' | 'TH' | 'PH';

const UNIT_TO_THS: Record<HashrateUnit, number> = {
  H: 1e-12,
  KH: 1e-9,
  MH: 1e-6,
  GH: 1e-3,
  TH: 1,
  PH: 1e3,
};

export function toTerahash(value: number, unit: HashrateUnit): number {
  return value * UNIT_TO_THS[unit];
}

/** Joules per terahash: the efficiency figure operators compare rigs by. Null when it would be meaningless. */
export function efficiencyJPerTh(powerW: number | null, hashrateThs: number | null): number | null {
  if (powerW === null || hashrateThs === null || hashrateThs <= 0 || powerW <= 0) return null;
  return powerW / hashrateThs;
}

// Building an Intl.NumberFormat is costly and a 1,000-rig table formats thousands of figures a second: one per
// digit count, made once.
const formatters = new Map<number, Intl.NumberFormat>();

function fixed(value: number, digits: number): string {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, formatter);
  }
  return formatter.format(value);
}

/** Formats a hashrate given in TH/s with the largest prefix that keeps the number >= 1 ("110.79 TH/s", "1.23 PH/s"). */
export function formatHashrate(hashrateThs: number | null): string {
  if (hashrateThs === null || !Number.isFinite(hashrateThs)) return '—';
  if (hashrateThs === 0) return '0 TH/s';
  let value = hashrateThs * 1e12;
  let index = 0;
  while (Math.abs(value) >= 1000 && index < HASH_PREFIXES.length - 1) {
    value /= 1000;
    index += 1;
  }
  return `${fixed(value, value >= 100 ? 1 : 2)} ${HASH_PREFIXES[index] ?? 'H/s'}`;
}

export function formatPower(powerW: number | null): string {
  if (powerW === null || !Number.isFinite(powerW)) return '—';
  if (Math.abs(powerW) >= 1_000_000) return `${fixed(powerW / 1_000_000, 2)} MW`;
  if (Math.abs(powerW) >= 10_000) return `${fixed(powerW / 1000, 1)} kW`;
  return `${fixed(powerW, 0)} W`;
}

export function formatFrequency(mhz: number | null): string {
  if (mhz === null || !Number.isFinite(mhz)) return '—';
  return `${fixed(mhz, 0)} MHz`;
}

export function formatEfficiency(jPerTh: number | null): string {
  if (jPerTh === null || !Number.isFinite(jPerTh)) return '—';
  return `${fixed(jPerTh, 1)} J/TH`;
}

export function formatTemperature(celsius: number | null): string {
  if (celsius === null || !Number.isFinite(celsius)) return '—';
  return `${fixed(celsius, 0)} °C`;
}

export function formatFanSpeed(rpm: number | null): string {
  if (rpm === null || !Number.isFinite(rpm)) return '—';
  return `${fixed(rpm, 0)} rpm`;
}

export function formatEnergy(kwh: number | null): string {
  if (kwh === null || !Number.isFinite(kwh)) return '—';
  if (Math.abs(kwh) >= 10_000) return `${fixed(kwh / 1000, 1)} MWh`;
  return `${fixed(kwh, 1)} kWh`;
}

/** "3d 4h", "5h 12m", "42s": uptime as an operator reads it at a glance. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${s % 60}s`;
  return `${s}s`;
}

export function formatPercent(share: number | null, digits = 0): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${fixed(share * 100, digits)}%`;
}

/** Core voltage as firmware and tuning guides state it: "1,000 mV". */
export function formatVoltage(millivolts: number | null): string {
  if (millivolts === null || !Number.isFinite(millivolts)) return '—';
  return `${fixed(millivolts, 0)} mV`;
}

/**
 * A change as a share with its sign ("+12.5%", "−3.0%", "0.0%"), e.g. an efficiency gain over stock. A true minus
 * sign, so a column of gains lines up and a loss cannot be mistaken for a dash.
 */
export function formatSignedPercent(share: number | null, digits = 1): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const shown = fixed(Math.abs(share) * 100, digits);
  // Decided on the rounded figure: a gain that rounds to zero is shown unsigned, never as "+0.0%".
  if (Number(shown.replace(/,/g, '')) === 0) return `${fixed(0, digits)}%`;
  return `${share > 0 ? '+' : '−'}${shown}%`;
}

/** An electricity price with its currency code, per kWh ("0.124 EUR/kWh"): tariffs are quoted to tenths of a cent. */
export function formatPricePerKwh(price: number | null, currency: string): string {
  if (price === null || !Number.isFinite(price)) return '—';
  return `${fixed(price, 3)} ${currency}/kWh`;
}

const WATTS_PER_KILOWATT = 1000;

/** Site power limits are stated in kW (a 30 kW circuit); the engine keeps whole watts. */
export function kilowattsToWatts(kilowatts: number): number {
  return Math.round(kilowatts * WATTS_PER_KILOWATT);
}

export function wattsToKilowatts(watts: number): number {
  return watts / WATTS_PER_KILOWATT;
}

/** A short computation time ("7.4 ms", "120 ms"): the optimizer's decision time per planning round. */
export function formatMilliseconds(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return `${fixed(ms, ms < 10 ? 1 : 0)} ms`;
}
