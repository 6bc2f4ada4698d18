import { useMemo } from 'react';
import { formatDuration } from '@/lib/stats/metrics';
import type { StatsRow } from '@/lib/stats/stats-row';
import { OUTCOME_LABELS, REASON_LABELS } from './labels';
import { SortHeader } from './SortHeader';
import type { EventSortKey, Sort } from './store';

export const PAGE_SIZE = 50;

interface Props {
  /** The period's filtered events, oldest first. */
  events: readonly StatsRow[];
  sort: Sort<EventSortKey>;
  page: number;
  search: string;
  selectedId: string | null;
  onSort(key: EventSortKey): void;
  onPage(page: number): void;
  onSearch(search: string): void;
  onSelect(id: string): void;
  helpdeskName(id: string): string;
}

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const key = (row: StatsRow, k: EventSortKey): number | string => {
  switch (k) {
    case 'findings':
      return row.findings.length;
    case 'decisionMs':
      return row.decidedAt - row.shownAt;
    default:
      return row[k];
  }
};

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
 * The events, one page at a time: 100,000 rows stay fast because only 50 are in the DOM, and
 * sorting happens once per change of sort or filter, not per render.
 */
export function EventsTable(props: Props) {
  const { events, sort, page, search, selectedId } = props;
  const matching = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q) return events;
    return events.filter(
      (r) =>
        r.id.toLowerCase().includes(q) ||
        r.agent.toLowerCase().includes(q) ||
        (r.note ?? '').toLowerCase().includes(q) ||
        r.findings.some((f) => f.rule.includes(q)),
    );
  }, [events, search]);

  const ordered = useMemo(() => {
    // Events arrive oldest first: newest first is a reversal, no sort needed.
    if (sort.key === 'decidedAt') return sort.desc ? [...matching].reverse() : matching;
    const out = [...matching];
    const k = sort.key;
    out.sort((a, b) => {
      const x = key(a, k);
      const y = key(b, k);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -c : c;
    });
    return out;
  }, [matching, sort]);

  const pages = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = ordered.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  return (
    <section aria-labelledby="rg-events-title" className="rg-section rg-card">
      <div className="rg-section__head">
        <h2 id="rg-events-title">
          Events <span className="rg-muted">({ordered.length.toLocaleString('en')})</span>
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
        <table className="rg-table" data-rg-events={ordered.length}>
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
