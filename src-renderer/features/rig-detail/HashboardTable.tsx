import type { Hashboard } from '../../../src-shared/model/index.js';
import { formatFrequency, formatHashrate, formatTemperature } from '../../../src-shared/units.js';
import { boardHeat, chipHeat } from '../../store/rig-figures.js';
import { formatCount } from '../../ui/format-plain.js';

function chipsLabel(board: Hashboard): string {
  if (board.chipsOk === null && board.chipsTotal === null) return '—';
  return `${formatCount(board.chipsOk)} / ${formatCount(board.chipsTotal)}`;
}

/** One row per hashboard: a dead or degraded board is the most common fault an operator has to find. */
export function HashboardTable({ boards }: { boards: readonly Hashboard[] }) {
  if (boards.length === 0) return <p className="muted">This firmware reports no per-board figures.</p>;
  return (
    <table className="detail-table">
      <thead>
        <tr>
          <th scope="col">Board</th>
          <th scope="col" className="num">
            Hashrate
          </th>
          <th scope="col" className="num">
            Chip
          </th>
          <th scope="col" className="num">
            PCB
          </th>
          <th scope="col" className="num" title="Chip frequency">
            Clock
          </th>
          <th scope="col" className="num">
            Chips
          </th>
          <th scope="col" className="num">
            HW err
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {boards.map((board) => {
          const missingChips = board.chipsOk !== null && board.chipsTotal !== null && board.chipsOk < board.chipsTotal;
          return (
            <tr key={board.index} data-testid="rig-detail-board" data-board-status={board.status}>
              <td>#{board.index + 1}</td>
              <td className="num">{formatHashrate(board.hashrateThs)}</td>
              <td className={`num heat-${chipHeat(board.chipTempC)}`}>{formatTemperature(board.chipTempC)}</td>
              <td className={`num heat-${boardHeat(board.boardTempC)}`}>{formatTemperature(board.boardTempC)}</td>
              <td className="num">{formatFrequency(board.frequencyMhz)}</td>
              <td className={`num ${missingChips ? 'text-warn' : ''}`}>{chipsLabel(board)}</td>
              <td className="num">{formatCount(board.hardwareErrors)}</td>
              <td>
                <span className={`pill pill-${board.status}`}>{board.status}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
