import type { RigId } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';
import type { ActivityFilter } from './audit-entries.js';
import { DEFAULT_DIRECTION } from './fleet-selectors.js';
import type { FleetSort, SortKey, StatusFilter } from './fleet-selectors.js';

export type OpenPanel = 'rig' | 'settings' | null;
/** The main area: the fleet dashboard, the Activity (audit log) view or the Optimizer view. */
export type Page = 'fleet' | 'activity' | 'optimizer';

export const NO_CHECKED_RIGS: ReadonlySet<RigId> = new Set();

export interface UiSlice {
  sort: FleetSort;
  filterText: string;
  statusFilter: StatusFilter;
  selectedRigId: RigId | null;
  settingsOpen: boolean;
  page: Page;
  activityFilter: ActivityFilter;
  /** Rigs ticked in the fleet table for a bulk change (not the rig open in the detail panel). */
  checkedRigIds: ReadonlySet<RigId>;
  /** Clicking the sorted column flips it; clicking another column sorts by it in that column's natural direction. */
  sortBy: (key: SortKey) => void;
  setFilterText: (text: string) => void;
  setStatusFilter: (filter: StatusFilter) => void;
  /** One side panel at a time: opening a rig closes settings and the other way round. */
  selectRig: (rigId: RigId | null) => void;
  setSettingsOpen: (open: boolean) => void;
  showPage: (page: Page) => void;
  setActivityFilter: (filter: Partial<ActivityFilter>) => void;
  /** Opens the Activity view on one rig's entries (from the rig's detail panel). */
  showRigActivity: (rigId: RigId) => void;
  setRigsChecked: (rigIds: readonly RigId[], checked: boolean) => void;
  clearChecked: () => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  sort: { key: 'address', direction: 'asc' },
  filterText: '',
  statusFilter: 'all',
  selectedRigId: null,
  settingsOpen: false,
  page: 'fleet',
  activityFilter: { rigId: null, result: 'all' },
  checkedRigIds: NO_CHECKED_RIGS,
  sortBy: (key) => {
    const { sort } = get();
    const direction = sort.key !== key ? DEFAULT_DIRECTION[key] : sort.direction === 'asc' ? 'desc' : 'asc';
    set({ sort: { key, direction } });
  },
  setFilterText: (filterText) => set({ filterText }),
  setStatusFilter: (statusFilter) => set({ statusFilter }),
  selectRig: (selectedRigId) =>
    set(selectedRigId === null ? { selectedRigId } : { selectedRigId, settingsOpen: false }),
  setSettingsOpen: (settingsOpen) => set(settingsOpen ? { settingsOpen, selectedRigId: null } : { settingsOpen }),
  showPage: (page) => set({ page }),
  setActivityFilter: (filter) => set({ activityFilter: { ...get().activityFilter, ...filter } }),
  showRigActivity: (rigId) => set({ page: 'activity', activityFilter: { rigId, result: 'all' }, selectedRigId: null }),
  setRigsChecked: (rigIds, checked) => {
    const current = get().checkedRigIds;
    const next = new Set(current);
    for (const rigId of rigIds) {
      if (checked) next.add(rigId);
      else next.delete(rigId);
    }
    if (next.size !== current.size || [...next].some((rigId) => !current.has(rigId))) set({ checkedRigIds: next });
  },
  clearChecked: () => {
    if (get().checkedRigIds.size > 0) set({ checkedRigIds: NO_CHECKED_RIGS });
  },
});
