// The card the TeamRedMiner/sgminer rigs run, for the shared GPU model (../gpu/physics.ts): an AMD RX 580 8 GB on
// kawpow, about 13 MH/s at 1300 MHz core / 950 mV and 150 W at the card (public figures; TeamRedMiner mines on AMD
// GPUs only). Also what a miner restart does to the model, and the megahashes behind a share count.
import type { GpuType } from '../gpu/catalog.js';
import type { GpuRigPhysics } from '../gpu/physics.js';

export const RX580_KAWPOW: GpuType = {
  name: 'Radeon RX 580 Series',
  vendor: 'Sapphire',
  nominalClockMhz: 1300,
  minClockMhz: 900,
  maxClockMhz: 1450,
  nominalVoltageMv: 950,
  memoryClockMhz: 2000,
  nominalHashrateHs: 13_000_000,
  nominalPowerW: 150,
  idlePowerW: 30,
  maxFanRpm: 3300,
};

/** The shared model counts one share per 20 s of nominal hashing (../gpu/README.md): the MH behind one share. */
export function megahashesPerShare(rig: GpuRigPhysics): number {
  return (rig.type.nominalHashrateHs * 20) / 1e6;
}

/** A miner restart: uptime and share counters start again from zero; temperatures carry on. */
export function restartMiner(rig: GpuRigPhysics): void {
  rig.elapsedS = 0;
  for (const gpu of rig.gpus) {
    gpu.accepted = 0;
    gpu.rejected = 0;
    gpu.invalid = 0;
  }
}
