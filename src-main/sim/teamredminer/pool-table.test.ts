import { describe, expect, it } from 'vitest';
import { PoolTable, splitEscaped } from './pool-table.js';

const start = () =>
  new PoolTable([
    { url: 'stratum+tcp://a.test:1', user: 'u', pass: 'x' },
    { url: 'stratum+tcp://b.test:2', user: 'u', pass: 'x' },
  ]);

describe('splitEscaped', () => {
  it('splits on bare commas only and removes the escapes, as cgminer reads addpool', () => {
    expect(splitEscaped('stratum+tcp://p.test:1,acct\\,1,pa\\\\ss')).toEqual([
      'stratum+tcp://p.test:1',
      'acct,1',
      'pa\\ss',
    ]);
  });
});

describe('PoolTable', () => {
  it('appends an added pool with the next number and says so the way newer cgminer does', () => {
    const table = start();
    expect(table.addpool('stratum+tcp://c.test:3,w,x')).toMatchObject({
      severity: 'S',
      code: 55,
      msg: "Added pool 2: 'stratum+tcp://c.test:3'",
    });
    expect(table.list().map((pool) => pool.url)).toHaveLength(3);
  });

  it('refuses addpool without all three details', () => {
    expect(start().addpool('stratum+tcp://c.test:3,w')).toMatchObject({ severity: 'E', code: 53 });
    expect(start().addpool(null)).toMatchObject({ severity: 'E', code: 52 });
  });

  it('orders listed pools first and keeps the rest after in their old order', () => {
    const table = start();
    table.addpool('stratum+tcp://c.test:3,w,x');
    expect(table.poolpriority('2')).toMatchObject({ code: 73 });
    expect(table.list().map((pool) => pool.priority)).toEqual([1, 2, 0]);
    expect(table.currentIndex()).toBe(2);
  });

  it('will not remove the active pool or the last one, and renumbers after a removal', () => {
    const table = start();
    expect(table.removepool('0')).toMatchObject({ severity: 'E', code: 67 });
    expect(table.removepool('1')).toMatchObject({ severity: 'S', code: 68 });
    expect(table.removepool('0')).toMatchObject({ severity: 'E', code: 66 });
    table.addpool('stratum+tcp://c.test:3,w,x');
    table.switchpool('1');
    expect(table.removepool('0')).toMatchObject({ severity: 'S' });
    expect(table.list().map((pool) => pool.url)).toEqual(['stratum+tcp://c.test:3']);
  });

  it('refuses pool numbers out of range, duplicated or missing', () => {
    expect(start().switchpool('5')).toMatchObject({ code: 26, msg: 'Invalid pool id 5 - range is 0 - 1' });
    expect(start().poolpriority('1,1')).toMatchObject({ code: 74 });
    expect(start().switchpool(null)).toMatchObject({ code: 25 });
  });

  it('credits shares to the pool being mined on', () => {
    const table = start();
    table.credit(5, 1);
    table.switchpool('1');
    table.credit(2, 0);
    expect(table.list().map((pool) => [pool.accepted, pool.rejected])).toEqual([
      [5, 1],
      [2, 0],
    ]);
  });
});
