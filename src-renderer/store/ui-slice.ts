import type { RigId } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';
import { DEFAULT_DIRECTION } from './fleet-selectors.js';
import type { FleetSort, SortKey, StatusFilter } from './fleet-selectors.js';

export type OpenPanel = 'rig' | 'settings' | null;

export interface UiSlice {
  sort: FleetSort;
  filterText: string;
  statusFilter: StatusFilter;
  selectedRigId: RigId | null;
  settingsOpen: boolean;
  /** Clicking the sorted column flips it; clicking another column sorts by it in that column's natural direction. */
  sortBy: (key: SortKey) => void;
  setFilterText: (text: string) => void;
  setStatusFilter: (filter: StatusFilter) => void;
  /** One side panel at a time: opening a rig closes settings and the other way round. */
  selectRig: (rigId: RigId | null) => void;
  setSettingsOpen: (open: boolean) => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  sort: { key: 'address', direction: 'asc' },
  filterText: '',
  statusFilter: 'all',
  selectedRigId: null,
  settingsOpen: false,
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
});
