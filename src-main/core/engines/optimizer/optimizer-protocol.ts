// What the optimizer worker offers the main thread. Time always comes from the main thread (`now`), so the same
// worker runs on the wall clock in the app and on a simulated clock in tests and benchmarks.
import type { OperatorLimits } from '../../../../src-shared/model/control.js';
import type {
  DeviceTuning,
  FingerprintResult,
  OptimizerSettings,
  SiteState,
} from '../../../../src-shared/model/optimizer.js';
import type { CommandOutcome, CoreOptions, RigInfo, TickResult } from './optimizer-core.js';
import type { Observation } from './observation.js';

export interface OptimizerWorkerData {
  /** Where the fingerprints and tuning state are kept; null: in memory. */
  file: string | null;
  core?: CoreOptions;
}

export interface OptimizerProtocol {
  methods: {
    configure: {
      params: { settings: OptimizerSettings; limits: OperatorLimits; now: number; pollIntervalMs: number };
      result: null;
    };
    syncRigs: { params: { rigs: RigInfo[] }; result: null };
    /** Readings as they arrive, a second's worth at a time (cheaper for the main thread than one large batch). */
    observe: { params: { observations: Observation[] }; result: null };
    /** One planning round: finished commands in, decisions out. */
    tick: {
      params: { now: number; outcomes: CommandOutcome[] };
      result: TickResult & { decisionMs: number };
    };
    status: { params: { now: number }; result: { site: SiteState; devices: DeviceTuning[] } };
    fingerprint: { params: { rigId: string; version?: number; now: number }; result: FingerprintResult };
    retune: { params: { rigIds: string[] }; result: null };
    /** Writes the state now (before a stop). */
    save: { params: Record<string, never>; result: null };
  };
  events: { problem: { message: string } };
}
