// The one interface every firmware family implements (../shared/DESIGN.md, "Drivers"). Drivers only speak the
// protocol: limits, auditing, read-back and rollback are the fleet's command queue's job, so every family gets them.
import type { Capabilities, RigChange } from '../../../src-shared/model/control.js';
import type { RigFamily, RigIdentity, RigSnapshot } from '../../../src-shared/model/rig.js';
import type { ParseOutcome } from './cgminer/parse.js';

export interface ProbeTarget {
  host: string;
  port: number;
  /** Bounds the whole probe: a probe must give up by itself within this time even if the signal never fires. */
  timeoutMs: number;
  /**
   * The host's reply to the CGMiner-API `version` command on this port, asked once and shared by every family that
   * speaks that API (they tell themselves apart by it, see cgminer/flavour.ts), so a host costs one exchange.
   */
  cgminerVersion: () => Promise<ParseOutcome>;
  /** The family's default API token where the operator set one: some HTTP APIs answer nothing without it. */
  credential?: string | null;
}

export interface ReadTarget {
  identity: RigIdentity;
  timeoutMs: number;
  /**
   * The rig's API token where its capabilities ask for one: some firmwares (XMRig with an access token) refuse even
   * reads without it. Admin passwords are not sent on reads.
   */
  credential?: string | null;
}

export interface ApplyTarget extends ReadTarget {
  /** The decrypted admin password or API token when capabilities() asks for one; never logged, never stored here. */
  credential: string | null;
}

export interface Driver {
  readonly family: RigFamily;
  /** Ports this family listens on; discovery asks a driver only about these ports. */
  readonly ports: readonly number[];
  /** Cheap: answers null for anything that is not this family, never throws. */
  probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null>;
  /** Throws a RigwiseError (RIG_UNREACHABLE, RIG_BAD_REPLY, RIG_ERROR) when the rig cannot be read. */
  read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot>;
  /** What apply() can do on this model and firmware. */
  capabilities(identity: RigIdentity): Capabilities;
  /**
   * Sends one change. Resolves when the rig accepted it (not when it took effect: the queue reads back); throws a
   * RigwiseError when the rig refused it (RIG_ERROR, UNAUTHORIZED) or could not be reached.
   */
  apply(target: ApplyTarget, change: RigChange, signal: AbortSignal): Promise<void>;
}
