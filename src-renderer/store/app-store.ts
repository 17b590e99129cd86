import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { EngineClient } from '../../src-shared/api/index.js';
import type { AppState } from './app-state.js';
import { createAuditSlice } from './audit-slice.js';
import { createCapabilitiesSlice } from './capabilities-slice.js';
import { createConnectionSlice } from './connection-slice.js';
import { createControlSlice } from './control-slice.js';
import { createDiscoverySlice } from './discovery-slice.js';
import { createFleetSlice } from './fleet-slice.js';
import { createHistorySlice } from './history-slice.js';
import { createLimitsSlice } from './limits-slice.js';
import { createOptimizerSlice } from './optimizer-slice.js';
import { createSettingsSlice } from './settings-slice.js';
import { createTelemetrySlice } from './telemetry-slice.js';
import { createUiSlice } from './ui-slice.js';

export type AppStore = StoreApi<AppState>;

/** A vanilla store (no React needed), so effects and tests can drive it directly; React reads it through selectors. */
export function createAppStore(client: EngineClient): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createFleetSlice(client)(...args),
    ...createDiscoverySlice(client)(...args),
    ...createSettingsSlice(client)(...args),
    ...createConnectionSlice(...args),
    ...createUiSlice(...args),
    ...createControlSlice(client)(...args),
    ...createCapabilitiesSlice(client)(...args),
    ...createAuditSlice(client)(...args),
    ...createLimitsSlice(client)(...args),
    ...createHistorySlice(client)(...args),
    ...createTelemetrySlice(client)(...args),
    ...createOptimizerSlice(client)(...args),
  }));
}
