// What every virtual rig offers, whatever protocol it serves: the mixed farm, tests and benchmarks work through this.
import type { RigFamily } from '../../src-shared/model/rig.js';
import type { Fault, FaultKind } from './faults.js';

export interface SimulatedRig {
  readonly host: string;
  /** The port of its main API (4028 for the CGMiner-API families, 80 for AxeOS, ...). */
  readonly port: number;
  /** The driver family that must identify it. */
  readonly family: RigFamily;
  /** The model name its driver must report (RigIdentity.model). */
  readonly modelName: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  injectFault(fault: Fault): Promise<void>;
  clearFault(kind: FaultKind, target?: number): Promise<void>;
}
