import type { StateCreator } from 'zustand/vanilla';
import type { AuditSlice } from './audit-slice.js';
import type { CapabilitiesSlice } from './capabilities-slice.js';
import type { ConnectionSlice } from './connection-slice.js';
import type { ControlSlice } from './control-slice.js';
import type { DiscoverySlice } from './discovery-slice.js';
import type { FleetSlice } from './fleet-slice.js';
import type { HistorySlice } from './history-slice.js';
import type { LimitsSlice } from './limits-slice.js';
import type { OptimizerSlice } from './optimizer-slice.js';
import type { SettingsSlice } from './settings-slice.js';
import type { TelemetrySlice } from './telemetry-slice.js';
import type { UiSlice } from './ui-slice.js';

/** The whole renderer state: one store assembled from typed slices, each owning its fields and actions. */
export type AppState = FleetSlice &
  DiscoverySlice &
  SettingsSlice &
  ConnectionSlice &
  UiSlice &
  ControlSlice &
  CapabilitiesSlice &
  AuditSlice &
  LimitsSlice &
  HistorySlice &
  TelemetrySlice &
  OptimizerSlice;

/** A slice sees (and may set) the whole state, so an action can keep related slices consistent in one update. */
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
