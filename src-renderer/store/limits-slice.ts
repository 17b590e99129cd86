import type { ApiErrorValue, EngineClient } from '../../src-shared/api/index.js';
import type { OperatorLimits } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';

export interface LimitsSlice {
  /** The operator's safety limits as the engine enforces them; null until loaded. */
  limits: OperatorLimits | null;
  receiveLimits: (limits: OperatorLimits) => void;
  /** Resolves to null when saved, or the engine's error value to show by the form. */
  updateLimits: (limits: OperatorLimits) => Promise<ApiErrorValue | null>;
}

export function createLimitsSlice(client: EngineClient): SliceCreator<LimitsSlice> {
  return (set) => ({
    limits: null,
    receiveLimits: (limits) => set({ limits }),
    updateLimits: async (limits) => {
      const outcome = await client.call('limits.update', { limits });
      if (outcome.error) return outcome.error;
      set({ limits: outcome.data });
      return null;
    },
  });
}
