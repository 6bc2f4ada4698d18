import { diffWords } from 'diff';
import { useMemo } from 'react';
import type { OverrideRow } from '@/lib/db/schema';
import { formatDuration } from '@/lib/stats/metrics';
import { OUTCOME_LABELS, REASON_LABELS } from './labels';

interface Props {
  row: OverrideRow;
  helpdeskName(id: string): string;
  onClose(): void;
}

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

/** One event: the suggestion against what was sent (as a word diff, when the privacy mode kept text), findings, signals and reason. */
export function EventDetail({ row, helpdeskName, onClose }: Props) {
  const parts = useMemo(
    () => (row.suggestionText !== null && row.sentText !== null ? diffWords(row.suggestionText, row.sentText) : null),
    [row],
  );
  return (
    <section aria-labelledby="rg-detail-title" className="rg-section rg-card rg-detail" data-rg-detail={row.id}>
      <div className="rg-section__head">
        <h2 id="rg-detail-title">Event</h2>
        <button type="button" className="rg-button" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="rg-facts">
        <dt>Outcome</dt>
        <dd>
          <span className={`rg-pill rg-pill--${row.outcome}`}>{OUTCOME_LABELS[row.outcome]}</span>
          {row.reason ? ` · ${REASON_LABELS[row.reason]}` : ''}
          {row.note ? ` · “${row.note}”` : ''}
        </dd>
        <dt>When</dt>
        <dd>
          {when.format(row.decidedAt)} ({formatDuration(Math.max(0, row.decidedAt - row.shownAt))} after it was shown)
        </dd>
        <dt>Where</dt>
        <dd>
          {helpdeskName(row.helpdesk)} · agent {row.agent || 'me'} · {row.shape}
        </dd>
        <dt>Change</dt>
        <dd>
          similarity {Math.round(row.similarity * 100)}% · {row.editSize} characters changed
        </dd>
        <dt>Customer</dt>
        <dd>
          {row.customer
            ? `${row.customer.sentiment.label} (${row.customer.sentiment.score.toFixed(2)}) · sarcasm ${row.customer.sarcasm.likely ? 'likely' : 'unlikely'} · ${row.customer.escalation.likely ? `wants escalation (${row.customer.escalation.kinds.join(', ')})` : 'no escalation intent'}`
            : 'not read'}
        </dd>
      </dl>
      <h3>Findings shown</h3>
      {row.findings.length === 0 ? (
        <p className="rg-muted">None.</p>
      ) : (
        <ul>
          {row.findings.map((f) => (
            <li key={f.fingerprint + f.rule}>
              <code>{f.rule}</code> · {f.category} · {f.severity}
              {f.dismissed ? ' · dismissed as not a problem' : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Suggestion → sent</h3>
      {parts ? (
        <p className="rg-diff" data-rg-diff="">
          {parts.map((p, i) =>
            p.added ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no identity beyond their order
              <ins key={i}>{p.value}</ins>
            ) : p.removed ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <del key={i}>{p.value}</del>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <span key={i}>{p.value}</span>
            ),
          )}
        </p>
      ) : row.suggestionText !== null ? (
        <>
          <p className="rg-muted">Not sent. The suggestion was:</p>
          <p className="rg-diff">{row.suggestionText}</p>
        </>
      ) : (
        <p className="rg-muted">
          No text kept: this event was recorded with privacy mode “{row.privacy}”, which stores no reply text.
        </p>
      )}
    </section>
  );
}
