import { useLiveQuery } from 'dexie-react-hooks';
import type { ReplyGuardDb } from '@/lib/db/database';
import { recentOverrides } from '@/lib/db/overrides';
import { helpdeskName } from '@/lib/hosts/helpdesks';

interface Props {
  db: ReplyGuardDb;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The team lead's view of what agents did with AI suggestions. Reads the local log live. */
export function Dashboard({ db }: Props) {
  const rows = useLiveQuery(() => recentOverrides(db, 500), [db]);
  const total = useLiveQuery(() => db.overrides.count(), [db]);

  return (
    <main className="rg-page">
      <header className="rg-brand">
        <span className="rg-brand__mark" aria-hidden="true">
          ◆
        </span>
        <h1>ReplyGuard dashboard</h1>
      </header>
      <p className="rg-muted">
        What agents did with AI-suggested replies, from this browser's local log. Nothing here leaves the machine.
      </p>
      <section className="rg-card" aria-labelledby="rg-events-title">
        <h2 id="rg-events-title">
          Decisions{' '}
          <span className="rg-muted" data-rg-total={total ?? 0}>
            ({total ?? '…'})
          </span>
        </h2>
        {rows === undefined ? (
          <p className="rg-muted">Loading…</p>
        ) : rows.length === 0 ? (
          <p className="rg-muted" data-rg-empty="">
            No decisions yet. Use an AI-suggested reply in a helpdesk ticket and send, edit or discard it: each decision
            appears here.
          </p>
        ) : (
          <table className="rg-table">
            <thead>
              <tr>
                <th scope="col">Decided</th>
                <th scope="col">Helpdesk</th>
                <th scope="col">Agent</th>
                <th scope="col">Outcome</th>
                <th scope="col">Similarity</th>
                <th scope="col">Findings</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-rg-row={row.id} data-rg-outcome={row.outcome}>
                  <td>{dateFormat.format(row.decidedAt)}</td>
                  <td>{helpdeskName(row.helpdesk)}</td>
                  <td>{row.agent || 'me'}</td>
                  <td>
                    <span className={`rg-pill rg-pill--${row.outcome}`}>{row.outcome}</span>
                  </td>
                  <td>{Math.round(row.similarity * 100)}%</td>
                  <td>{row.findings.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
