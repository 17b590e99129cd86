// What each simulated GPU miner runs on: the card, its nominal operating point, and the miner version whose reply
// layout the front end reproduces. Operating points are taken from the captures where they give one (T-Rex 0.19.5:
// RTX 3080 at 91.2 MH/s, 237 W, fan 54 %, 65 °C; lolMiner 1.16a: Radeon VII at ~75.5 MH/s, ~165 W; SRBMiner 0.1.8:
// Vega at ~1.05 GH/s kadena, 1408 MHz core, 500 MHz memory) and are plausible public figures otherwise.

export type GpuMiner = 'trex' | 'lolminer' | 'gminer' | 'srbminer';
export const GPU_MINERS: readonly GpuMiner[] = ['trex', 'lolminer', 'gminer', 'srbminer'];

export interface GpuType {
  /** The name the miner reports for the card. */
  name: string;
  /** The board vendor (T-Rex "vendor"). */
  vendor: string;
  nominalClockMhz: number;
  minClockMhz: number;
  maxClockMhz: number;
  nominalVoltageMv: number;
  memoryClockMhz: number;
  /** In the miner's own unit before conversion: H/s, or Sol/s for Equihash (one solution read as one hash). */
  nominalHashrateHs: number;
  nominalPowerW: number;
  /** What the card draws when loaded but not hashing (paused, or crashed but still powered). */
  idlePowerW: number;
  maxFanRpm: number;
}

export interface FrontEnd {
  miner: GpuMiner;
  /**
   * The port the driver looks on first. These mirror the drivers' choices (T-Rex's documented 4067; HiveOS's
   * MINER_API_PORT for the other three) and are repeated here because the simulator imports nothing from core/.
   */
  defaultPort: number;
  version: string;
  algorithm: string;
  gpu: GpuType;
}

export const FRONT_ENDS: Record<GpuMiner, FrontEnd> = {
  trex: {
    miner: 'trex',
    defaultPort: 4067,
    version: '0.24.6',
    algorithm: 'ethash',
    gpu: {
      name: 'RTX 3080',
      vendor: 'EVGA',
      nominalClockMhz: 1365,
      minClockMhz: 600,
      maxClockMhz: 1950,
      nominalVoltageMv: 850,
      memoryClockMhz: 9501,
      nominalHashrateHs: 91_200_000,
      nominalPowerW: 237,
      idlePowerW: 28,
      maxFanRpm: 3400,
    },
  },
  lolminer: {
    miner: 'lolminer',
    defaultPort: 44444,
    version: '1.16a',
    algorithm: 'Ethash',
    gpu: {
      name: 'AMD Radeon VII',
      vendor: 'AMD',
      nominalClockMhz: 1750,
      minClockMhz: 800,
      maxClockMhz: 1800,
      nominalVoltageMv: 1000,
      memoryClockMhz: 1000,
      nominalHashrateHs: 75_500_000,
      nominalPowerW: 165,
      idlePowerW: 22,
      maxFanRpm: 3800,
    },
  },
  gminer: {
    miner: 'gminer',
    defaultPort: 42010,
    version: '1.34',
    algorithm: 'Equihash 150,5 "Beam-PoW"',
    gpu: {
      name: 'ASUS GeForce GTX 1080 Ti 11GB',
      vendor: 'ASUS',
      nominalClockMhz: 1600,
      minClockMhz: 700,
      maxClockMhz: 1900,
      nominalVoltageMv: 1000,
      memoryClockMhz: 5505,
      nominalHashrateHs: 31,
      nominalPowerW: 220,
      idlePowerW: 25,
      maxFanRpm: 3000,
    },
  },
  srbminer: {
    miner: 'srbminer',
    defaultPort: 21550,
    version: '0.5.6',
    algorithm: 'kadena',
    gpu: {
      name: 'radeon_rx_vega',
      vendor: 'AMD',
      nominalClockMhz: 1408,
      minClockMhz: 800,
      maxClockMhz: 1600,
      nominalVoltageMv: 950,
      memoryClockMhz: 500,
      nominalHashrateHs: 1_050_000_000,
      nominalPowerW: 180,
      idlePowerW: 20,
      maxFanRpm: 3600,
    },
  },
};

/** The model name the family's driver reports for a rig of `count` such cards (see gpu-common/identity.ts). */
export function gpuRigModelName(frontEnd: FrontEnd, count: number): string {
  return `${count}× ${frontEnd.gpu.name}`;
}
