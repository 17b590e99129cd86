import { describe, expect, it } from 'vitest';
import { MANUAL_CLOCK_START_MS } from '../clock.js';
import { cpuThreadCount, defaultConfig } from './config.js';
import { XMRIG_MODELS } from './models.js';
import { advanceXmrig, createXmrigPhysics, gpuRate, settleXmrig, totalRate } from './physics.js';

function rig(kind: 'cpu' | 'gpu') {
  const physics = createXmrigPhysics(XMRIG_MODELS[kind], 9, MANUAL_CLOCK_START_MS);
  settleXmrig(physics, 3600);
  return physics;
}

describe('XMRig physics', () => {
  it('gives physical cores full shares and SMT siblings a quarter', () => {
    const cpu = rig('cpu');
    cpu.cpuThreads = 16;
    const cores = totalRate(cpu);
    cpu.cpuThreads = 32;
    expect(totalRate(cpu) / cores).toBeCloseTo(1.25, 1);
    cpu.cpuThreads = 8;
    expect(totalRate(cpu) / cores).toBeCloseTo(0.5, 1);
  });

  it('stops hashing while paused', () => {
    const gpu = rig('gpu');
    gpu.paused = true;
    expect(totalRate(gpu)).toBe(0);
  });

  it('puts two GPUs near 53 MH/s on KawPow and loses one when it dies', () => {
    const gpu = rig('gpu');
    expect(totalRate(gpu) / 53e6).toBeGreaterThan(0.95);
    expect(totalRate(gpu) / 53e6).toBeLessThan(1.05);
    const [first] = gpu.gpus;
    if (first) first.dead = true;
    expect(totalRate(gpu) / 24e6).toBeGreaterThan(0.9);
  });

  it('heats and throttles a GPU whose fan has failed', () => {
    const gpu = rig('gpu');
    const card = gpu.gpus[1];
    if (!card) throw new Error('the GPU rig has two cards');
    const before = { tempC: card.tempC, rate: gpuRate(gpu, card) };
    card.fanFailed = true;
    advanceXmrig(gpu, gpu.lastMs + 600_000);
    expect(card.tempC).toBeGreaterThan(before.tempC + 15);
    expect(gpuRate(gpu, card)).toBeLessThan(before.rate);
  });
});

describe('XMRig config', () => {
  it('counts the threads of the profile in use, following XMRig lookup and aliases', () => {
    const config = defaultConfig(XMRIG_MODELS.cpu, { token: null, restricted: true }, 8080);
    expect(cpuThreadCount(config, 'rx/0', 1)).toBe(32);
    const cpu = config['cpu'] as Record<string, unknown>;
    expect(cpuThreadCount({ ...config, cpu: { ...cpu, rx: [0, 1, 2] } }, 'rx/0', 1)).toBe(3);
    expect(cpuThreadCount({ ...config, cpu: { ...cpu, 'rx/0': 'custom', custom: [0, 1] } }, 'rx/0', 1)).toBe(2);
    expect(cpuThreadCount({ ...config, cpu: { ...cpu, enabled: false } }, 'rx/0', 1)).toBe(0);
  });
});
