import {
  formatMetric,
  HEADLINE_METRICS,
  type Headline,
  type HeadlineKey,
  type MetricDefinition,
} from '@/lib/stats/metrics';

interface Props {
  headline: Headline;
  previous: Headline | null;
  previousLabel: string;
  /** Charts the figure in the trend panel. */
  onSelect(key: HeadlineKey): void;
}

function change(m: MetricDefinition, now: number | null, before: number | null): { text: string; tone: string } | null {
  if (now === null || before === null) return null;
  const delta = now - before;
  if (Math.abs(delta) < 1e-9) return { text: 'no change', tone: 'same' };
  const worse = m.worseWhen === null ? null : delta > 0 === (m.worseWhen === 'up');
  const arrow = delta > 0 ? '▲' : '▼';
  const amount =
    m.format === 'percent'
      ? `${Math.abs(delta * 100).toFixed(1)} pts`
      : m.format === 'count'
        ? Math.abs(delta).toLocaleString('en')
        : formatMetric(Math.abs(delta), m.format);
  return { text: `${arrow} ${amount}`, tone: worse === null ? 'same' : worse ? 'worse' : 'better' };
}

/**
 * The headline figures. Each card is a button (it charts the figure below) whose definition shows
 * on hover and on focus and is its accessible description, so "what does edited mean here" is one
 * step away for mouse and keyboard alike.
 */
export function HeadlineCards({ headline, previous, previousLabel, onSelect }: Props) {
  return (
    <section aria-labelledby="rg-headline-title" className="rg-section">
      <h2 id="rg-headline-title">Headline figures</h2>
      <div className="rg-metrics">
        {HEADLINE_METRICS.map((m) => {
          const value = headline[m.key];
          const before = previous ? previous[m.key] : null;
          const diff = change(m, value, before);
          const tipId = `rg-def-${m.key}`;
          return (
            <button
              type="button"
              key={m.key}
              className="rg-metric"
              onClick={() => onSelect(m.key)}
              aria-describedby={tipId}
              data-rg-metric={m.key}
              data-rg-value={value === null ? '' : String(value)}
            >
              <span className="rg-metric__label">{m.label}</span>
              <span className="rg-metric__value">{formatMetric(value, m.format)}</span>
              {diff ? (
                <span className={`rg-metric__change rg-metric__change--${diff.tone}`}>
                  {diff.text} <span className="rg-muted">vs {previousLabel}</span>
                </span>
              ) : (
                <span className="rg-metric__change rg-muted">no earlier period</span>
              )}
              <span role="tooltip" id={tipId} className="rg-tip">
                {m.definition}
              </span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
