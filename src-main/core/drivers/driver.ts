// The one interface every firmware family implements (../shared/DESIGN.md, "Drivers"). Control (apply, capabilities)
// joins it with the drivers issue; discovery and polling need only probe and read.
import type { RigFamily, RigIdentity, RigSnapshot } from '../../../src-shared/model/rig.js';

export interface ProbeTarget {
  host: string;
  port: number;
  /** Bounds the whole probe: a probe must give up by itself within this time even if the signal never fires. */
  timeoutMs: number;
}

export interface ReadTarget {
  identity: RigIdentity;
  timeoutMs: number;
}

export interface Driver {
  readonly family: RigFamily;
  /** Ports this family listens on; discovery only asks a driver about hosts with one of them open. */
  readonly ports: readonly number[];
  /** Cheap: answers null for anything that is not this family, never throws. */
  probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null>;
  /** Throws a RigwiseError (RIG_UNREACHABLE, RIG_BAD_REPLY, RIG_ERROR) when the rig cannot be read. */
  read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot>;
}
