import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { Granularity, Trend } from '@/lib/stats/aggregate';
import { formatMetric, HEADLINE_METRICS, type HeadlineKey, headlineOf } from '@/lib/stats/metrics';
import { axis, UPlotChart, useChartTheme } from './UPlotChart';

/** Rates a lead can chart over time (the count and the median are on the cards). */
const TREND_KEYS: readonly HeadlineKey[] = [
  'overrideRate',
  'acceptanceRate',
  'editRate',
  'rejectionRate',
  'escalationRate',
  'findingsPer100',
  'unresolvedCriticalShare',
  'meanEditChange',
];

const OVERRIDE_DEF = {
  key: 'overrideRate' as const,
  label: 'Override rate',
  definition: 'Share of suggestions not sent as suggested (1 − accepted share).',
  format: 'percent' as const,
};

const defOf = (key: HeadlineKey) =>
  key === 'overrideRate' ? OVERRIDE_DEF : HEADLINE_METRICS.find((m) => m.key === key);

interface Props {
  trends: Record<Granularity, Trend>;
  metric: HeadlineKey;
  granularity: Granularity;
  onMetric(metric: HeadlineKey): void;
  onGranularity(granularity: Granularity): void;
}

const dateFmt = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

/** A rate by day or week over the period, with the period before drawn dashed on the same axis. */
export function TrendPanel({ trends, metric, granularity, onMetric, onGranularity }: Props) {
  const theme = useChartTheme();
  const trend = trends[granularity];
  const def = defOf(metric);
  const format = def?.format ?? 'percent';

  const points = useMemo(() => {
    const value = (b: Trend['current'][number] | undefined) => {
      if (!b || b.tally.seen === 0) return null;
      return headlineOf(b.tally)[metric];
    };
    return trend.current.map((b, i) => ({
      start: b.start,
      seen: b.tally.seen,
      now: value(b),
      before: value(trend.previous[i]),
    }));
  }, [trend, metric]);

  const data = useMemo<uPlot.AlignedData>(
    () => [points.map((p) => p.start / 1000), points.map((p) => p.now), points.map((p) => p.before)],
    [points],
  );

  const options = useCallback(
    (width: number): uPlot.Options => ({
      width,
      height: 220,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true },
        y: { range: (_u, _min, max) => [0, format === 'percent' ? Math.max(0.05, max * 1.1) : Math.max(1, max * 1.1)] },
      },
      axes: [axis(theme), axis(theme, { values: (_u, ticks) => ticks.map((t) => formatMetric(t, format)), size: 60 })],
      series: [
        {},
        {
          label: 'This period',
          stroke: theme.accent,
          width: 2,
          points: { show: true, size: 5 },
          spanGaps: false,
          value: (_u, v) => formatMetric(v, format),
        },
        {
          label: 'Period before',
          stroke: theme.muted,
          width: 1.5,
          dash: [6, 4],
          spanGaps: false,
          value: (_u, v) => formatMetric(v, format),
        },
      ],
    }),
    [theme, format],
  );

  const label = `${def?.label ?? metric} by ${granularity}, ${points.length} points; dashed line: the period before.`;
  return (
    <section aria-labelledby="rg-trend-title" className="rg-section rg-card" data-rg-chart="trend">
      <div className="rg-section__head">
        <h2 id="rg-trend-title">Trend</h2>
        <label>
          <span className="rg-visually-hidden">Metric</span>
          <select value={metric} onChange={(e) => onMetric(e.target.value as HeadlineKey)} aria-label="Trend metric">
            {TREND_KEYS.map((k) => (
              <option key={k} value={k}>
                {defOf(k)?.label ?? k}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="rg-segmented">
          <legend className="rg-visually-hidden">Granularity</legend>
          {(['day', 'week'] as const).map((g) => (
            <button
              key={g}
              type="button"
              className="rg-button"
              aria-pressed={granularity === g}
              onClick={() => onGranularity(g)}
            >
              By {g}
            </button>
          ))}
        </fieldset>
      </div>
      {def ? <p className="rg-muted rg-small">{def.definition}</p> : null}
      <UPlotChart options={options} data={data} label={label} />
      <details className="rg-chart-table">
        <summary>Show the numbers</summary>
        <table className="rg-table">
          <caption className="rg-visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{granularity === 'day' ? 'Day' : 'Week of'}</th>
              <th scope="col">Suggestions</th>
              <th scope="col">{def?.label}</th>
              <th scope="col">Period before</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.start}>
                <td>{dateFmt.format(p.start)}</td>
                <td>{p.seen}</td>
                <td>{formatMetric(p.now, format)}</td>
                <td>{formatMetric(p.before, format)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
