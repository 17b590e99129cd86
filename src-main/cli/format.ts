// Plain-text output of the CLI: one line per rig, figures through src-shared/units like everywhere else.
import type { Rig, RigIdentity, RigSnapshot } from '../../src-shared/model/rig.js';
import { formatEfficiency, formatHashrate, formatPower, formatTemperature } from '../../src-shared/units.js';

const COLUMNS = ['ADDRESS', 'FAMILY', 'MODEL', 'FIRMWARE', 'HASHRATE', 'POWER', 'J/TH', 'CHIP', 'BOARD', 'STATUS'];

function cells(identity: RigIdentity, snapshot: RigSnapshot | null, status: string): string[] {
  return [
    `${identity.host}:${identity.port}`,
    identity.family,
    identity.model,
    identity.firmware.slice(0, 32),
    formatHashrate(snapshot?.hashrateThs ?? null),
    `${snapshot?.powerIsEstimate ? '≈' : ''}${formatPower(snapshot?.powerW ?? null)}`,
    formatEfficiency(snapshot?.efficiencyJPerTh ?? null),
    formatTemperature(snapshot?.maxChipTempC ?? null),
    formatTemperature(snapshot?.maxBoardTempC ?? null),
    status,
  ];
}

export function rigTable(rigs: readonly Rig[]): string {
  const rows = [
    COLUMNS,
    ...rigs.map((rig) =>
      cells(rig.identity, rig.snapshot, rig.problem ? `${rig.status}: ${rig.problem.message}` : rig.status),
    ),
  ];
  const widths = COLUMNS.map((_c, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '))
    .join('\n');
}

export function snapshotReport(identity: RigIdentity, snapshot: RigSnapshot): string {
  const lines = [
    `${identity.make} ${identity.model} at ${identity.host}:${identity.port} (${identity.family})`,
    `  firmware   ${identity.firmware}${identity.mac ? `, MAC ${identity.mac}` : ''}`,
    `  hashrate   ${formatHashrate(snapshot.hashrateThs)} (average ${formatHashrate(snapshot.hashrateAvgThs)})`,
    `  power      ${snapshot.powerIsEstimate ? '≈ ' : ''}${formatPower(snapshot.powerW)}, ${formatEfficiency(snapshot.efficiencyJPerTh)}`,
    `  chip/board ${formatTemperature(snapshot.maxChipTempC)} / ${formatTemperature(snapshot.maxBoardTempC)}`,
    `  fans       ${snapshot.fans.map((fan) => `${fan.rpm} rpm`).join(', ') || '—'}`,
    ...snapshot.boards.map(
      (board) =>
        `  board ${board.index + 1}    ${formatHashrate(board.hashrateThs)}, chip ${formatTemperature(board.chipTempC)}, ${board.status}`,
    ),
    ...snapshot.pools.map(
      (pool) => `  pool ${pool.index}     ${pool.url} (${pool.user}) ${pool.status}${pool.active ? ', active' : ''}`,
    ),
  ];
  return lines.join('\n');
}
