import type { Pool, Rig, RigSnapshot, RigStatus } from '../../src-shared/model/index.js';
import { efficiencyJPerTh } from '../../src-shared/units.js';

/**
 * The snapshot whose figures describe the rig now. A down or unreadable rig still carries its last snapshot, but
 * showing those figures as if current would mislead (and would not add up to the summary tiles, which count only up
 * rigs); the detail panel shows the last reading with its age instead.
 */
export function liveSnapshot(rig: Rig): RigSnapshot | null {
  return rig.status === 'up' ? rig.snapshot : null;
}

export function rigAddress(rig: Rig): string {
  return `${rig.identity.host}:${rig.identity.port}`;
}

/** Firmware that reports no efficiency gets it computed from power and hashrate, when it reports both. */
export function rigEfficiencyJPerTh(snapshot: RigSnapshot): number | null {
  return snapshot.efficiencyJPerTh ?? efficiencyJPerTh(snapshot.powerW, snapshot.hashrateThs);
}

/** The slowest fan is the one an operator needs to see: a failing fan shows here long before the chips overheat. */
export function slowestFanRpm(snapshot: RigSnapshot): number | null {
  if (snapshot.fans.length === 0) return null;
  return Math.min(...snapshot.fans.map((fan) => fan.rpm));
}

/**
 * Below this a fan is stalled or failing: healthy ASIC fans idle well above 1,000 rpm. A rig that reports no fans
 * (immersion, hydro) is not flagged.
 */
export const FAN_FAILING_BELOW_RPM = 1000;

export function isFanFailing(rpm: number | null): boolean {
  return rpm !== null && rpm < FAN_FAILING_BELOW_RPM;
}

/** The worst hashboard state on the rig, so a rig hashing on two of three boards stands out in the table. */
export function worstBoardStatus(snapshot: RigSnapshot): 'dead' | 'degraded' | null {
  if (snapshot.boards.some((board) => board.status === 'dead')) return 'dead';
  if (snapshot.boards.some((board) => board.status === 'degraded')) return 'degraded';
  return null;
}

export function activePool(snapshot: RigSnapshot): Pool | null {
  return snapshot.pools.find((pool) => pool.active) ?? null;
}

/** "stratum+tcp://pool.example.com:3333" reads as "pool.example.com:3333" in a narrow column. */
export function poolHostOf(url: string): string {
  return url.replace(/^[a-z0-9+.-]+:\/\//i, '');
}

export type HeatLevel = 'normal' | 'warm' | 'hot';

/**
 * Generic SHA-256 ASIC limits (most Antminer/Whatsminer models throttle near 95 °C chip / 85 °C board). Per-model
 * limits arrive with the tuning feature; until then these only colour the figure, they never trigger anything.
 */
const CHIP_WARM_C = 85;
const CHIP_HOT_C = 95;
const BOARD_WARM_C = 75;
const BOARD_HOT_C = 85;

export function chipHeat(chipTempC: number | null): HeatLevel {
  if (chipTempC === null) return 'normal';
  return chipTempC >= CHIP_HOT_C ? 'hot' : chipTempC >= CHIP_WARM_C ? 'warm' : 'normal';
}

export function boardHeat(boardTempC: number | null): HeatLevel {
  if (boardTempC === null) return 'normal';
  return boardTempC >= BOARD_HOT_C ? 'hot' : boardTempC >= BOARD_WARM_C ? 'warm' : 'normal';
}

/** Severity order for sorting by status: healthy first when ascending, trouble first when descending. */
export const STATUS_RANK: Readonly<Record<RigStatus, number>> = { up: 0, pending: 1, error: 2, down: 3 };
