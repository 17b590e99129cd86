import type { Pool } from '../../../src-shared/model/index.js';
import { formatCount } from '../../ui/format-plain.js';

export function PoolsTable({ pools }: { pools: readonly Pool[] }) {
  if (pools.length === 0) return <p className="muted">No pools configured.</p>;
  return (
    <table className="detail-table pools-table">
      <thead>
        <tr>
          <th scope="col">Pool</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Accepted
          </th>
          <th scope="col" className="num">
            Rejected
          </th>
        </tr>
      </thead>
      <tbody>
        {pools.map((pool) => (
          <tr key={pool.index} className={pool.active ? 'is-active' : undefined}>
            <td className="pool-cell">
              <div className="pool-url" title={pool.url}>
                {pool.active && <span className="pill pill-active">active</span>}
                {pool.url}
              </div>
              <div className="pool-user muted" title={pool.user}>
                {pool.user}
              </div>
            </td>
            <td>
              <span className={`pill pill-pool-${pool.status}`}>{pool.status}</span>
            </td>
            <td className="num">{formatCount(pool.accepted)}</td>
            <td className="num">{formatCount(pool.rejected)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
