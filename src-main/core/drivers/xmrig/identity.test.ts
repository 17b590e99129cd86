import { describe, expect, it } from 'vitest';
import { SUMMARY_6_17, UNAUTHORIZED_BODY } from './fixtures/xmrig.js';
import { identityFromSummary } from './identity.js';
import { looksLikeXmrigRefusal, shortCpuName } from './parse.js';

describe('identityFromSummary', () => {
  it('identifies the 6.17 summary as XMRig on its CPU, with the version and miner id', () => {
    expect(identityFromSummary('127.0.21.100', 8080, SUMMARY_6_17, '2')).toEqual({
      host: '127.0.21.100',
      port: 8080,
      family: 'xmrig',
      make: 'XMRig',
      model: 'XMRig on Intel Core i7-4700MQ',
      firmware: 'XMRig 6.17.1-dev',
      apiVersion: '2',
      mac: null,
      serial: '51aca77da137cb62',
    });
  });

  it('refuses xmrig-proxy, which reports no hashrate of its own', () => {
    const proxy = { ...SUMMARY_6_17, kind: 'proxy', ua: 'xmrig-proxy/6.17.0 (Linux x86_64) libuv/1.43.0 gcc/9.4.0' };
    expect(identityFromSummary('h', 8080, proxy, '2')).toBeNull();
  });

  it('refuses JSON without worker_id or a user agent naming XMRig', () => {
    const { worker_id: _, ...withoutWorker } = SUMMARY_6_17;
    expect(identityFromSummary('h', 8080, withoutWorker, '2')).toBeNull();
    expect(identityFromSummary('h', 8080, { ...SUMMARY_6_17, ua: 'SRBMiner-MULTI/0.5.6' }, '2')).toBeNull();
  });
});

describe('shortCpuName', () => {
  it('drops trademarks, clock and core-count words from CPU brands', () => {
    expect(shortCpuName('Intel(R) Core(TM) i7-4700MQ CPU @ 2.40GHz')).toBe('Intel Core i7-4700MQ');
    expect(shortCpuName('AMD Ryzen 9 5950X 16-Core Processor')).toBe('AMD Ryzen 9 5950X');
  });
});

describe('looksLikeXmrigRefusal', () => {
  const xmrigHeaders = new Headers({ 'Access-Control-Allow-Headers': 'Authorization, Content-Type' });

  it("recognises XMRig's own 401 body and CORS headers", () => {
    expect(looksLikeXmrigRefusal(401, xmrigHeaders, JSON.stringify(UNAUTHORIZED_BODY))).toBe(true);
  });

  it('does not take any other 401 for XMRig', () => {
    expect(looksLikeXmrigRefusal(401, new Headers(), JSON.stringify(UNAUTHORIZED_BODY))).toBe(false);
    expect(looksLikeXmrigRefusal(401, xmrigHeaders, 'Unauthorized')).toBe(false);
    expect(looksLikeXmrigRefusal(200, xmrigHeaders, JSON.stringify(UNAUTHORIZED_BODY))).toBe(false);
  });
});
