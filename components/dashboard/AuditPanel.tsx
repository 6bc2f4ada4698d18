import type { AuditReport } from '@/lib/audit/verify';
import { type PanelState, usePanelState } from './panel-state';

/** A verification of the log, already in words (entrypoints/dashboard/audit.ts builds it). */
export interface AuditOutcome {
  status: AuditReport['status'];
  rows: AuditReport['rows'];
  /** How this browser's install is named ("this browser (ab12 cd34)"). */
  self: string;
  /** Each install whose events the log holds: who signed what. */
  signers: {
    name: string;
    install: string;
    rows: number;
    events: number;
    signedThrough: number | null;
    problems: number;
  }[];
  /** Tamper-level first; `row` names the row a problem is about, when it is about one. */
  problems: { id: string; level: 'tamper' | 'warning' | 'info'; text: string; row: string | null }[];
  counts: AuditReport['counts'];
  ms: number;
}

interface Props {
  /** Verifies the whole log (lazily loaded); reports rows read as it goes. */
  onVerify(onProgress: (rows: number) => void): Promise<AuditOutcome>;
  /** Where the panel's state lives, so it survives the dashboard moving the panel. */
  state: PanelState;
}

type State =
  | { phase: 'idle' }
  | { phase: 'running'; rows: number }
  | { phase: 'done'; outcome: AuditOutcome }
  | { phase: 'failed'; error: string };

const HEADLINE: Record<AuditReport['status'], string> = {
  verified: 'Verified',
  warnings: 'Verified, with warnings',
  tampered: 'Tampered with',
  'no-audit': 'Nothing to verify',
};

/**
 * "Verify log" (issue 16.3): checks this browser's audit chain and the imported files' events
 * against the rows in IndexedDB and says exactly which rows were changed, removed or moved and
 * whose install signed them. The verdict is a live region, so it is heard when it comes.
 */
export function AuditPanel({ onVerify, state: store }: Props) {
  const [state, setState] = usePanelState<State>(store, 'audit', { phase: 'idle' });
  const run = () => {
    setState({ phase: 'running', rows: 0 });
    onVerify((rows) => setState({ phase: 'running', rows })).then(
      (outcome) => setState({ phase: 'done', outcome }),
      (error: unknown) => setState({ phase: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const o = state.phase === 'done' ? state.outcome : null;
  return (
    <section aria-labelledby="rg-audit-title" className="rg-section rg-card" data-rg-audit="">
      <h2 id="rg-audit-title">Audit trail</h2>
      <p className="rg-muted rg-small">
        Every write to this log is chained and signed by this browser's own key, which never leaves it. Verifying
        recomputes the chain and checks every row against what its install signed.
      </p>
      <p>
        <button
          type="button"
          className="rg-button rg-button--primary"
          disabled={state.phase === 'running'}
          onClick={run}
          data-rg-verify=""
        >
          Verify log
        </button>
      </p>
      <div aria-live="polite" data-rg-audit-phase={state.phase} data-rg-audit-status={o?.status ?? ''}>
        {state.phase === 'running' ? (
          <p aria-busy="true">Verifying… {state.rows.toLocaleString('en')} rows checked</p>
        ) : null}
        {state.phase === 'failed' ? <p className="rg-error">Verification failed: {state.error}</p> : null}
        {o ? (
          <>
            <p className={o.status === 'tampered' ? 'rg-error' : undefined}>
              <strong>{HEADLINE[o.status]}</strong>: {o.rows.verified.toLocaleString('en')} of{' '}
              {o.rows.checked.toLocaleString('en')} rows match what their install signed
              {o.signers.length ? ` (${o.signers.map((s) => s.name).join(', ')})` : ''} · {(o.ms / 1000).toFixed(1)} s
            </p>
            {o.signers.length ? (
              <table className="rg-table rg-table--compact">
                <caption className="rg-visually-hidden">Who signed the log</caption>
                <thead>
                  <tr>
                    <th scope="col">Signed by</th>
                    <th scope="col">Rows verified</th>
                    <th scope="col">Chain events</th>
                    <th scope="col">Signed through event</th>
                    <th scope="col">Problems</th>
                  </tr>
                </thead>
                <tbody>
                  {o.signers.map((s) => (
                    <tr key={s.install} data-rg-audit-signer={s.install} data-rows={s.rows}>
                      <td>{s.name}</td>
                      <td>{s.rows.toLocaleString('en')}</td>
                      <td>{s.events.toLocaleString('en')}</td>
                      <td>{s.signedThrough ?? '—'}</td>
                      <td>{s.problems}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {o.problems.length ? (
              <ul>
                {o.problems.map((p, i) => (
                  <li
                    // Problems have no id of their own; their order is the report's.
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
                    key={i}
                    className={p.level === 'tamper' ? 'rg-error' : p.level === 'warning' ? undefined : 'rg-muted'}
                    data-rg-audit-problem={p.id}
                    data-rg-audit-row={p.row ?? ''}
                  >
                    {p.text}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
