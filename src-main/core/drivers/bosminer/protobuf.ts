// Protocol Buffers wire format, by hand, for the few Braiins OS+ Public API messages Rigwise sends and reads. A full
// protobuf runtime would be a new dependency for six tiny messages; this file is the whole codec.
// Source: the protobuf encoding spec (protobuf.dev/programming-guides/encoding): a message is a sequence of
// (tag, value) records, tag = field_number << 3 | wire_type, tags and VARINT values are little-endian base-128
// varints (7 bits per byte, high bit = "more"), wire types 0 VARINT (int32/uint32/uint64/bool/enum), 1 I64 (double,
// fixed64), 2 LEN (string, bytes, nested message, packed repeated), 5 I32 (float, fixed32). Unknown fields are
// skipped; proto3 scalars at their default value are simply not sent. Groups (wire types 3 and 4) are deprecated and
// never used by the BOS+ protos, so they are refused.
//
// Decoding is defensive: every read is bounds-checked and a malformed buffer throws ProtoDecodeError, which the gRPC
// boundary turns into RIG_BAD_REPLY. It never reads past the buffer and never allocates more than the buffer holds.

export type WireType = 0 | 1 | 2 | 5;

export class ProtoDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtoDecodeError';
  }
}

/** Nested messages deeper than this are refused: the BOS messages we read nest three levels at most. */
const MAX_DEPTH = 16;

/** Builds one message. Field numbers are the caller's; see messages.ts for the ones BOS+ uses. */
export class ProtoWriter {
  private readonly bytes: number[] = [];

  private rawVarint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`protobuf varints here are unsigned safe integers, got ${value}`);
    }
    let rest = value;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }

  private tag(field: number, wireType: WireType): void {
    if (!Number.isInteger(field) || field < 1 || field > 536_870_911) throw new RangeError(`bad field number ${field}`);
    this.rawVarint(field * 8 + wireType);
  }

  /** uint32, uint64, enum. */
  uint(field: number, value: number): this {
    this.tag(field, 0);
    this.rawVarint(value);
    return this;
  }

  bool(field: number, value: boolean): this {
    return this.uint(field, value ? 1 : 0);
  }

  double(field: number, value: number): this {
    this.tag(field, 1);
    const buffer = new DataView(new ArrayBuffer(8));
    buffer.setFloat64(0, value, true);
    for (let index = 0; index < 8; index += 1) this.bytes.push(buffer.getUint8(index));
    return this;
  }

  bytesField(field: number, value: Uint8Array): this {
    this.tag(field, 2);
    this.rawVarint(value.length);
    for (const byte of value) this.bytes.push(byte);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytesField(field, new TextEncoder().encode(value));
  }

  /** A nested message (LEN): an empty nested message is still sent, because presence matters for message fields. */
  message(field: number, value: ProtoWriter | Uint8Array): this {
    return this.bytesField(field, value instanceof ProtoWriter ? value.finish() : value);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export interface ProtoField {
  field: number;
  wireType: WireType;
  /** VARINT value (exact up to 2^53), or the I32/I64 bits as a number for fixed32, or the raw bytes for LEN/I64. */
  varint: number;
  bytes: Uint8Array;
}

class Cursor {
  offset = 0;
  constructor(readonly buffer: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.buffer.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let index = 0; index < 10; index += 1) {
      const byte = this.buffer[this.offset];
      if (byte === undefined) throw new ProtoDecodeError('varint runs past the end of the message');
      this.offset += 1;
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return value;
      scale *= 0x80;
    }
    throw new ProtoDecodeError('varint longer than 10 bytes');
  }

  take(length: number): Uint8Array {
    if (!Number.isSafeInteger(length) || length < 0 || this.offset + length > this.buffer.length) {
      throw new ProtoDecodeError(`field of ${length} bytes runs past the end of the message`);
    }
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}

/** Splits a message into its fields, in wire order. Throws ProtoDecodeError on anything malformed. */
export function decodeFields(buffer: Uint8Array): ProtoField[] {
  const cursor = new Cursor(buffer);
  const fields: ProtoField[] = [];
  while (!cursor.done) {
    const tag = cursor.varint();
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (field < 1 || field > 536_870_911) throw new ProtoDecodeError(`invalid field number ${field}`);
    switch (wireType) {
      case 0:
        fields.push({ field, wireType, varint: cursor.varint(), bytes: new Uint8Array(0) });
        break;
      case 1: {
        const bytes = cursor.take(8);
        fields.push({ field, wireType, varint: 0, bytes });
        break;
      }
      case 2:
        fields.push({ field, wireType, varint: 0, bytes: cursor.take(cursor.varint()) });
        break;
      case 5: {
        const bytes = cursor.take(4);
        const low = (bytes[0] ?? 0) | ((bytes[1] ?? 0) << 8) | ((bytes[2] ?? 0) << 16);
        fields.push({ field, wireType, varint: low + (bytes[3] ?? 0) * 0x1000000, bytes });
        break;
      }
      default:
        throw new ProtoDecodeError(`unsupported wire type ${wireType} (field ${field})`);
    }
  }
  return fields;
}

/** Typed reads over a decoded message. The last occurrence of a scalar wins, as the spec says. */
export class ProtoMessage {
  private constructor(
    private readonly fields: readonly ProtoField[],
    private readonly depth: number,
  ) {}

  static decode(buffer: Uint8Array, depth = 0): ProtoMessage {
    if (depth > MAX_DEPTH) throw new ProtoDecodeError('messages nested too deeply');
    return new ProtoMessage(decodeFields(buffer), depth);
  }

  private all(field: number): ProtoField[] {
    return this.fields.filter((entry) => entry.field === field);
  }

  private last(field: number, wireType: WireType): ProtoField | null {
    const matches = this.all(field);
    const found = matches[matches.length - 1];
    if (!found) return null;
    if (found.wireType !== wireType) {
      throw new ProtoDecodeError(`field ${field} has wire type ${found.wireType}, expected ${wireType}`);
    }
    return found;
  }

  has(field: number): boolean {
    return this.fields.some((entry) => entry.field === field);
  }

  uint(field: number): number | null {
    return this.last(field, 0)?.varint ?? null;
  }

  bool(field: number): boolean | null {
    const value = this.uint(field);
    return value === null ? null : value !== 0;
  }

  double(field: number): number | null {
    const found = this.last(field, 1);
    if (!found) return null;
    return new DataView(found.bytes.buffer, found.bytes.byteOffset, 8).getFloat64(0, true);
  }

  string(field: number): string | null {
    const found = this.last(field, 2);
    return found ? new TextDecoder('utf-8', { fatal: false }).decode(found.bytes) : null;
  }

  message(field: number): ProtoMessage | null {
    const found = this.last(field, 2);
    return found ? ProtoMessage.decode(found.bytes, this.depth + 1) : null;
  }

  messages(field: number): ProtoMessage[] {
    return this.all(field).map((entry) => {
      if (entry.wireType !== 2) throw new ProtoDecodeError(`repeated field ${field} is not length-delimited`);
      return ProtoMessage.decode(entry.bytes, this.depth + 1);
    });
  }

  /** Every field number present, for tests and for the simulator's request checks. */
  fieldNumbers(): number[] {
    return [...new Set(this.fields.map((entry) => entry.field))];
  }
}
