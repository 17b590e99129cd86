// Faults on a GPU rig, applied to the shared GPU model (../gpu/physics.ts). Physical ones map to cards: deadBoard N
// is GPU N dead (the miner reports it "Dead", rate 0), failingFan N is GPU N's fan stalled (rpm 0, the card heats),
// overheat is thermal runaway of the whole rig. A GPU has no chips to fail, so degradedBoard is refused. Network
// faults are handled by ../connection.ts.
import { sameFaultSlot, type Fault, type FaultKind } from '../faults.js';
import { startOverheat, stopOverheat, type GpuRigPhysics } from '../gpu/physics.js';

function wholeInRange(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number ${min}..${max}, got ${value}`);
  }
}

export function validateGpuFault(gpus: number, fault: Fault): void {
  switch (fault.kind) {
    case 'deadBoard':
      wholeInRange('GPU', fault.board, 0, gpus - 1);
      return;
    case 'failingFan':
      wholeInRange('GPU fan', fault.fan, 0, gpus - 1);
      return;
    case 'degradedBoard':
      throw new RangeError('a GPU has no chips to fail: use deadBoard for a failed card');
    case 'slowReplies':
      wholeInRange('delayMs', fault.delayMs, 0, 600_000);
      return;
    case 'trickle':
      wholeInRange('chunkBytes', fault.chunkBytes, 1, 1_048_576);
      wholeInRange('intervalMs', fault.intervalMs, 0, 60_000);
      return;
    case 'oversized':
      wholeInRange('sizeBytes', fault.sizeBytes, 1, 256 * 1024 * 1024);
      return;
    case 'unreachable':
    case 'overheat':
    case 'garbageReplies':
    case 'hang':
      return;
  }
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
