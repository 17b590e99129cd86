import type { ApiErrorValue, MethodResult } from '../../src-shared/api/index.js';
import type { ConnectionState } from '../api/connection.js';
import type { SliceCreator } from './app-state.js';

export type AppInfo = MethodResult<'app.info'>;

export interface ConnectionSlice {
  connectionState: ConnectionState;
  /** Which engine we talk to (version, shell, demo mode); null until the first sync. */
  appInfo: AppInfo | null;
  /** Why the last sync with the engine failed, shown as a banner; null when it worked. */
  syncError: ApiErrorValue | null;
  setConnectionState: (state: ConnectionState) => void;
  receiveAppInfo: (info: AppInfo) => void;
  setSyncError: (error: ApiErrorValue | null) => void;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set) => ({
  connectionState: 'connecting',
  appInfo: null,
  syncError: null,
  setConnectionState: (connectionState) => set({ connectionState }),
  receiveAppInfo: (appInfo) => set({ appInfo }),
  setSyncError: (syncError) => set({ syncError }),
});
