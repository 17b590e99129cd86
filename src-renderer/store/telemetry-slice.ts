import type { ApiErrorValue, EngineClient } from '../../src-shared/api/index.js';
import type { TelemetryStatus } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';

export interface TelemetrySlice {
  /** How the history store is doing (file, size, oldest data, a problem); null until the engine has said. */
  telemetryStatus: TelemetryStatus | null;
  /** Why `telemetry.status` could not be read (the history cannot answer at all); null when it could. */
  telemetryStatusError: ApiErrorValue | null;
  /** The `at` of a storage problem the operator dismissed: the banner stays away until a different one appears. */
  dismissedStorageProblemAt: number | null;
  receiveTelemetryStatus: (status: TelemetryStatus) => void;
  /** On (re)connect and while the settings panel shows the storage figures, which no event keeps current. */
  loadTelemetryStatus: () => Promise<ApiErrorValue | null>;
  dismissStorageProblem: (at: number) => void;
}

export function createTelemetrySlice(client: EngineClient): SliceCreator<TelemetrySlice> {
  return (set) => ({
    telemetryStatus: null,
    telemetryStatusError: null,
    dismissedStorageProblemAt: null,
    receiveTelemetryStatus: (telemetryStatus) => set({ telemetryStatus, telemetryStatusError: null }),
    loadTelemetryStatus: async () => {
      const outcome = await client.call('telemetry.status', {});
      if (outcome.error) {
        set({ telemetryStatusError: outcome.error });
        return outcome.error;
      }
      set({ telemetryStatus: outcome.data, telemetryStatusError: null });
      return null;
    },
    dismissStorageProblem: (dismissedStorageProblemAt) => set({ dismissedStorageProblemAt }),
  });
}
