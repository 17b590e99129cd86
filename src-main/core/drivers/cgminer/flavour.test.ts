import { describe, expect, it } from 'vitest';
import { S19_PRO_VERSION } from './fixtures/antminer.js';
import { cgminerFlavour } from './flavour.js';

describe('cgminerFlavour', () => {
  it('tells BOSminer, btminer and plain bmminer apart by their version replies', () => {
    // BOSminer+ 0.2.0 `version` (PROTOCOLS.md A3, foreman AntminerStatsITest.java).
    const bos = {
      STATUS: [{ STATUS: 'S', Msg: 'BOSminer+ versions', Description: 'BOSminer+ 0.2.0-36c56a9363' }],
      VERSION: [{ API: '3.7', 'BOSminer+': '0.2.0-36c56a9363' }],
    };
    expect(cgminerFlavour(bos)).toBe('bosminer');
    expect(cgminerFlavour({ STATUS: 'S', Msg: { fw_ver: '20200917.22.REL' }, Description: 'btminer' })).toBe(
      'whatsminer',
    );
    expect(cgminerFlavour(S19_PRO_VERSION)).toBe('cgminer');
  });

  it('answers at once for a reply nested thousands of levels deep', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i += 1) deep = [deep];
    expect(cgminerFlavour({ STATUS: [{ STATUS: 'S' }], VERSION: deep })).toBe('cgminer');
  });
});
