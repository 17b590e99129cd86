import { describe, expect, it } from 'vitest';
import { addpoolParameter, escapeApiParameter, poolReplacementCommands } from './privileged.js';

describe('escapeApiParameter', () => {
  // cgminer API-README, addpool: "Use '\\' to get a '\' and '\,' to include a comma inside URL, USR or PASS".
  it('puts a backslash before every comma and every backslash, and nothing else changes', () => {
    expect(escapeApiParameter('a,b')).toBe('a\\,b');
    expect(escapeApiParameter('a\\b')).toBe('a\\\\b');
    expect(escapeApiParameter('\\,')).toBe('\\\\\\,');
    expect(escapeApiParameter('stratum+tcp://pool.test:3333|x=y')).toBe('stratum+tcp://pool.test:3333|x=y');
  });
});

describe('addpoolParameter', () => {
  it('joins URL, user and password with bare commas after escaping each', () => {
    const parameter = addpoolParameter({ url: 'stratum+tcp://pool.test:3333', user: 'acct.rig,1', password: 'p\\w,d' });
    expect(parameter).toBe('stratum+tcp://pool.test:3333,acct.rig\\,1,p\\\\w\\,d');
  });

  it('survives the JSON request encoding as the same escaped text', () => {
    const parameter = addpoolParameter({ url: 'stratum+tcp://pool.test:3333', user: 'u', password: 'a\\b' });
    const request = JSON.stringify({ command: 'addpool', parameter });
    expect((JSON.parse(request) as { parameter: string }).parameter).toBe('stratum+tcp://pool.test:3333,u,a\\\\b');
  });
});

describe('poolReplacementCommands', () => {
  it('puts the added pools first, switches to the first, then removes the old ones from the highest number down', () => {
    expect(poolReplacementCommands(3, [3, 4])).toEqual([
      ['poolpriority', '3,4'],
      ['switchpool', '3'],
      ['removepool', '2'],
      ['removepool', '1'],
      ['removepool', '0'],
    ]);
  });

  it('removes nothing on a rig that had no pools, and sends nothing when no pool was added', () => {
    expect(poolReplacementCommands(0, [0])).toEqual([
      ['poolpriority', '0'],
      ['switchpool', '0'],
    ]);
    expect(poolReplacementCommands(2, [])).toEqual([]);
  });
});
