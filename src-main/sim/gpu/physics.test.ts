import { describe, expect, it } from 'vitest';
import { FRONT_ENDS } from './catalog.js';
import { advanceGpuRig, createGpuRig, gpuHashrateHs, gpuPowerW, settleGpuRig, startOverheat } from './physics.js';

const RTX = FRONT_ENDS.trex.gpu;
const T0 = 1_704_067_200_000;

function settled(seed = 7, count = 4) {
  const rig = createGpuRig(RTX, count, seed, T0);
  settleGpuRig(rig, 7200);
  return rig;
}

describe('GPU physics', () => {
  it('runs an average card near its nominal rate, power and temperature', () => {
    const rig = settled();
    for (const gpu of rig.gpus) {
      expect(gpuHashrateHs(rig, gpu) / RTX.nominalHashrateHs).toBeGreaterThan(0.9);
      expect(gpuHashrateHs(rig, gpu) / RTX.nominalHashrateHs).toBeLessThan(1.1);
      expect(gpuPowerW(rig, gpu) / RTX.nominalPowerW).toBeGreaterThan(0.8);
      expect(gpuPowerW(rig, gpu) / RTX.nominalPowerW).toBeLessThan(1.2);
      expect(gpu.tempC).toBeGreaterThan(55);
      expect(gpu.tempC).toBeLessThan(75);
    }
  });

  it('gives each card its own seeded lottery, the same for the same seed', () => {
    const a = settled(7);
    const b = settled(7);
    const c = settled(8);
    expect(a.gpus.map((gpu) => gpu.lottery)).toEqual(b.gpus.map((gpu) => gpu.lottery));
    expect(a.gpus[0]?.lottery).not.toEqual(a.gpus[1]?.lottery);
    expect(a.gpus[0]?.lottery).not.toEqual(c.gpus[0]?.lottery);
  });

  it('scales hashrate with clock and power with clock times voltage squared', () => {
    const rig = settled();
    const gpu = rig.gpus[0];
    if (!gpu) throw new Error('no GPU');
    const rate = gpuHashrateHs(rig, gpu);
    const power = gpuPowerW(rig, gpu);
    gpu.clockMhz = RTX.nominalClockMhz * 0.8;
    expect(gpuHashrateHs(rig, gpu) / rate).toBeCloseTo(0.8, 5);
    gpu.voltageMv = RTX.nominalVoltageMv * 0.9;
    const dynamicBefore = power - RTX.idlePowerW;
    const dynamicAfter = gpuPowerW(rig, gpu) - RTX.idlePowerW;
    expect(dynamicAfter / dynamicBefore).toBeCloseTo(0.8 * 0.81, 2);
  });

  it('takes a dead card to 0 H/s and lets it cool toward the air', () => {
    const rig = settled();
    const gpu = rig.gpus[1];
    if (!gpu) throw new Error('no GPU');
    gpu.dead = true;
    advanceGpuRig(rig, T0 + 10 * 60_000);
    expect(gpuHashrateHs(rig, gpu)).toBe(0);
    expect(gpu.tempC).toBeLessThan(35);
  });

  it('heats a card whose fan failed until it throttles and loses hashrate', () => {
    const rig = settled();
    const gpu = rig.gpus[2];
    if (!gpu) throw new Error('no GPU');
    const before = gpuHashrateHs(rig, gpu);
    gpu.fanFailed = true;
    advanceGpuRig(rig, T0 + 15 * 60_000);
    expect(gpu.tempC).toBeGreaterThan(83);
    expect(gpuHashrateHs(rig, gpu)).toBeLessThan(before * 0.95);
    expect(rig.gpus[0]?.tempC).toBeLessThan(75);
  });

  it('lets an overheating rig run hotter every minute', () => {
    const rig = settled();
    const before = rig.gpus.map((gpu) => gpu.tempC);
    startOverheat(rig);
    advanceGpuRig(rig, T0 + 5 * 60_000);
    rig.gpus.forEach((gpu, index) => expect(gpu.tempC).toBeGreaterThan((before[index] ?? 0) + 5));
  });

  it('counts shares as time passes, and none while paused', () => {
    const rig = settled();
    const gpu = rig.gpus[0];
    if (!gpu) throw new Error('no GPU');
    const accepted = gpu.accepted;
    advanceGpuRig(rig, T0 + 10 * 60_000);
    expect(gpu.accepted - accepted).toBeGreaterThan(20);
    gpu.paused = true;
    const paused = gpu.accepted;
    advanceGpuRig(rig, T0 + 20 * 60_000);
    expect(gpu.accepted).toBe(paused);
    expect(gpuPowerW(rig, gpu)).toBe(RTX.idlePowerW);
  });
});
