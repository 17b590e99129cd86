// Writes replies the way cgminer-family firmware does. JSON.stringify cannot print "0.000000" or "54512.07"
// with a fixed number of decimals, nor reproduce the firmware's broken JSON, so replies are built from these values
// and serialised here, as JSON or as cgminer's plain-text "KEY=value,...|" format.

/** A number printed with a fixed number of decimals, as firmware printf's it ("3210701589.00000000"). */
export class Fixed {
  constructor(
    readonly value: number,
    readonly digits: number,
  ) {}

  toText(): string {
    return (Number.isFinite(this.value) ? this.value : 0).toFixed(this.digits);
  }
}

export function fixed(value: number, digits: number): Fixed {
  return new Fixed(value, digits);
}

export type WireValue = string | number | boolean | Fixed | WireObject | WireValue[];
export interface WireObject {
  [key: string]: WireValue;
}

/** Bugs of real firmware JSON that clients must survive (pyasic `_load_api_data` repairs both). */
export interface JsonQuirks {
  /** "}{" between objects of an array: "bmminer return not having a specific comma". */
  missingComma?: boolean;
  /** "[,{" at the start of an array of objects: "bmminer return having a specific comma". */
  leadingComma?: boolean;
}

function numberText(value: number): string {
  // Firmware never prints NaN/Infinity as JSON numbers; a simulator bug must not produce invalid JSON by accident.
  return Number.isFinite(value) ? String(value) : '0';
}

function isObjectArray(values: WireValue[]): boolean {
  return values.length > 1 && values.every((item) => typeof item === 'object' && !Array.isArray(item));
}

export function toJson(value: WireValue, quirks: JsonQuirks = {}): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Fixed) return value.toText();
  if (Array.isArray(value)) {
    const parts = value.map((item) => toJson(item, quirks));
    if (!isObjectArray(value)) return `[${parts.join(',')}]`;
    const separator = quirks.missingComma ? '' : ',';
    return `[${quirks.leadingComma ? ',' : ''}${parts.join(separator)}]`;
  }
  const fields = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${toJson(item, quirks)}`);
  return `{${fields.join(',')}}`;
}

function textValue(value: WireValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Fixed) return value.toText();
  // Nested values never occur in the sections cgminer prints as text; keep them readable if one ever does.
  return toJson(value);
}

/** One record in cgminer's text format: "KEY=value,KEY=value". */
export function toTextRecord(record: WireObject): string {
  return Object.entries(record)
    .map(([key, value]) => `${key}=${textValue(value)}`)
    .join(',');
}
