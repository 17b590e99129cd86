import { describe, expect, it } from 'vitest';
import { frameMessage, readableStatusMessage, unframeMessage } from './grpc-client.js';
import {
  decodeLoginToken,
  decodePoolGroups,
  decodeSetPowerTargetResponse,
  encodeLoginRequest,
  encodeSetPoolGroups,
  encodeSetPowerTarget,
  encodeUpdatePoolGroup,
} from './messages.js';
import { decodeFields, ProtoDecodeError, ProtoMessage, ProtoWriter } from './protobuf.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const bytes = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));

describe('protobuf varints', () => {
  it('encodes the textbook values: 1, 127, 128, 150 and 300', () => {
    // protobuf.dev encoding guide: 150 is 96 01, 300 is ac 02.
    const encoded = [1, 127, 128, 150, 300].map((value) => hex(new ProtoWriter().uint(1, value).finish()));
    expect(encoded).toEqual(['0801', '087f', '088001', '089601', '08ac02']);
  });

  it('round-trips the largest safe integer, and refuses negative or fractional values', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(ProtoMessage.decode(new ProtoWriter().uint(7, max).finish()).uint(7)).toBe(max);
    expect(() => new ProtoWriter().uint(1, -1)).toThrow(RangeError);
    expect(() => new ProtoWriter().uint(1, 1.5)).toThrow(RangeError);
  });

  it('encodes field numbers above 15 with a two-byte tag', () => {
    expect(hex(new ProtoWriter().uint(16, 1).finish())).toBe('800101');
  });
});

describe('protobuf decoding', () => {
  it('reads strings, doubles, booleans and nested messages, skipping unknown fields', () => {
    const inner = new ProtoWriter().uint(1, 3000);
    const buffer = new ProtoWriter()
      .string(1, 'héllo')
      .double(2, 0.25)
      .bool(3, true)
      .message(4, inner)
      .uint(99, 5)
      .finish();
    const message = ProtoMessage.decode(buffer);
    expect(message.string(1)).toBe('héllo');
    expect(message.double(2)).toBe(0.25);
    expect(message.bool(3)).toBe(true);
    expect(message.message(4)?.uint(1)).toBe(3000);
    expect(message.uint(8)).toBeNull();
  });

  it('takes the last value of a repeated scalar, as the spec says', () => {
    expect(ProtoMessage.decode(bytes('0801 0802')).uint(1)).toBe(2);
  });

  it('reads fixed32 fields without confusing them with varints', () => {
    const fields = decodeFields(bytes('0d 01 00 00 80'));
    expect(fields[0]).toMatchObject({ field: 1, wireType: 5, varint: 0x80000001 });
  });

  it.each([
    ['a varint cut short', '08 80'],
    ['a length running past the end', '0a 05 61 62'],
    ['a varint longer than ten bytes', '08 ffffffffffffffffffff01'],
    ['the deprecated group wire type', '0b'],
    ['field number zero', '00 01'],
    ['a double cut short', '09 0000'],
  ])('refuses %s with a ProtoDecodeError', (_name, input) => {
    expect(() => decodeFields(bytes(input))).toThrow(ProtoDecodeError);
  });

  it('refuses a field read with the wrong wire type', () => {
    expect(() => ProtoMessage.decode(bytes('0801')).string(1)).toThrow(ProtoDecodeError);
  });

  it('refuses messages nested deeper than it will follow', () => {
    let nested = new ProtoWriter().uint(1, 1).finish();
    for (let depth = 0; depth < 20; depth += 1) nested = new ProtoWriter().message(1, nested).finish();
    let message: ProtoMessage | null = ProtoMessage.decode(nested);
    expect(() => {
      while (message) message = message.message(1);
    }).toThrow(ProtoDecodeError);
  });
});

describe('BOS+ Public API messages', () => {
  it('encodes LoginRequest{username=1, password=2}', () => {
    expect(hex(encodeLoginRequest('root', 'root'))).toBe('0a04726f6f74' + '1204726f6f74');
  });

  it('encodes SetPowerTargetRequest{save_action=SAVE_AND_APPLY, power_target=Power{watt=3000}}', () => {
    expect(hex(encodeSetPowerTarget(3000))).toBe('0802' + '1203' + '08b817');
  });

  it('encodes SetPoolGroupsRequest with one quota-1 group named Rigwise and its pools in order', () => {
    const request = ProtoMessage.decode(
      encodeSetPoolGroups([
        { url: 'stratum+tcp://a.test:3333', user: 'me.1', password: 'x' },
        { url: 'stratum+tcp://b.test:3333', user: 'me.2', password: '' },
      ]),
    );
    expect(request.uint(1)).toBe(2);
    const groups = request.messages(2);
    expect(groups).toHaveLength(1);
    const group = groups[0];
    expect(group?.has(1)).toBe(false);
    expect(group?.string(2)).toBe('Rigwise');
    expect(group?.message(3)?.uint(1)).toBe(1);
    const pools = group?.messages(5) ?? [];
    expect(pools.map((pool) => [pool.has(1), pool.string(2), pool.string(3), pool.string(4), pool.bool(5)])).toEqual([
      [false, 'stratum+tcp://a.test:3333', 'me.1', 'x', true],
      [false, 'stratum+tcp://b.test:3333', 'me.2', '', true],
    ]);
  });

  it('puts the group uid in UpdatePoolGroupRequest, which the older API needs', () => {
    const request = ProtoMessage.decode(
      encodeUpdatePoolGroup('grp-1', [{ url: 'stratum+tcp://a.test:1', user: 'u', password: 'x' }]),
    );
    expect(request.message(2)?.string(1)).toBe('grp-1');
  });

  it('reads the token from a LoginResponse body, and null from the empty body older firmware sends', () => {
    expect(decodeLoginToken(new ProtoWriter().string(1, 'FvZarvVQLCtzNaM6').uint(2, 3600).finish())).toBe(
      'FvZarvVQLCtzNaM6',
    );
    expect(decodeLoginToken(new Uint8Array(0))).toBeNull();
  });

  it('reads the power target back from SetPowerTargetResponse and pool groups from SetPoolGroupsResponse', () => {
    expect(decodeSetPowerTargetResponse(bytes('0a03 08b817'))).toBe(3000);
    const group = new ProtoWriter()
      .string(1, 'g1')
      .string(2, 'Default')
      .message(5, new ProtoWriter().string(2, 'stratum+tcp://a.test:1').string(3, 'u'));
    expect(decodePoolGroups(new ProtoWriter().message(1, group).finish())).toEqual([
      { uid: 'g1', name: 'Default', pools: [{ url: 'stratum+tcp://a.test:1', user: 'u' }] },
    ]);
  });
});

describe('gRPC message framing', () => {
  it('prefixes a message with a zero compression flag and its big-endian length', () => {
    expect(hex(frameMessage(bytes('0802')))).toBe('00000000020802');
  });

  it('unframes exactly one message and refuses short, compressed or mis-sized bodies', () => {
    const one = unframeMessage(Buffer.from('00000000020802', 'hex'));
    expect(one.ok && hex(one.message)).toBe('0802');
    expect(unframeMessage(Buffer.from('0000', 'hex')).ok).toBe(false);
    expect(unframeMessage(Buffer.from('01000000020802', 'hex')).ok).toBe(false);
    expect(unframeMessage(Buffer.from('00000000050802', 'hex')).ok).toBe(false);
    expect(unframeMessage(Buffer.from('0000000001080200', 'hex')).ok).toBe(false);
  });

  it('decodes a percent-encoded grpc-message and keeps control characters out of it', () => {
    expect(readableStatusMessage('Bad%20credentials')).toBe('Bad credentials');
    expect(readableStatusMessage('bad%ZZ\u0007')).toBe('bad%ZZ?');
    expect(readableStatusMessage(undefined)).toBe('');
  });
});
