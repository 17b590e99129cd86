import type { ApiErrorValue, EngineClient } from '../../src-shared/api/index.js';
import type { ScanProgress } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';
import { mergeScanProgress } from './scan-progress.js';

export interface DiscoverySlice {
  /** The scan running now, or the last one that ran (kept so its result stays on screen). */
  scan: ScanProgress | null;
  /** The engine refused to start or cancel a scan (bad range, range too large, already scanning). */
  scanRequestError: ApiErrorValue | null;
  /** A start request is on its way: the Scan button stays disabled so a double click starts one scan. */
  scanStarting: boolean;
  receiveScanProgress: (progress: ScanProgress) => void;
  startScan: (range: string) => Promise<void>;
  cancelScan: () => Promise<void>;
}

export function createDiscoverySlice(client: EngineClient): SliceCreator<DiscoverySlice> {
  return (set, get) => ({
    scan: null,
    scanRequestError: null,
    scanStarting: false,
    receiveScanProgress: (progress) => set({ scan: mergeScanProgress(get().scan, progress) }),
    startScan: async (range) => {
      set({ scanStarting: true, scanRequestError: null });
      const outcome = await client.call('discovery.start', { range });
      if (outcome.error) {
        set({ scanStarting: false, scanRequestError: outcome.error });
        return;
      }
      set({ scanStarting: false, scan: mergeScanProgress(get().scan, outcome.data) });
    },
    cancelScan: async () => {
      const { scan } = get();
      if (scan === null || scan.state !== 'running') return;
      const outcome = await client.call('discovery.cancel', { scanId: scan.scanId });
      if (outcome.error) {
        set({ scanRequestError: outcome.error });
        return;
      }
      set({ scanRequestError: null, scan: mergeScanProgress(get().scan, outcome.data) });
    },
  });
}
