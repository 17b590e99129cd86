// The rig changes one optimizer decision becomes, in a safe order: a clock never runs ahead of the voltage it needs
// (voltage goes up before the clock does, and the clock comes down before the voltage does), a sleeping device is
// woken before it is set, and a knob already where it should be is left alone.
import type { RigChange } from '../../../../src-shared/model/control.js';
import type { DeviceSetting } from '../../../../src-shared/model/optimizer.js';

/** `resendAll`: send every knob of `to` even where the reading says it is already there (a revert). */
export function changesFor(
  to: DeviceSetting,
  current: DeviceSetting | null,
  sleep: boolean | null,
  resendAll = false,
): RigChange[] {
  const differs = (wanted: number, reported: number | null | undefined) => resendAll || wanted !== reported;
  if (sleep === true) return [{ kind: 'pause' }];
  const changes: RigChange[] = sleep === false ? [{ kind: 'resume' }] : [];
  if (to.powerTargetW !== null && differs(to.powerTargetW, current?.powerTargetW)) {
    changes.push({ kind: 'powerTarget', watts: Math.round(to.powerTargetW) });
  }
  const frequency: RigChange | null =
    to.frequencyMhz !== null && differs(to.frequencyMhz, current?.frequencyMhz)
      ? { kind: 'frequency', mhz: Math.round(to.frequencyMhz) }
      : null;
  const voltage: RigChange | null =
    to.voltageMv !== null && differs(to.voltageMv, current?.voltageMv)
      ? { kind: 'voltage', millivolts: Math.round(to.voltageMv) }
      : null;
  // With the voltage known, raise it before the clock and lower it after; unknown, follow the clock's direction.
  const voltageFirst =
    current?.voltageMv != null && to.voltageMv !== null
      ? to.voltageMv > current.voltageMv
      : !(current?.frequencyMhz != null && to.frequencyMhz !== null && to.frequencyMhz < current.frequencyMhz);
  const ordered = voltageFirst ? [voltage, frequency] : [frequency, voltage];
  for (const change of ordered) if (change) changes.push(change);
  return changes;
}
