// The optimizer worker's logic: one OptimizerCore, its state loaded from and saved to a JSON file (atomically; a
// damaged file is set aside and tuning starts over, which is safe: every device is re-measured where it runs).
import { JsonFile } from '../../storage/json-file.js';
import type { EmitEvent, WorkerHandlers } from '../worker-rpc.js';
import { OptimizerStateSchema, type OptimizerState } from './device-record.js';
import { OptimizerCore } from './optimizer-core.js';
import type { OptimizerProtocol, OptimizerWorkerData } from './optimizer-protocol.js';

/** Saving a thousand devices' fingerprints takes a few milliseconds; no more often than this. */
const SAVE_EVERY_MS = 5000;

export function optimizerHandlers(
  data: OptimizerWorkerData,
  emit: EmitEvent<OptimizerProtocol>,
): WorkerHandlers<OptimizerProtocol> {
  const empty = (): OptimizerState => ({ version: 1, devices: [] });
  const file = data.file ? new JsonFile(data.file, OptimizerStateSchema, empty) : null;
  const loaded = file?.load() ?? { value: empty(), problem: null };
  if (loaded.problem) emit('problem', { message: `Optimizer state ${loaded.problem}` });
  const core = new OptimizerCore(loaded.value, data.core ?? {});
  let lastSave = 0;
  const save = (force: boolean): void => {
    if (!file || (!core.unsaved && !force)) return;
    const now = Date.now();
    if (!force && now - lastSave < SAVE_EVERY_MS) return;
    lastSave = now;
    try {
      file.save(core.state());
      core.markSaved();
    } catch (error) {
      emit('problem', { message: `Optimizer state could not be saved: ${(error as Error).message}` });
    }
  };
  return {
    configure: ({ settings, limits, now, pollIntervalMs }) => {
      core.configure(settings, limits, now, pollIntervalMs);
      return null;
    },
    syncRigs: ({ rigs }) => {
      core.syncRigs(rigs);
      return null;
    },
    observe: ({ observations }) => {
      core.observe(observations);
      return null;
    },
    tick: ({ now, outcomes }) => {
      const started = performance.now();
      // Outcomes are applied once; a round that then fails must still hand back the reverts they called for.
      const follow = core.outcomes(outcomes, now);
      let result;
      try {
        result = core.tick(now);
      } catch (error) {
        emit('problem', { message: `A planning round failed: ${(error as Error).message}` });
        return { decisions: follow, devices: [], site: core.status(now).site, decisionMs: performance.now() - started };
      }
      const decisionMs = performance.now() - started;
      save(false);
      return { ...result, decisions: [...follow, ...result.decisions], decisionMs };
    },
    status: ({ now }) => core.status(now),
    fingerprint: ({ rigId, version, now }) => core.fingerprint(rigId, version, now),
    retune: ({ rigIds }) => {
      core.retune(rigIds);
      return null;
    },
    save: () => {
      save(true);
      return null;
    },
  };
}
