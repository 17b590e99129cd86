// Faults on a GPU rig, applied to the shared GPU model (../gpu/physics.ts). Physical ones map to cards: deadBoard N
// is GPU N dead (the miner reports it "Dead", rate 0), failingFan N is GPU N's fan stalled (rpm 0, the card heats),
// overheat is thermal runaway of the whole rig. A GPU has no chips to fail, so degradedBoard is refused. Network
// faults are handled by ../connection.ts.
import { validateFaultFor } from '../fault-validation.js';
import { sameFaultSlot, type Fault, type FaultKind } from '../faults.js';
import { startOverheat, stopOverheat, type GpuRigPhysics } from '../gpu/physics.js';

export function validateGpuFault(gpus: number, fault: Fault): void {
  validateFaultFor({ boards: gpus, chipsPerBoard: null, fans: gpus, boardName: 'GPU', fanName: 'GPU fan' }, fault);
}

export function withFault(faults: readonly Fault[], fault: Fault): Fault[] {
  return [...faults.filter((existing) => !sameFaultSlot(existing, fault)), fault];
}

export function withoutFault(faults: readonly Fault[], kind: FaultKind, target?: number): Fault[] {
  return faults.filter((fault) => {
    if (fault.kind !== kind) return true;
    if (target === undefined) return false;
    const slot = 'board' in fault ? fault.board : 'fan' in fault ? fault.fan : null;
    return slot !== target;
  });
}

export function applyGpuFaults(rig: GpuRigPhysics, faults: readonly Fault[]): void {
  for (const gpu of rig.gpus) {
    gpu.dead = faults.some((fault) => fault.kind === 'deadBoard' && fault.board === gpu.index);
    gpu.fanFailed = faults.some((fault) => fault.kind === 'failingFan' && fault.fan === gpu.index);
  }
  if (faults.some((fault) => fault.kind === 'overheat')) startOverheat(rig);
  else stopOverheat(rig);
}
