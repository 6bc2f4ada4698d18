import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { Target } from '@/lib/settings/targets';
import type { Granularity, Trend } from '@/lib/stats/aggregate';
import { formatMetric, HEADLINE_METRICS, type HeadlineKey, headlineOf, type MetricFormat } from '@/lib/stats/metrics';
import {
  DAILY_TARGET_FIGURES,
  type DailyTargetFigure,
  MIN_SUGGESTIONS_PER_DAY,
  targetStatus,
} from '@/lib/stats/targets';
import { axis, type ChartTheme, UPlotChart, useChartTheme } from './UPlotChart';

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

/** Per-point medians of the time to decision, aligned with the trends' points (computed after the first paint). */
export type MedianTrends = Record<Granularity, { current: (number | null)[]; previous: (number | null)[] }>;

/** The series that draw a target: the points beyond it, and its upper and lower bounds as dotted lines. */
function targetSeries(show: boolean, theme: ChartTheme, format: MetricFormat): uPlot.Series[] {
  if (!show) return [];
  const value = (_u: uPlot, v: number | null) => formatMetric(v, format);
  const bound = (label: string): uPlot.Series => ({
    label,
    stroke: theme.warning,
    width: 1.5,
    dash: [2, 3],
    points: { show: false },
    value,
  });
  return [
    {
      label: 'Beyond target',
      stroke: theme.critical,
      width: 0,
      points: { show: true, size: 9, fill: theme.critical },
      value,
    },
    bound('Target (at most)'),
    bound('Target (at least)'),
  ];
}

interface Props {
  trends: Record<Granularity, Trend>;
  /** The targets (lib/settings/targets.ts): the charted figure's is drawn, and points beyond it marked. */
  targets?: Readonly<Record<string, Target>> | null;
  /** When given, the median time to decision can be charted too. */
  medians?: MedianTrends | null;
  metric: HeadlineKey;
  granularity: Granularity;
  onMetric(metric: HeadlineKey): void;
  onGranularity(granularity: Granularity): void;
}

const dateFmt = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

/** A rate by day or week over the period, with the period before drawn dashed on the same axis. */
export function TrendPanel({ trends, metric, granularity, onMetric, onGranularity, targets, medians }: Props) {
  const theme = useChartTheme();
  const trend = trends[granularity];
  const def = defOf(metric);
  const format = def?.format ?? 'percent';
  const keys = medians !== undefined ? [...TREND_KEYS, 'medianDecisionMs' as const] : TREND_KEYS;
  const target = DAILY_TARGET_FIGURES.includes(metric as DailyTargetFigure) ? targets?.[metric] : undefined;
  const median = metric === 'medianDecisionMs' ? medians?.[granularity] : undefined;

  const points = useMemo(() => {
    const value = (b: Trend['current'][number] | undefined, fromMedian: number | null | undefined) => {
      if (!b || b.tally.seen === 0) return null;
      return fromMedian !== undefined ? fromMedian : headlineOf(b.tally)[metric];
    };
    return trend.current.map((b, i) => {
      const now = value(b, median ? (median.current[i] ?? null) : undefined);
      const status = b.tally.seen >= MIN_SUGGESTIONS_PER_DAY ? targetStatus(now, target) : null;
      return {
        start: b.start,
        seen: b.tally.seen,
        now,
        before: value(trend.previous[i], median ? (median.previous[i] ?? null) : undefined),
        status,
      };
    });
  }, [trend, metric, median, target]);
  const beyond = points.filter((p) => p.status === 'above' || p.status === 'below').length;

  const data = useMemo<uPlot.AlignedData>(() => {
    const base: uPlot.AlignedData = [
      points.map((p) => p.start / 1000),
      points.map((p) => p.now),
      points.map((p) => p.before),
    ];
    if (!target) return base;
    return [
      ...base,
      points.map((p) => (p.status === 'above' || p.status === 'below' ? p.now : null)),
      points.map(() => target.max ?? null),
      points.map(() => target.min ?? null),
    ];
  }, [points, target]);
  // The target's series come and go with it: the chart is rebuilt when it does (a new options builder).
  const hasTarget = target !== undefined;
  const targetTop = Math.max(target?.max ?? 0, target?.min ?? 0);

  const options = useCallback(
    (width: number): uPlot.Options => ({
      width,
      height: 220,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true },
        y: {
          range: (_u, _min, dataMax) => {
            const max = Math.max(dataMax, targetTop);
            return [0, format === 'percent' ? Math.max(0.05, max * 1.1) : Math.max(1, max * 1.1)];
          },
        },
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
        ...targetSeries(hasTarget, theme, format),
      ],
    }),
    [theme, format, hasTarget, targetTop],
  );

  const label = `${def?.label ?? metric} by ${granularity}, ${points.length} points; dashed line: the period before${
    target ? `; dotted: the target, ${beyond} ${beyond === 1 ? 'point' : 'points'} beyond it` : ''
  }.`;
  return (
    <section
      aria-labelledby="rg-trend-title"
      className="rg-section rg-card"
      data-rg-chart="trend"
      data-rg-target={target ? JSON.stringify(target) : ''}
      data-rg-beyond={beyond}
    >
      <div className="rg-section__head">
        <h2 id="rg-trend-title">Trend</h2>
        <label>
          <span className="rg-visually-hidden">Metric</span>
          <select value={metric} onChange={(e) => onMetric(e.target.value as HeadlineKey)} aria-label="Trend metric">
            {keys.map((k) => (
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
              {target ? <th scope="col">Target</th> : null}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.start}>
                <td>{dateFmt.format(p.start)}</td>
                <td>{p.seen}</td>
                <td>{formatMetric(p.now, format)}</td>
                <td>{formatMetric(p.before, format)}</td>
                {target ? (
                  <td data-rg-point-status={p.status ?? ''}>
                    {p.status === 'above' ? 'above' : p.status === 'below' ? 'below' : p.status === 'met' ? 'met' : '–'}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
