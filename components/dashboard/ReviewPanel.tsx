import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { REVIEW_REASONS } from '@/lib/db/reviews';
import type { OverrideReason, OverrideRow } from '@/lib/db/schema';
import type { EventRef } from '@/lib/stats/day-view';
import { formatDuration } from '@/lib/stats/metrics';
import { reviewEstimate } from '@/lib/stats/review-sample';
import type { StatsRow } from '@/lib/stats/stats-row';
import { Locked } from '../options/Locked';
import type { GovernanceActions, GovernanceState } from './governance-store';
import { REASON_LABELS } from './labels';

interface Props {
  /** The period's sample of accepted suggestions, in review order; null while it is computed. */
  sample: readonly EventRef[] | null;
  /** Accepted suggestions in the period (filters applied). */
  accepted: number;
  governance: GovernanceState;
  actions: Omit<GovernanceActions, 'setTarget'>;
  loadRow?: (ref: { id: string; decidedAt: number }) => Promise<OverrideRow | undefined>;
  helpdeskName(id: string): string;
}

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const VERDICT_CHOICES = [
  ['good', 'Good as sent'],
  ['should-change', 'Should have been changed'],
] as const;

/** What the card says of a sampled suggestion, from its full row. */
function ReviewFacts({ item, helpdeskName }: { item: StatsRow; helpdeskName(id: string): string }) {
  return (
    <>
      <p className="rg-muted rg-small">
        {when.format(item.decidedAt)} · {helpdeskName(item.helpdesk)} · agent {item.agent || 'me'} · sent as suggested
        after {formatDuration(Math.max(0, item.decidedAt - item.shownAt))}
        {item.customer
          ? ` · customer ${item.customer.sentiment.label}${item.customer.sarcasm.likely ? ', sarcastic' : ''}`
          : ''}
      </p>
      {item.findings.length ? (
        <p className="rg-small">
          Findings shown:{' '}
          {item.findings.map((f) => `${f.rule} (${f.severity}${f.dismissed ? ', dismissed' : ''})`).join(' · ')}
        </p>
      ) : (
        <p className="rg-small rg-muted">No findings were shown.</p>
      )}
    </>
  );
}

/** One sampled suggestion to judge: what the agent saw and sent, as the privacy mode kept it. */
function ReviewCard(props: {
  item: EventRef;
  loadRow: Props['loadRow'];
  privacy: GovernanceState['privacy'];
  helpdeskName(id: string): string;
  onVerdict(verdict: 'good' | 'should-change', reason: OverrideReason | null, note: string): void;
}) {
  const { item } = props;
  // null while it is read; 'gone' when it is no longer stored (a purge ran since the sample was drawn).
  const [row, setRow] = useState<OverrideRow | 'gone' | null>(null);
  const [verdict, setVerdict] = useState<'good' | 'should-change' | null>(null);
  const [reason, setReason] = useState<OverrideReason | ''>('');
  const [note, setNote] = useState('');
  const id = useId();
  useEffect(() => {
    let live = true;
    setRow(null);
    setVerdict(null);
    setReason('');
    setNote('');
    void props.loadRow?.({ id: item.id, decidedAt: item.decidedAt }).then((r) => {
      if (live) setRow(r ?? 'gone');
    });
    return () => {
      live = false;
    };
    // The same row for a new sample (a filter set and cleared): keep the card and what the lead chose.
  }, [item.id, item.decidedAt, props.loadRow]);
  const full = row === null || row === 'gone' ? null : row;
  const text = full ? (full.sentText ?? full.suggestionText ?? null) : null;
  const ready = verdict === 'good' || (verdict === 'should-change' && reason !== '');
  return (
    <article className="rg-review-card" data-rg-review-next={item.id}>
      {row === null ? (
        <p className="rg-muted" aria-busy="true">
          Reading the reply…
        </p>
      ) : row === 'gone' ? (
        <p className="rg-muted" data-rg-review-text="gone">
          {when.format(item.decidedAt)} · This row is no longer stored (the log was purged since the sample was drawn).
        </p>
      ) : (
        <>
          <ReviewFacts item={row} helpdeskName={props.helpdeskName} />
          {text !== null ? (
            <blockquote className="rg-review-text" data-rg-review-text={row.privacy}>
              {text}
            </blockquote>
          ) : (
            <p className="rg-muted" data-rg-review-text="none">
              No text kept: this reply was recorded with privacy mode “{row.privacy}”. Judge it from the findings and
              the customer’s mood, or leave the queue here.
            </p>
          )}
        </>
      )}
      <form
        className="rg-review-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && verdict) props.onVerdict(verdict, verdict === 'good' ? null : (reason as OverrideReason), note);
        }}
      >
        <fieldset className="rg-segmented">
          <legend className="rg-visually-hidden">Verdict</legend>
          {VERDICT_CHOICES.map(([value, label]) => (
            <button
              key={value}
              type="button"
              className="rg-button"
              aria-pressed={verdict === value}
              data-rg-verdict={value}
              onClick={() => setVerdict(value)}
            >
              {label}
            </button>
          ))}
        </fieldset>
        {verdict === 'should-change' ? (
          <label htmlFor={`${id}-reason`}>
            Why{' '}
            <select
              id={`${id}-reason`}
              value={reason}
              data-rg-review-reason=""
              onChange={(e) => setReason(e.target.value as OverrideReason | '')}
            >
              <option value="">Choose a reason</option>
              {REVIEW_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REASON_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {verdict ? (
          <label htmlFor={`${id}-note`} className="rg-review-note">
            Note (optional;{' '}
            {props.privacy === 'none'
              ? 'not stored: privacy mode none'
              : props.privacy === 'redacted'
                ? 'personal data is masked before it is stored'
                : 'stored as typed'}
            )
            <textarea
              id={`${id}-note`}
              rows={2}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
        ) : null}
        <button type="submit" className="rg-button rg-button--primary" disabled={!ready} data-rg-save-verdict="">
          Save verdict
        </button>
      </form>
    </article>
  );
}

/**
 * Review sampling: a share of the suggestions sent as suggested, picked by a hash of the row id
 * (lib/stats/review-sample.ts), queued for the lead in sample order, with the estimated share of
 * accepted suggestions that should have been changed and its 95 % Wilson interval.
 */
export function ReviewPanel({ sample, accepted, governance, actions, loadRow, helpdeskName }: Props) {
  const { verdicts, reviewShare } = governance;
  const [share, setShare] = useState(String(reviewShare * 100));
  useEffect(() => setShare(String(Math.round(reviewShare * 10_000) / 100)), [reviewShare]);
  const file = useRef<HTMLInputElement>(null);
  const estimate = useMemo(
    () => (sample && verdicts ? reviewEstimate(accepted, sample, verdicts) : null),
    [sample, verdicts, accepted],
  );
  const next = sample && verdicts ? sample.find((r) => !verdicts.has(r.id)) : undefined;
  const recent = useMemo(() => {
    if (!sample || !verdicts) return [];
    const inSample = new Set(sample.map((r) => r.id));
    return [...verdicts.values()]
      .filter((v) => inSample.has(v.rowId))
      .sort((a, b) => b.reviewedAt - a.reviewedAt)
      .slice(0, 5);
  }, [sample, verdicts]);

  return (
    <section aria-labelledby="rg-review-title" className="rg-section rg-card" data-rg-review="">
      <div className="rg-section__head">
        <h2 id="rg-review-title">Review sample</h2>
        {governance.reviewShareLocked ? (
          <span>
            {pct(reviewShare)} of accepted suggestions <Locked locked name="reviewShare" />
          </span>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const n = Number(share) / 100;
              if (Number.isFinite(n)) actions.setReviewShare(n);
            }}
          >
            <label>
              Review{' '}
              <input
                inputMode="decimal"
                size={4}
                value={share}
                aria-label="Share of accepted suggestions to review, in percent"
                data-rg-review-share=""
                onChange={(e) => setShare(e.target.value)}
              />{' '}
              % of accepted suggestions
            </label>{' '}
            <button type="submit" className="rg-button">
              Save
            </button>
          </form>
        )}
      </div>
      <p className="rg-muted rg-small">
        Suggestions agents sent exactly as suggested, picked at random (by a hash of each event’s random id, the same on
        every dashboard that holds it, imported events included) and queued in that random order. Review from the top
        and stop whenever you like: the events reviewed are a random sample as long as none is skipped for what it says.
      </p>
      {estimate === null || sample === null ? (
        <p className="rg-muted" aria-busy="true">
          Computing…
        </p>
      ) : (
        <>
          <p
            data-rg-review-estimate=""
            data-sampled={estimate.sampled}
            data-reviewed={estimate.reviewed}
            data-flagged={estimate.flagged}
            data-estimate={estimate.share?.estimate ?? ''}
            data-low={estimate.share?.low ?? ''}
            data-high={estimate.share?.high ?? ''}
          >
            {estimate.reviewed.toLocaleString('en')} of {estimate.sampled.toLocaleString('en')} sampled reviewed (
            {estimate.accepted.toLocaleString('en')} accepted in the period).{' '}
            {estimate.share && estimate.count ? (
              <strong>
                Should have been changed: {pct(estimate.share.estimate)} of accepted suggestions (95% interval{' '}
                {pct(estimate.share.low)} to {pct(estimate.share.high)}), about{' '}
                {Math.round(estimate.count.estimate).toLocaleString('en')} suggestions (
                {Math.round(estimate.count.low).toLocaleString('en')} to{' '}
                {Math.round(estimate.count.high).toLocaleString('en')}).
              </strong>
            ) : (
              'No verdict yet in this period.'
            )}
            {estimate.reasons.length
              ? ` Reasons: ${estimate.reasons.map((r) => `${r.reason === 'none given' ? r.reason : REASON_LABELS[r.reason]} ${r.count}`).join(', ')}.`
              : ''}
          </p>
          {next ? (
            <ReviewCard
              item={next}
              loadRow={loadRow}
              privacy={governance.privacy}
              helpdeskName={helpdeskName}
              onVerdict={(verdict, reason, note) =>
                actions.saveVerdict({
                  rowId: next.id,
                  decidedAt: next.decidedAt,
                  verdict,
                  reason,
                  note,
                  reviewer: governance.reviewer,
                })
              }
            />
          ) : (
            <p className="rg-muted" data-rg-review-done="">
              {sample.length
                ? 'Every sampled suggestion of the period is reviewed.'
                : 'Nothing to review in this period.'}
            </p>
          )}
          {recent.length ? (
            <>
              <h3>Latest verdicts</h3>
              <ul className="rg-review-recent">
                {recent.map((v) => (
                  <li key={v.rowId} data-rg-verdict-of={v.rowId}>
                    {when.format(v.reviewedAt)} ·{' '}
                    {v.verdict === 'good'
                      ? 'good'
                      : `should have been changed (${v.reason ? REASON_LABELS[v.reason] : '–'})`}
                    {v.note ? ` · “${v.note}”` : ''}{' '}
                    <button type="button" className="rg-link" onClick={() => actions.undoVerdict(v.rowId)}>
                      Undo
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <p className="rg-row">
        <button type="button" className="rg-button" onClick={actions.exportReviews} data-rg-export-reviews="">
          Export reviews
        </button>
        <button type="button" className="rg-button" onClick={() => file.current?.click()}>
          Import reviews…
        </button>
        <input
          ref={file}
          type="file"
          multiple
          accept=".json,application/json"
          className="rg-visually-hidden"
          data-rg-import-reviews=""
          aria-label="Import review files"
          tabIndex={-1}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) actions.importReviews(files);
          }}
        />
      </p>
    </section>
  );
}
