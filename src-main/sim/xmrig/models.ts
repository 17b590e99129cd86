// The XMRig rigs the simulator can be: a CPU rig mining RandomX, and a GPU rig with two cards (one on XMRig's OpenCL
// backend, one on CUDA) mining KawPow with its CPU backend off. CPU fields mirror the summary's "cpu" block
// (xmrig/xmrig doc/api/2/summary.json); hashrates and board power are typical published figures, rounded.

export type XmrigRigKind = 'cpu' | 'gpu';

export interface CpuSpec {
  brand: string;
  family: number;
  model: number;
  stepping: number;
  cores: number;
  threads: number;
  l2: number;
  l3: number;
  assembly: 'intel' | 'ryzen';
  msr: 'intel' | 'ryzen';
}

export interface GpuSpec {
  backend: 'cuda' | 'opencl';
  name: string;
  busId: string;
  nominalHs: number;
  nominalPowerW: number;
  clockMhz: number;
  memClockMhz: number;
  globalMemBytes: number;
  /** OpenCL (ADL) reports fan rpm; CUDA (NVML) reports fan percent. */
  fanMaxRpm: number;
}

export interface XmrigRigModel {
  kind: XmrigRigKind;
  /** What the XMRig driver must report as RigIdentity.model: the CPU brand, shortened. */
  identityModel: string;
  cpu: CpuSpec;
  algo: string;
  /** Whether the CPU backend mines (the GPU rig keeps it off, as KawPow is GPU-only). */
  cpuMining: boolean;
  /** H/s one physical core gives on this algorithm; SMT siblings add a quarter of that. */
  cpuHsPerCore: number;
  gpus: readonly GpuSpec[];
  defaultPool: { url: string; user: string };
}

export const XMRIG_MODELS: Readonly<Record<XmrigRigKind, XmrigRigModel>> = {
  cpu: {
    kind: 'cpu',
    identityModel: 'XMRig on AMD Ryzen 9 5950X',
    cpu: {
      brand: 'AMD Ryzen 9 5950X 16-Core Processor',
      family: 25,
      model: 33,
      stepping: 0,
      cores: 16,
      threads: 32,
      l2: 8_388_608,
      l3: 67_108_864,
      assembly: 'ryzen',
      msr: 'ryzen',
    },
    algo: 'rx/0',
    cpuMining: true,
    // 16 cores + 16 SMT threads at a quarter: 20 core-equivalents for ~18 kH/s, the usual 5950X RandomX figure.
    cpuHsPerCore: 900,
    gpus: [],
    defaultPool: { url: 'pool.supportxmr.test:3333', user: '48simulatedMoneroWalletAddressForRigwiseTests' },
  },
  gpu: {
    kind: 'gpu',
    identityModel: 'XMRig on Intel Core i5-10400',
    cpu: {
      brand: 'Intel(R) Core(TM) i5-10400 CPU @ 2.90GHz',
      family: 6,
      model: 165,
      stepping: 3,
      cores: 6,
      threads: 12,
      l2: 1_572_864,
      l3: 12_582_912,
      assembly: 'intel',
      msr: 'intel',
    },
    algo: 'kawpow',
    cpuMining: false,
    cpuHsPerCore: 0,
    gpus: [
      {
        backend: 'opencl',
        name: 'AMD Radeon RX 6800',
        busId: '03:00.0',
        nominalHs: 29_000_000,
        nominalPowerW: 160,
        clockMhz: 2105,
        memClockMhz: 1000,
        globalMemBytes: 17_163_091_968,
        fanMaxRpm: 3300,
      },
      {
        backend: 'cuda',
        name: 'NVIDIA GeForce RTX 3070',
        busId: '01:00.0',
        nominalHs: 24_000_000,
        nominalPowerW: 135,
        clockMhz: 1725,
        memClockMhz: 7001,
        globalMemBytes: 8_589_934_592,
        fanMaxRpm: 3000,
      },
    ],
    defaultPool: { url: 'rvn.kawpow.pool.test:4444', user: 'RSimulatedRavencoinAddressForRigwise' },
  },
};
