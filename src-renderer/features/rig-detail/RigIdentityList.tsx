import type { Rig } from '../../../src-shared/model/index.js';
import { rigAddress } from '../../store/rig-figures.js';
import { formatClock } from '../../ui/format-plain.js';

/** Who the rig is, as identification learned it. Missing values say so rather than leaving a blank. */
export function RigIdentityList({ rig }: { rig: Rig }) {
  const { identity } = rig;
  const rows: ReadonlyArray<[string, string | null]> = [
    ['Make', identity.make],
    ['Model', identity.model],
    ['Family', identity.family],
    ['Firmware', identity.firmware],
    ['API version', identity.apiVersion],
    ['MAC', identity.mac],
    ['Serial', identity.serial],
    ['Address', rigAddress(rig)],
    ['Added', formatClock(rig.addedAt)],
  ];
  return (
    <dl className="identity-list">
      {rows.map(([label, value]) => (
        <div key={label} className="identity-row">
          <dt>{label}</dt>
          <dd className={value === null || value === '' ? 'muted' : 'mono'}>
            {value === null || value === '' ? 'not reported' : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
