import { describe, expect, it } from 'vitest';
import { parseCgminerReply, parseLenientJson, splitMultiReply } from './parse.js';
import { S19_PRO_VERSION } from './fixtures/antminer.js';

const versionText = JSON.stringify(S19_PRO_VERSION);

describe('parseCgminerReply', () => {
  it('reads a reply that ends with the NUL byte real firmware sends', () => {
    const outcome = parseCgminerReply(`${versionText}\u0000`);
    expect(outcome.ok && outcome.value['VERSION']).toEqual(S19_PRO_VERSION.VERSION);
  });

  it('repairs the missing comma between objects that bmminer sends ("}{")', () => {
    const broken =
      '{"STATUS":[{"STATUS":"S","Msg":"2 Pool(s)"}],"POOLS":[{"POOL":0,"URL":"a"}{"POOL":1,"URL":"b"}],"id":1}';
    const outcome = parseCgminerReply(broken);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && (outcome.value['POOLS'] as unknown[]).length).toBe(2);
  });

  it('ignores a trailing garbage byte after the JSON', () => {
    const outcome = parseCgminerReply(`${versionText}\u0000\u00ff`);
    expect(outcome.ok).toBe(true);
  });

  it('repairs a trailing comma before a closing brace (btminer)', () => {
    const outcome = parseLenientJson('{"STATUS":[{"STATUS":"S",}],"id":1,}');
    expect(outcome.ok && outcome.value['id']).toBe(1);
  });

  it('reads the invalid backslash-apostrophe escape Whatsminer puts in its firmware version', () => {
    const outcome = parseLenientJson(String.raw`{"SUMMARY":[{"Firmware Version":"\'20200917.22.REL\'"}]}`);
    expect(outcome.ok && outcome.value['SUMMARY']).toEqual([{ 'Firmware Version': "'20200917.22.REL'" }]);
  });

  it('turns a STATUS=E reply into a RIG_ERROR carrying the rig message', () => {
    const outcome = parseCgminerReply(
      '{"STATUS":[{"STATUS":"E","When":1,"Code":14,"Msg":"Invalid command","Description":"cgminer 1.0.0"}],"id":1}\u0000',
    );
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('RIG_ERROR');
    expect(!outcome.ok && outcome.error.message).toContain('Invalid command');
  });

  it('turns an empty reply into RIG_BAD_REPLY', () => {
    const outcome = parseCgminerReply('');
    expect(!outcome.ok && outcome.error.code).toBe('RIG_BAD_REPLY');
    expect(!outcome.ok && outcome.error.message).toMatch(/empty/);
  });

  it('turns text that no repair can fix into RIG_BAD_REPLY with a preview', () => {
    const outcome = parseCgminerReply('Socket connect failed: Connection refused\n');
    expect(!outcome.ok && outcome.error.code).toBe('RIG_BAD_REPLY');
    expect(!outcome.ok && outcome.error.message).toContain('Socket connect failed');
  });

  it('refuses a JSON array or scalar, which no cgminer command returns', () => {
    expect(parseCgminerReply('[1,2,3]').ok).toBe(false);
  });
});

describe('splitMultiReply', () => {
  it('splits a summary+pools reply into each command reply', () => {
    const reply = {
      summary: [{ STATUS: [{ STATUS: 'S' }], SUMMARY: [{ Elapsed: 5 }] }],
      pools: [{ STATUS: [{ STATUS: 'E', Msg: 'No pools' }] }],
      id: 1,
    };
    const parts = splitMultiReply(reply, ['summary', 'pools', 'devs']);
    expect(parts.get('summary')?.ok).toBe(true);
    expect(parts.get('pools')?.ok).toBe(false);
    const devs = parts.get('devs');
    expect(devs && !devs.ok && devs.error.code).toBe('RIG_BAD_REPLY');
  });
});
