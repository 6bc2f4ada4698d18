import type { Outcome, OverrideReason } from '@/lib/db/schema';
import type { Target } from '@/lib/settings/targets';
import { formatMetric, HEADLINE_METRICS, type HeadlineKey } from '@/lib/stats/metrics';
import { driftMetricLabel } from '@/lib/stats/monitor';
import type { ExampleKind, ReviewReport } from '@/lib/stats/report';
import { formatTarget, formatTargetValue, TARGET_FIGURES, type TargetStatus, targetLabel } from '@/lib/stats/targets';
import { OUTCOME_LABELS } from '../dashboard/labels';
import { MoversTable } from '../dashboard/MoversTable';
import { REASON_LABELS } from '../ui/labels';
import './report.css';

/** An example as the page prepared it: the texts already masked (lib/engine/pii) and shortened. */
export interface ReportExample {
  id: string;
  kind: ExampleKind;
  decidedAt: number;
  helpdesk: string;
  agent: string;
  outcome: Outcome;
  reason: OverrideReason | null;
  findings: string[];
  /** The reply as sent (or suggested), masked; null when the privacy mode kept no text. */
  text: string | null;
  privacy: string;
  /** The lead's review note, masked, for a flagged review. */
  note: string | null;
}

interface Props {
  report: ReviewReport;
  examples: readonly ReportExample[];
  /** Helpdesks and agents in the log, for the period and team form (screen only). */
  choices: { helpdesks: readonly string[]; agents: readonly string[] };
  helpdeskName(id: string): string;
  generatedAt: number;
  /** The period's first and last day as the form shows them (YYYY-MM-DD). */
  from: string;
  to: string;
}

const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' });
const shortDay = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' });
const stamp = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const pct = (v: number | null | undefined) => formatMetric(v ?? null, 'percent');

const STATUS: Record<TargetStatus, string> = { met: 'Met', above: 'Above target', below: 'Below target' };
const EXAMPLE_KIND: Record<ExampleKind, string> = {
  'review-flagged': 'The review says it should have been changed',
  'unresolved-critical': 'Sent with a critical finding not resolved',
  overridden: 'Overridden by the agent',
};

/** The headline figures the report lists, with the targets the settings can hold. */
const REPORT_FIGURES: readonly HeadlineKey[] = [
  'seen',
  'overrideRate',
  'acceptanceRate',
  'editRate',
  'rejectionRate',
  'escalationRate',
  'unresolvedCriticalShare',
  'medianDecisionMs',
  'findingsPer100',
];

const figureDef = (key: HeadlineKey) =>
  key === 'overrideRate'
    ? { label: 'Override rate', format: 'percent' as const }
    : (HEADLINE_METRICS.find((m) => m.key === key) ?? { label: key, format: 'count' as const });

function Status({ status }: { status: TargetStatus | null | undefined }) {
  if (!status) return <span className="rg-report__muted">no target</span>;
  return (
    <span className={`rg-report__status rg-report__status--${status}`} data-rg-report-status={status}>
      {STATUS[status]}
    </span>
  );
}

/** The period's daily override rate as a small vector chart (crisp in a PDF), with its target. */
function DailyChart({ days, target }: { days: ReviewReport['days']; target: Target | undefined }) {
  const width = 680;
  const height = 150;
  const pad = { left: 40, right: 8, top: 8, bottom: 22 };
  const values = days.map((d) => d.overrideRate).filter((v): v is number => v !== null);
  const top = Math.max(0.05, ...values, target?.max ?? 0, target?.min ?? 0) * 1.1;
  const x = (i: number) => pad.left + ((width - pad.left - pad.right) * (i + 0.5)) / Math.max(1, days.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / top);
  const path = days
    .map((d, i) => (d.overrideRate === null ? null : `${x(i).toFixed(1)},${y(d.overrideRate).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const ticks = [0, top / 2, top];
  const every = Math.max(1, Math.ceil(days.length / 7));
  return (
    <svg
      className="rg-report__chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Override rate per day${target ? ` against its target, ${formatTarget('overrideRate', target)}` : ''}`}
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} className="rg-report__grid" />
          <text x={pad.left - 4} y={y(t) + 3} textAnchor="end" className="rg-report__axis">
            {(t * 100).toFixed(0)}%
          </text>
        </g>
      ))}
      {days.map((d, i) =>
        i % every === 0 ? (
          <text key={d.start} x={x(i)} y={height - 6} textAnchor="middle" className="rg-report__axis">
            {shortDay.format(d.start)}
          </text>
        ) : null,
      )}
      {target?.max !== undefined ? (
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(target.max)}
          y2={y(target.max)}
          className="rg-report__target"
        />
      ) : null}
      {target?.min !== undefined ? (
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(target.min)}
          y2={y(target.min)}
          className="rg-report__target"
        />
      ) : null}
      <polyline points={path} className="rg-report__line" />
      {days.map((d, i) =>
        d.overrideRate === null ? null : (
          <circle
            key={d.start}
            cx={x(i)}
            cy={y(d.overrideRate)}
            r={d.status === 'above' || d.status === 'below' ? 3.5 : 2}
            className={d.status === 'above' || d.status === 'below' ? 'rg-report__dot--beyond' : 'rg-report__dot'}
          />
        ),
      )}
    </svg>
  );
}

/**
 * The periodic review report: a printable page (A4, its own print stylesheet; the browser's
 * "Save as PDF" makes the file) for one period and team. Everything on it comes from this
 * browser's log, settings and review verdicts; the examples' texts are masked before they get here.
 */
export function Report({ report, examples, choices, helpdeskName, generatedAt, from, to }: Props) {
  const r = report;
  const lastDay = r.period.end - 1;
  const teamName = r.team.name || 'Team';
  const scope = [
    r.team.helpdesk ? helpdeskName(r.team.helpdesk) : 'every helpdesk',
    r.team.agents.length ? `agents ${r.team.agents.join(', ')}` : 'every agent',
  ].join(' · ');
  const checkOf = (key: string) => r.checks.find((c) => c.key === key && !c.rule);
  const rulesShown = r.rules.slice(0, 12);
  const beyondRules = r.rules.filter((x) => x.status === 'above' || x.status === 'below');
  return (
    <main className="rg-report" data-rg-report="">
      <form className="rg-report__controls" method="get" aria-label="Period and team">
        <label>
          From <input type="date" name="from" defaultValue={from} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={to} />
        </label>
        <label>
          Team name <input name="team" defaultValue={r.team.name} maxLength={80} />
        </label>
        <label>
          Helpdesk{' '}
          <select name="helpdesk" defaultValue={r.team.helpdesk ?? ''}>
            <option value="">Every helpdesk</option>
            {choices.helpdesks.map((h) => (
              <option key={h} value={h}>
                {helpdeskName(h)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Agents (none ticked: every agent)</legend>
          {choices.agents.map((a) => (
            <label key={a}>
              <input type="checkbox" name="agents" value={a} defaultChecked={r.team.agents.includes(a)} /> {a || 'me'}
            </label>
          ))}
        </fieldset>
        <button type="submit">Update</button>{' '}
        <button type="button" onClick={() => window.print()} data-rg-print="">
          Print or save as PDF
        </button>
      </form>

      <header className="rg-report__header">
        <p className="rg-report__kicker">ReplyGuard review report</p>
        <h1>
          {teamName}: {day.format(r.period.start)} to {day.format(lastDay)}
        </h1>
        <p className="rg-report__muted">
          {scope} · {r.events.toLocaleString('en')} AI suggestions decided by {r.agents.length}{' '}
          {r.agents.length === 1 ? 'agent' : 'agents'} · generated {stamp.format(generatedAt)} from this browser’s local
          log; nothing was sent anywhere.
        </p>
      </header>

      <section className="rg-report__section" data-rg-report-section="headline">
        <h2>Headline figures against targets</h2>
        <table className="rg-report__table">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">This period</th>
              <th scope="col">Period before</th>
              <th scope="col">Target</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {REPORT_FIGURES.map((key) => {
              const def = figureDef(key);
              const check = checkOf(key);
              return (
                <tr key={key} data-rg-report-figure={key}>
                  <th scope="row">{def.label}</th>
                  <td>{formatMetric(r.headline[key], def.format)}</td>
                  <td>{r.previousHeadline ? formatMetric(r.previousHeadline[key], def.format) : '–'}</td>
                  <td>{check ? formatTarget(check.figure, check.target) : '–'}</td>
                  <td>{check ? <Status status={check.status} /> : <span className="rg-report__muted">–</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <h3>Override rate per day</h3>
        <DailyChart days={r.days} target={r.checks.find((c) => c.key === 'overrideRate')?.target} />
        <p className="rg-report__muted rg-report__small">
          Dots: days with at least 20 suggestions; red: beyond the target (dotted line).{' '}
          {r.days.filter((d) => d.status === 'above' || d.status === 'below').length} of {r.days.length} days beyond it.
        </p>
      </section>

      <section className="rg-report__section" data-rg-report-section="alarms">
        <h2>Alarms and what moved</h2>
        {r.alarms.length === 0 && r.breaches.length === 0 ? (
          <p>No drift alarm and no stretch of days beyond a target in this period.</p>
        ) : null}
        {r.breaches.map((b) => (
          <div key={`${b.figure}-${b.startedAt}`} className="rg-report__alarm" data-rg-report-breach={b.figure}>
            <p>
              <strong>
                {targetLabel(b.figure)} {b.direction} its target
              </strong>{' '}
              ({formatTarget(b.figure, b.target)}): {formatTargetValue(b.figure, b.level)} over {b.days}{' '}
              {b.days === 1 ? 'day' : 'days'} from {shortDay.format(b.startedAt)} against{' '}
              {formatTargetValue(b.figure, b.baseline)} on the days within target before{b.open ? '; still beyond' : ''}
              .
            </p>
            {b.movers.length ? <MoversTable movers={b.movers} caption="What moved most" /> : null}
          </div>
        ))}
        {r.alarms.map((a) => (
          <div key={`${a.metric}-${a.startIndex}`} className="rg-report__alarm" data-rg-report-alarm={a.metric}>
            <p>
              <strong>
                Drift: {driftMetricLabel(a.metric)} {a.direction === 'up' ? 'rose' : 'fell'}
              </strong>{' '}
              from {pct(a.baseline)} to {pct(a.level)}, from {shortDay.format(a.startedAt)} (detected{' '}
              {shortDay.format(a.detectedAt)}){a.endedAt ? `, ended ${shortDay.format(a.endedAt)}` : ', still open'}.
            </p>
            <MoversTable movers={a.movers} caption="What moved most" />
          </div>
        ))}
      </section>

      <section className="rg-report__section" data-rg-report-section="rules">
        <h2>Top rules and their false-alarm rates</h2>
        {rulesShown.length === 0 ? (
          <p>No rule fired in this period.</p>
        ) : (
          <table className="rg-report__table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Category</th>
                <th scope="col">Findings</th>
                <th scope="col">False alarms</th>
                <th scope="col">Target</th>
                <th scope="col">Overridden when fired</th>
              </tr>
            </thead>
            <tbody>
              {rulesShown.map((x) => (
                <tr key={x.rule} data-rg-report-rule={x.rule}>
                  <th scope="row">
                    <code>{x.rule}</code>
                  </th>
                  <td>{x.category}</td>
                  <td>{x.fired.toLocaleString('en')}</td>
                  <td>{pct(x.falseAlarmRate)}</td>
                  <td>
                    {x.target ? formatTarget('falseAlarmRate', x.target) : '–'}{' '}
                    {x.status && x.status !== 'met' ? <Status status={x.status} /> : null}
                  </td>
                  <td>{pct(x.overriddenRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="rg-report__muted rg-report__small">
          {r.rules.length > rulesShown.length ? `${r.rules.length - rulesShown.length} more rules fired less. ` : ''}
          {beyondRules.length
            ? `${beyondRules.length} ${beyondRules.length === 1 ? 'rule is' : 'rules are'} beyond their false-alarm target. `
            : ''}
          A rule is held to its target once it has 20 findings in the period.
        </p>
      </section>

      <section className="rg-report__section" data-rg-report-section="review">
        <h2>Review sampling</h2>
        <p
          data-rg-report-review=""
          data-reviewed={r.review.reviewed}
          data-flagged={r.review.flagged}
          data-sampled={r.review.sampled}
        >
          {pct(r.reviewShare)} of the {r.review.accepted.toLocaleString('en')} suggestions sent as suggested were
          sampled ({r.review.sampled.toLocaleString('en')}); {r.review.reviewed.toLocaleString('en')} were reviewed and{' '}
          {r.review.flagged.toLocaleString('en')} judged as should have been changed.
        </p>
        {r.review.share && r.review.count ? (
          <p>
            <strong>
              Estimated share of accepted suggestions that should have been changed: {pct(r.review.share.estimate)} (95%
              Wilson interval {pct(r.review.share.low)} to {pct(r.review.share.high)}), about{' '}
              {Math.round(r.review.count.estimate).toLocaleString('en')} suggestions (
              {Math.round(r.review.count.low).toLocaleString('en')} to{' '}
              {Math.round(r.review.count.high).toLocaleString('en')}).
            </strong>
            {r.review.reasons.length
              ? ` Reasons: ${r.review.reasons
                  .map((x) => `${x.reason === 'none given' ? x.reason : REASON_LABELS[x.reason]} ${x.count}`)
                  .join(', ')}.`
              : ''}
          </p>
        ) : (
          <p>No sampled suggestion of this period has been reviewed yet: there is no estimate.</p>
        )}
        <p className="rg-report__muted rg-report__small">
          The sample is picked by a hash of each event’s random id, independent of what the event holds; reviewed in its
          random order, the events reviewed so far are a random sample of the accepted suggestions.
        </p>
      </section>

      <section className="rg-report__section" data-rg-report-section="examples">
        <h2>Examples</h2>
        <p className="rg-report__muted rg-report__small">
          Personal data (e-mail addresses, phone and card numbers, IBANs, passwords and secrets) is masked in every text
          below, whatever the privacy mode it was stored under.
        </p>
        {examples.length === 0 ? <p>No example in this period.</p> : null}
        {examples.map((e) => (
          <article key={`${e.kind}-${e.id}`} className="rg-report__example" data-rg-report-example={e.kind}>
            <p className="rg-report__example-head">
              <strong>{EXAMPLE_KIND[e.kind]}</strong> · {OUTCOME_LABELS[e.outcome].toLowerCase()} ·{' '}
              {stamp.format(e.decidedAt)} · {helpdeskName(e.helpdesk)} · agent {e.agent || 'me'}
              {e.reason ? ` · reason: ${REASON_LABELS[e.reason]}` : ''}
            </p>
            {e.findings.length ? <p className="rg-report__small">Findings: {e.findings.join(' · ')}</p> : null}
            {e.text !== null ? (
              <blockquote>{e.text}</blockquote>
            ) : (
              <p className="rg-report__muted">No text kept (privacy mode “{e.privacy}”).</p>
            )}
            {e.note ? <p className="rg-report__small">Review note: “{e.note}”</p> : null}
          </article>
        ))}
      </section>

      <footer className="rg-report__footer rg-report__muted rg-report__small">
        Targets:{' '}
        {TARGET_FIGURES.map((f) => f.label)
          .slice(0, 3)
          .join(', ')}{' '}
        and each rule’s false-alarm rate, as set by the lead or the organisation’s policy. Figures follow the
        dashboard’s definitions.
      </footer>
    </main>
  );
}
