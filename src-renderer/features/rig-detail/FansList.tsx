import type { Fan } from '../../../src-shared/model/index.js';
import { formatFanSpeed } from '../../../src-shared/units.js';
import { isFanFailing } from '../../store/rig-figures.js';

export function FansList({ fans }: { fans: readonly Fan[] }) {
  if (fans.length === 0)
    return <p className="muted">No fans reported (immersion or hydro cooling, or the firmware does not say).</p>;
  return (
    <ul className="fan-list">
      {fans.map((fan) => (
        <li key={fan.index} className={isFanFailing(fan.rpm) ? 'fan is-stopped' : 'fan'}>
          <span className="fan-label">Fan {fan.index + 1}</span>
          <span className="fan-rpm">{formatFanSpeed(fan.rpm)}</span>
        </li>
      ))}
    </ul>
  );
}
