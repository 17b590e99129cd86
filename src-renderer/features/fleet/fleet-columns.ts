import type { SortKey } from '../../store/fleet-selectors.js';

export interface FleetColumn {
  key: SortKey;
  label: string;
  /** Tooltip on the header: what exactly the figure is. */
  hint: string;
  /** Figures are right-aligned in tabular digits so magnitudes line up down the column. */
  numeric: boolean;
}

/** The table's columns, in order. FleetRow renders the cells in the same order. */
export const FLEET_COLUMNS: readonly FleetColumn[] = [
  { key: 'name', label: 'Name', hint: 'Rig name (rename it in the detail panel)', numeric: false },
  { key: 'model', label: 'Model', hint: 'Make and model reported by the firmware', numeric: false },
  { key: 'address', label: 'Address', hint: 'IP address and API port', numeric: false },
  { key: 'hashrate', label: 'Hashrate', hint: 'Current hashrate (last 5 s as reported by the rig)', numeric: true },
  { key: 'chipTemp', label: 'Chip', hint: 'Hottest chip temperature', numeric: true },
  { key: 'boardTemp', label: 'Board', hint: 'Hottest board (PCB) temperature', numeric: true },
  { key: 'fans', label: 'Fans', hint: 'Slowest fan speed (a failing fan shows here first)', numeric: true },
  { key: 'power', label: 'Power', hint: 'Power draw reported by the rig', numeric: true },
  { key: 'efficiency', label: 'Efficiency', hint: 'Joules per terahash: lower is better', numeric: true },
  { key: 'pool', label: 'Pool', hint: 'The pool the rig is mining on now', numeric: false },
  { key: 'status', label: 'Status', hint: 'up, down, error or pending', numeric: false },
  { key: 'uptime', label: 'Uptime', hint: 'Time since the mining software started', numeric: true },
];
