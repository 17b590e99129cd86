import { describe, expect, it } from 'vitest';
import { BACKENDS_6_17, SUMMARY_6_17 } from '../../core/drivers/xmrig/fixtures/xmrig.js';
import { MANUAL_CLOCK_START_MS } from '../clock.js';
import { defaultConfig } from './config.js';
import { XMRIG_MODELS, type XmrigRigKind } from './models.js';
import { createXmrigPhysics, settleXmrig } from './physics.js';
import { backendsReply, summaryReply } from './replies.js';

function context(kind: XmrigRigKind, uptimeS = 7200) {
  const model = XMRIG_MODELS[kind];
  const physics = createXmrigPhysics(model, 3, MANUAL_CLOCK_START_MS);
  settleXmrig(physics, uptimeS);
  const config = defaultConfig(model, { token: 't', restricted: false }, 8080);
  return { physics, config, restricted: false, seed: 3, host: '127.0.21.90', nowMs: MANUAL_CLOCK_START_MS };
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

describe('XMRig summary', () => {
  const summary = summaryReply(context('cpu'));

  it('has the key set of the real 6.17 summary (plus the algorithm list the fixture leaves out)', () => {
    expect(Object.keys(summary)).toEqual([
      ...Object.keys(SUMMARY_6_17).slice(0, -2),
      'algorithms',
      'hashrate',
      'hugepages',
    ]);
    for (const section of ['results', 'connection', 'resources', 'hashrate'] as const) {
      expect(Object.keys(summary[section] as object)).toEqual(Object.keys(SUMMARY_6_17[section]));
    }
    expect(Object.keys(summary['cpu'] as object)).toEqual([...Object.keys(SUMMARY_6_17.cpu), 'flags']);
  });

  it('keeps the real field types, a plain connection having tls null', () => {
    for (const [key, value] of Object.entries(SUMMARY_6_17)) expect(typeOf(summary[key]), key).toBe(typeOf(value));
    expect((summary['connection'] as Record<string, unknown>)['tls']).toBeNull();
  });

  it('reports about 18 kH/s for the 5950X on RandomX with 32 threads', () => {
    const total = (summary['hashrate'] as { total: number[] }).total;
    expect(total[0]).toBeGreaterThan(17_000);
    expect(total[0]).toBeLessThan(19_500);
  });

  it('leaves a window null until the miner has run that long', () => {
    const fresh = summaryReply(context('cpu', 30));
    expect((fresh['hashrate'] as { total: unknown[] }).total).toEqual([expect.any(Number), null, null]);
  });
});

describe('XMRig backends', () => {
  it('lists cpu, opencl and cuda in that order, with the real CPU entry keys', () => {
    const backends = backendsReply(context('cpu')) as Array<Record<string, unknown>>;
    expect(backends.map((backend) => [backend['type'], backend['enabled']])).toEqual([
      ['cpu', true],
      ['opencl', false],
      ['cuda', false],
    ]);
    expect(Object.keys(backends[0] ?? {})).toEqual(Object.keys(BACKENDS_6_17[0] ?? {}));
    expect(backends[0]?.['threads']).toHaveLength(32);
  });

  it('gives each GPU its health block: NVML fan percent on CUDA, ADL rpm on OpenCL', () => {
    const backends = backendsReply(context('gpu')) as Array<Record<string, unknown>>;
    const [cpu, opencl, cuda] = backends;
    expect(cpu?.['enabled']).toBe(false);
    const cudaThread = (cuda?.['threads'] as Array<Record<string, unknown>>)[0] ?? {};
    const docThread = (BACKENDS_6_17[1]?.threads[0] ?? {}) as Record<string, unknown>;
    expect(Object.keys(cudaThread)).toEqual(Object.keys(docThread).filter((key) => key !== 'dataset_host'));
    expect(Object.keys(cudaThread['health'] as object)).toEqual([
      'temperature',
      'power',
      'clock',
      'mem_clock',
      'fan_speed',
    ]);
    const openclHealth = ((opencl?.['threads'] as Array<Record<string, unknown>>)[0] ?? {})['health'];
    expect(Object.keys(openclHealth as object)).toEqual(['temperature', 'power', 'clock', 'mem_clock', 'rpm']);
  });
});
