import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { Category } from '@/lib/engine/types';
import { DEFAULT_CUSUM } from '@/lib/stats/drift';
import { type DriftMetric, type DriftReport, driftMetricLabel } from '@/lib/stats/monitor';
import type { TargetBreach } from '@/lib/stats/targets';
import { EMPTY_TEXT } from './labels';
import { MoversTable } from './MoversTable';
import { TargetBreaches } from './TargetBreaches';
import { axis, UPlotChart, useChartTheme } from './UPlotChart';

interface Props {
  report: DriftReport;
  /** Stretches of days beyond a target (lib/stats/targets.ts); absent while targets are not read or none is set. */
  breaches?: readonly TargetBreach[] | null;
  metric: DriftMetric;
  onMetric(metric: DriftMetric): void;
}

const when = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * The drift monitors: the chosen metric's block rates against its baseline, the CUSUM statistic
 * against the alarm threshold, and every alarm with what moved most between baseline and alarm.
 */
export function DriftPanel({ report, metric, onMetric, breaches }: Props) {
  const theme = useChartTheme();
  const result =
    metric === 'override-rate'
      ? report.overrideRate
      : (report.categories[metric.slice('category:'.length) as Category] ?? report.overrideRate);
  const metrics: DriftMetric[] = [
    'override-rate',
    ...(Object.keys(report.categories) as Category[]).map((c) => `category:${c}` as const),
  ];

  const data = useMemo<uPlot.AlignedData>(() => {
    const o = result.observations;
    return [
      o.map((x) => x.to / 1000),
      o.map((x) => x.value),
      o.map(() => (result.ready ? result.baselineMean : null)),
      result.upper.map((u, i) => Math.max(u, result.lower[i] ?? 0)),
    ];
  }, [result]);

  const options = useCallback(
    (width: number): uPlot.Options => ({
      width,
      height: 220,
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true },
        rate: { range: (_u, _min, max) => [0, Math.max(0.05, max * 1.1)] },
        cusum: { range: [0, DEFAULT_CUSUM.h * 2] },
      },
      axes: [
        axis(theme),
        axis(theme, { scale: 'rate', values: (_u, t) => t.map((v) => pct(v)), size: 56 }),
        axis(theme, { scale: 'cusum', side: 1, grid: { show: false }, size: 40 }),
      ],
      series: [
        {},
        {
          label: 'Block rate',
          scale: 'rate',
          stroke: theme.accent,
          width: 1.5,
          value: (_u, v) => (v == null ? '–' : pct(v)),
        },
        {
          label: 'Baseline',
          scale: 'rate',
          stroke: theme.ok,
          width: 1,
          dash: [4, 4],
          value: (_u, v) => (v == null ? '–' : pct(v)),
        },
        {
          label: `CUSUM (alarm at ${DEFAULT_CUSUM.h})`,
          scale: 'cusum',
          stroke: theme.critical,
          width: 1,
          value: (_u, v) => (v == null ? '–' : v.toFixed(1)),
        },
      ],
    }),
    [theme],
  );

  const label = `${driftMetricLabel(metric)} in blocks of ${report.blockSize} suggestions, with the baseline and the CUSUM statistic; ${result.alarms.length} alarms.`;

  return (
    <section aria-labelledby="rg-drift-title" className="rg-section rg-card" data-rg-chart="drift">
      <div className="rg-section__head">
        <h2 id="rg-drift-title">Drift</h2>
        <select value={metric} onChange={(e) => onMetric(e.target.value as DriftMetric)} aria-label="Drift metric">
          {metrics.map((m) => (
            <option key={m} value={m}>
              {driftMetricLabel(m)}
            </option>
          ))}
        </select>
      </div>
      <p className="rg-muted rg-small">
        Two-sided CUSUM over the whole log (filters apply, the period does not: the baseline is the oldest{' '}
        {report.baselineObservations} blocks of {report.blockSize} suggestions). An alarm needs {DEFAULT_CUSUM.h}{' '}
        standard deviations of accumulated evidence and at least {DEFAULT_CUSUM.minObservations} observations.
      </p>
      {result.ready ? (
        <UPlotChart options={options} data={data} label={label} />
      ) : (
        <p className="rg-empty">{EMPTY_TEXT.driftNotReady(report.baselineObservations + 1, report.blockSize)}</p>
      )}
      <h3>Alarms</h3>
      {report.alarms.length === 0 ? (
        <p className="rg-muted" data-rg-alarms="0">
          {report.overrideRate.ready ? EMPTY_TEXT.noAlarms : 'None yet.'}
        </p>
      ) : (
        <ul className="rg-alarms" data-rg-alarms={report.alarms.length}>
          {report.alarms.map((a) => (
            <li key={`${a.metric}-${a.startIndex}-${a.direction}`} className="rg-alarm" data-rg-alarm={a.metric}>
              <div>
                <strong>
                  {driftMetricLabel(a.metric)} {a.direction === 'up' ? 'rose' : 'fell'}
                </strong>{' '}
                from {pct(a.baseline)} to {pct(a.level)} · started {when.format(a.startedAt)} · detected{' '}
                {when.format(a.detectedAt)} · {a.endedAt ? `ended ${when.format(a.endedAt)}` : 'still open'}{' '}
                <button type="button" className="rg-link" onClick={() => onMetric(a.metric)}>
                  Show on chart
                </button>
              </div>
              <MoversTable movers={a.movers} caption="What moved most (alarm window vs baseline)" />
            </li>
          ))}
        </ul>
      )}
      {breaches ? <TargetBreaches breaches={breaches} /> : null}
    </section>
  );
}
