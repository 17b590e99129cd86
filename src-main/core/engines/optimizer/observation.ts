// One poll of a device as the optimizer needs it: small, plain data that crosses to the worker thread. Built from the
// fleet's snapshot on the main thread; the time is the engine's clock (simulated in tests and benchmarks), not the
// moment the socket answered.
import type { RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { DeviceSetting } from '../../../../src-shared/model/optimizer.js';

export interface Observation {
  rigId: string;
  t: number;
  hashrateThs: number | null;
  /** Measured power; null when the firmware reports none. */
  powerW: number | null;
  /** An estimate from the model's nominal figures where no power is measured: counted under the cap, never tuned on. */
  estimatedPowerW: number | null;
  chipTempC: number | null;
  boards: { index: number; hashrateThs: number | null; chipTempC: number | null }[];
  hardwareErrors: number | null;
  setting: DeviceSetting;
  paused: boolean;
}

export function observationOf(rigId: string, snapshot: RigSnapshot, t: number): Observation {
  return {
    rigId,
    t,
    hashrateThs: snapshot.hashrateThs,
    powerW: snapshot.powerIsEstimate ? null : snapshot.powerW,
    estimatedPowerW: snapshot.powerIsEstimate ? snapshot.powerW : null,
    chipTempC: snapshot.maxChipTempC,
    boards: snapshot.boards.map((board) => ({
      index: board.index,
      hashrateThs: board.hashrateThs,
      chipTempC: board.chipTempC,
    })),
    hardwareErrors: snapshot.hardwareErrors,
    setting: {
      frequencyMhz: snapshot.control.frequencyMhz,
      voltageMv: snapshot.control.voltageMv,
      powerTargetW: snapshot.control.powerTargetW,
    },
    paused: snapshot.control.paused === true,
  };
}
