import type { RigId } from '../../../src-shared/model/index.js';
import type { DeviceTuning } from '../../../src-shared/model/optimizer.js';

// The devices table's logic: its order and which rows offer Retune.

// numeric: "rig-9" before "rig-10", as an operator numbers their racks.
const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Every device, by rig name (then rig id, so equal names keep a stable order between updates). */
export function sortDevicesByName(byId: Readonly<Record<RigId, DeviceTuning>>): DeviceTuning[] {
  return Object.values(byId).sort((a, b) => byName.compare(a.rigName, b.rigName) || byName.compare(a.rigId, b.rigId));
}

/** A failed device waits for the operator; a tuned one may be worth exploring again (new firmware, a new season). */
export function canRetune(device: Pick<DeviceTuning, 'state'>): boolean {
  return device.state === 'failed' || device.state === 'tuned';
}

export function failedRigIds(devices: readonly DeviceTuning[]): RigId[] {
  return devices.flatMap((device) => (device.state === 'failed' ? [device.rigId] : []));
}
