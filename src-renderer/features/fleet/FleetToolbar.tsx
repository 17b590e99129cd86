import { STATUS_FILTERS } from '../../store/fleet-selectors.js';
import type { StatusCounts, StatusFilter } from '../../store/fleet-selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { formatCount } from '../../ui/format-plain.js';
import { SearchIcon } from '../../ui/icons.js';

const FILTER_LABEL: Readonly<Record<StatusFilter, string>> = { all: 'All', up: 'Up', down: 'Down', error: 'Error' };

interface FleetToolbarProps {
  shownCount: number;
  counts: StatusCounts;
}

export function FleetToolbar({ shownCount, counts }: FleetToolbarProps) {
  const filterText = useAppStore((state) => state.filterText);
  const statusFilter = useAppStore((state) => state.statusFilter);
  const setFilterText = useAppStore((state) => state.setFilterText);
  const setStatusFilter = useAppStore((state) => state.setStatusFilter);
  const filtered = shownCount !== counts.all;

  return (
    <div className="fleet-toolbar">
      <h2 className="section-title">
        Fleet
        <span className="section-count" aria-live="polite">
          {filtered ? `${formatCount(shownCount)} of ${formatCount(counts.all)}` : formatCount(counts.all)} rigs
        </span>
      </h2>
      <label className="search-field">
        <SearchIcon />
        <input
          type="search"
          data-testid="filter-text"
          placeholder="Filter by name, model, address or pool"
          aria-label="Filter rigs by name, model, address or pool"
          value={filterText}
          onChange={(event) => setFilterText(event.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
      </label>
      <div className="segmented" role="group" aria-label="Show rigs by status">
        {STATUS_FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            className={`segment segment-${filter}`}
            aria-pressed={statusFilter === filter}
            data-testid={`status-filter-${filter}`}
            onClick={() => setStatusFilter(filter)}
          >
            {FILTER_LABEL[filter]}
            <span className="segment-count">{formatCount(counts[filter])}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
