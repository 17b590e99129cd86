// The true best efficiency of a simulated device, from the simulator's hidden model (which the engine never reads):
// the reference the optimizer's tests and benchmark measure its result against. A point counts only if it is stable
// by the same rule the optimizer applies (at most 1.5 % of the work lost to errors) and would not trip the device's
// overheat protection.
import type { DeviceSetting } from '../../src-shared/model/optimizer.js';
import type { VirtualBitaxe } from '../sim/axeos/rig.js';
import type { VirtualBosminer } from '../sim/bosminer/rig.js';

export const STABLE_ERROR_FRACTION = 0.015;

export interface TruePoint {
  setting: DeviceSetting;
  efficiencyJPerTh: number;
}

export type TunableSimRig = VirtualBitaxe | VirtualBosminer;

/**
 * What the device truly delivers at a setting, whether or not the stability rule would accept it: J/TH of the work
 * credited (errors included) and the share of work lost to errors. For judging where the optimizer left a device.
 */
export function trueDeliveryAt(
  rig: TunableSimRig,
  setting: DeviceSetting,
): { efficiencyJPerTh: number; errorFraction: number } {
  if (rig.family === 'axeos') {
    if (setting.frequencyMhz === null || setting.voltageMv === null)
      return { efficiencyJPerTh: Infinity, errorFraction: 1 };
    const state = rig.steadyStateAt(setting.frequencyMhz, setting.voltageMv);
    const efficiency = state.protectionTripped || state.hashrateThs <= 0 ? Infinity : state.powerW / state.hashrateThs;
    return { efficiencyJPerTh: efficiency, errorFraction: state.errorFraction };
  }
  return { efficiencyJPerTh: trueEfficiencyAt(rig, setting), errorFraction: 0 };
}

/** J/TH the device truly settles at with this setting (Infinity if unstable or protected). */
export function trueEfficiencyAt(rig: TunableSimRig, setting: DeviceSetting): number {
  if (rig.family === 'axeos') {
    if (setting.frequencyMhz === null || setting.voltageMv === null) return Infinity;
    const state = rig.steadyStateAt(setting.frequencyMhz, setting.voltageMv);
    if (state.protectionTripped || state.errorFraction > STABLE_ERROR_FRACTION || state.hashrateThs <= 0)
      return Infinity;
    return state.powerW / state.hashrateThs;
  }
  if (setting.powerTargetW === null) return Infinity;
  const state = rig.steadyStateAt(setting.powerTargetW);
  return state.hashrateThs > 0 ? state.powerW / state.hashrateThs : Infinity;
}

/** The best stable point over a fine grid of the device's whole range (5 MHz x 5 mV, or 10 W). */
export function trueOptimum(rig: TunableSimRig): TruePoint {
  let best: TruePoint = {
    setting: { frequencyMhz: null, voltageMv: null, powerTargetW: null },
    efficiencyJPerTh: Infinity,
  };
  const consider = (setting: DeviceSetting): void => {
    const efficiency = trueEfficiencyAt(rig, setting);
    if (efficiency < best.efficiencyJPerTh) best = { setting, efficiencyJPerTh: efficiency };
  };
  if (rig.family === 'axeos') {
    const frequencies = rig.model.frequencyOptionsMhz;
    const voltages = rig.model.voltageOptionsMv;
    const [fMin, fMax] = [Math.min(...frequencies), Math.max(...frequencies)];
    const [vMin, vMax] = [Math.min(...voltages), Math.max(...voltages)];
    for (let f = fMin; f <= fMax; f += 5) {
      for (let v = vMin; v <= vMax; v += 5) consider({ frequencyMhz: f, voltageMv: v, powerTargetW: null });
    }
  } else {
    const { min, max } = rig.model.powerTargetW;
    for (let w = min; w <= max; w += 10) consider({ frequencyMhz: null, voltageMv: null, powerTargetW: w });
  }
  return best;
}

/** The settings a simulated device ships with. */
export function stockSetting(rig: TunableSimRig): DeviceSetting {
  return rig.family === 'axeos'
    ? { frequencyMhz: rig.model.nominalFrequencyMhz, voltageMv: rig.model.nominalVoltageMv, powerTargetW: null }
    : { frequencyMhz: null, voltageMv: null, powerTargetW: rig.model.stockPowerW };
}
