import type { EventsPage } from '@/lib/stats/day-view';
import { formatDuration } from '@/lib/stats/metrics';
import { OUTCOME_LABELS, REASON_LABELS } from './labels';
import { SortHeader } from './SortHeader';
import type { EventSortKey, Sort } from './store';

export const PAGE_SIZE = 50;

interface Props {
  /** The page of the period's filtered and searched events, sorted, as the stats source gives it. */
  events: EventsPage;
  sort: Sort<EventSortKey>;
  search: string;
  selectedId: string | null;
  onSort(key: EventSortKey): void;
  onPage(page: number): void;
  onSearch(search: string): void;
  onSelect(id: string): void;
  helpdeskName(id: string): string;
}

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const COLUMNS: readonly { key: EventSortKey; label: string }[] = [
  { key: 'decidedAt', label: 'Decided' },
  { key: 'helpdesk', label: 'Helpdesk' },
  { key: 'agent', label: 'Agent' },
  { key: 'outcome', label: 'Outcome' },
  { key: 'similarity', label: 'Similarity' },
  { key: 'findings', label: 'Findings' },
  { key: 'decisionMs', label: 'Time to decide' },
];

/**
 * The events, one page at a time: only 50 rows are in the DOM, and the search, sort and paging of
 * up to a million events happen in the stats source (lib/stats/day-view.ts), off the main thread.
 */
export function EventsTable(props: Props) {
  const { events, sort, search, selectedId } = props;
  const { pages, rows: visible } = events;
  const current = events.page;

  return (
    <section aria-labelledby="rg-events-title" className="rg-section rg-card">
      <div className="rg-section__head">
        <h2 id="rg-events-title">
          Events <span className="rg-muted">({events.total.toLocaleString('en')})</span>
        </h2>
        <input
          type="search"
          placeholder="Search id, agent, rule, note"
          aria-label="Search events"
          value={search}
          onChange={(e) => props.onSearch(e.target.value)}
        />
      </div>
      <div className="rg-scroll">
        <table className="rg-table" data-rg-events={events.total}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <SortHeader key={c.key} label={c.label} column={c.key} sort={sort} onSort={props.onSort} />
              ))}
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr
                key={row.id}
                data-rg-row={row.id}
                data-rg-outcome={row.outcome}
                aria-selected={row.id === selectedId}
                className={row.id === selectedId ? 'rg-selected' : undefined}
              >
                <td>
                  <button type="button" className="rg-link" onClick={() => props.onSelect(row.id)}>
                    {when.format(row.decidedAt)}
                  </button>
                </td>
                <td>{props.helpdeskName(row.helpdesk)}</td>
                <td>{row.agent || 'me'}</td>
                <td>
                  <span className={`rg-pill rg-pill--${row.outcome}`}>{OUTCOME_LABELS[row.outcome]}</span>
                </td>
                <td>{Math.round(row.similarity * 100)}%</td>
                <td>{row.findings.length}</td>
                <td>{formatDuration(Math.max(0, row.decidedAt - row.shownAt))}</td>
                <td>{row.reason ? REASON_LABELS[row.reason] : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="rg-pager" aria-label="Event pages">
        <button type="button" className="rg-button" disabled={current === 0} onClick={() => props.onPage(current - 1)}>
          Previous
        </button>
        <span aria-live="polite">
          Page {current + 1} of {pages}
        </span>
        <button
          type="button"
          className="rg-button"
          disabled={current >= pages - 1}
          onClick={() => props.onPage(current + 1)}
        >
          Next
        </button>
      </nav>
    </section>
  );
}
