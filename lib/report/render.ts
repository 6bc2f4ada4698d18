import {
  type BreakdownDimension,
  type BreakdownRow,
  breakdownOverrideRate,
  falseAlarmRate,
  overriddenWhenFiredRate,
  type TrendBucket,
} from '../stats/aggregate';
import { formatMetric, HEADLINE_METRICS, type Headline } from '../stats/metrics';
import { driftMetricLabel } from '../stats/monitor';
import type { ReportFigures } from './figures';

/**
 * The report as a person reads it: a terminal summary and one self-contained HTML page (inline CSS
 * and SVG, no script, nothing fetched), from the figures the SQL computed. Every string that came
 * from the files (agents, helpdesks, rules) is escaped.
 */

/** Where the figures came from, printed with them. */
export interface ReportMeta {
  files: number;
  bytes: number;
  tz: string;
  preset: string;
  engine: string;
  /** Wall time of the whole report, ms. */
  ms: number;
}

const pct = (x: number | null) => formatMetric(x, 'percent');
const count = (x: number) => x.toLocaleString('en');
const day = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const BREAKDOWN_TITLES: Record<BreakdownDimension, string> = {
  helpdesk: 'By helpdesk',
  agent: 'By agent',
  source: 'By how the suggestion arrived',
  category: 'By finding category',
  reason: 'By override reason',
  sentiment: 'By customer sentiment',
  sarcasm: 'By sarcasm',
};

function openAlarms(f: ReportFigures) {
  return f.drift.monitors.flatMap((m) => m.result.alarms.map((a) => ({ ...a, metric: m.metric })));
}

/** The terminal summary: the period, the headline figures, the top rules, the busiest agents, drift alarms. */
export function terminalSummary(f: ReportFigures, meta: ReportMeta): string {
  const out: string[] = [];
  out.push(
    `ReplyGuard report: ${count(f.extent.events)} decisions from ${meta.files} files ` +
      `(${(meta.bytes / 1e6).toFixed(1)} MB, ${count(f.extent.repeated)} repeated rows counted once), ` +
      `${f.extent.agents} agents, ${f.extent.helpdesks} helpdesks.`,
  );
  out.push(
    `Period ${day(f.period.start)} to ${day(f.period.end - 1)} (${meta.preset}, local days in ${meta.tz}); ${meta.engine}, ${(meta.ms / 1000).toFixed(1)} s.`,
  );
  out.push('');
  for (const m of HEADLINE_METRICS) {
    const now = formatMetric(f.headline[m.key], m.format);
    const before = f.previousHeadline ? formatMetric(f.previousHeadline[m.key], m.format) : '–';
    out.push(`  ${m.label.padEnd(32)} ${now.padStart(14)}   before: ${before}`);
  }
  out.push('', '  Rules (most findings first): fired · false-alarm rate · overridden when fired');
  for (const r of f.rules.slice(0, 8)) {
    out.push(
      `    ${r.rule.padEnd(28)} ${count(r.fired).padStart(10)} · ${pct(falseAlarmRate(r)).padStart(6)} · ${pct(overriddenWhenFiredRate(r)).padStart(6)}`,
    );
  }
  out.push('', '  Agents with the highest override rate (at least 20 suggestions):');
  const agents = f.breakdowns.agent
    .filter((a) => a.seen >= 20)
    .sort((a, b) => breakdownOverrideRate(b) - breakdownOverrideRate(a));
  for (const a of agents.slice(0, 5)) {
    out.push(`    ${a.key.padEnd(28)} ${pct(breakdownOverrideRate(a)).padStart(6)} of ${count(a.seen)}`);
  }
  const alarms = openAlarms(f);
  out.push('', alarms.length ? '  Drift alarms:' : '  No drift alarm.');
  for (const a of alarms) {
    out.push(
      `    ${driftMetricLabel(a.metric)} went ${a.direction} from ${pct(a.baseline)} to ${pct(a.level)}, since ${day(a.startedAt)}${a.endedAt === null ? ' (open)' : ` until ${day(a.endedAt)}`}`,
    );
  }
  return out.join('\n');
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A line chart of a share (0 to 1) per point, current against previous, as inline SVG. */
function lineChart(
  series: { label: string; colour: string; points: (number | null)[]; dashed?: boolean }[],
  labels: string[],
  bands: { from: number; to: number }[] = [],
): string {
  const w = 720;
  const h = 200;
  const pad = { l: 40, r: 10, t: 10, b: 24 };
  const n = Math.max(1, labels.length - 1);
  const values = series.flatMap((s) => s.points.filter((p): p is number => p !== null));
  const top = Math.min(1, Math.max(0.05, ...values) * 1.15);
  const x = (i: number) => pad.l + ((w - pad.l - pad.r) * i) / n;
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / top);
  const parts: string[] = [];
  for (const b of bands) {
    parts.push(
      `<rect x="${x(b.from).toFixed(1)}" y="${pad.t}" width="${Math.max(2, x(b.to) - x(b.from)).toFixed(1)}" height="${h - pad.t - pad.b}" fill="#fde2e1"/>`,
    );
  }
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    parts.push(
      `<line x1="${pad.l}" x2="${w - pad.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e5e7eb"/>`,
      `<text x="${pad.l - 4}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${Math.round(v * 100)}%</text>`,
    );
  }
  const step = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((l, i) => {
    if (i % step === 0) parts.push(`<text x="${x(i).toFixed(1)}" y="${h - 6}" text-anchor="middle">${esc(l)}</text>`);
  });
  for (const s of series) {
    const d = s.points
      .map((p, i) => (p === null ? null : `${x(i).toFixed(1)},${y(p).toFixed(1)}`))
      .filter((p): p is string => p !== null)
      .join(' ');
    if (d) {
      parts.push(
        `<polyline fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''} points="${d}"/>`,
      );
    }
  }
  const legend = series.map((s) => `<span><i style="background:${s.colour}"></i>${esc(s.label)}</span>`).join('');
  return `<svg viewBox="0 0 ${w} ${h}" role="img" class="chart">${parts.join('')}</svg><p class="legend">${legend}</p>`;
}

const rate = (b: TrendBucket) => (b.tally.seen > 0 ? (b.tally.seen - b.tally.accepted) / b.tally.seen : null);

function headlineCards(now: Headline, before: Headline | null): string {
  return HEADLINE_METRICS.map((m) => {
    const v = formatMetric(now[m.key], m.format);
    const p = before ? formatMetric(before[m.key], m.format) : '–';
    return `<div class="card"><div class="label" title="${esc(m.definition)}">${esc(m.label)}</div><div class="value">${esc(v)}</div><div class="muted">before: ${esc(p)}</div></div>`;
  }).join('');
}

function breakdownTable(dimension: BreakdownDimension, rows: readonly BreakdownRow[], limit = 15): string {
  const body = rows
    .slice(0, limit)
    .map(
      (b) =>
        `<tr><td>${esc(b.key)}</td><td>${count(b.seen)}</td><td>${pct(b.seen ? b.accepted / b.seen : null)}</td><td>${pct(b.seen ? b.edited / b.seen : null)}</td><td>${pct(b.seen ? b.rejected / b.seen : null)}</td><td>${pct(b.seen ? b.escalated / b.seen : null)}</td><td><b>${pct(breakdownOverrideRate(b))}</b></td></tr>`,
    )
    .join('');
  const more = rows.length > limit ? `<p class="muted">and ${rows.length - limit} more</p>` : '';
  return `<section class="panel"><h3>${esc(BREAKDOWN_TITLES[dimension])}</h3><table><thead><tr><th></th><th>Seen</th><th>Accepted</th><th>Edited</th><th>Rejected</th><th>Escalated</th><th>Override rate</th></tr></thead><tbody>${body}</tbody></table>${more}</section>`;
}

/** The whole report as one HTML page. */
export function reportHtml(f: ReportFigures, meta: ReportMeta): string {
  const days = f.trends.day;
  const trend = lineChart(
    [
      { label: 'Override rate, this period', colour: '#2563eb', points: days.current.map(rate) },
      { label: 'the period before', colour: '#9ca3af', points: days.previous.map(rate), dashed: true },
    ],
    days.current.map((b) => day(b.start).slice(5)),
  );
  const overrideMonitor = f.drift.monitors.find((m) => m.metric === 'override-rate')?.result;
  const obs = overrideMonitor?.observations ?? [];
  const drift = lineChart(
    [
      {
        label: `Override rate per block of ${count(f.drift.blockSize)} decisions`,
        colour: '#b91c1c',
        points: obs.map((o) => o.value),
      },
    ],
    obs.map((o) => day(o.from).slice(5)),
    (overrideMonitor?.alarms ?? []).map((a) => ({ from: a.startIndex, to: a.endIndex ?? obs.length - 1 })),
  );
  const alarms = openAlarms(f)
    .map(
      (a) =>
        `<li><b>${esc(driftMetricLabel(a.metric))}</b> went ${a.direction} from ${pct(a.baseline)} to ${pct(a.level)}, since ${day(a.startedAt)}${a.endedAt === null ? ' (still open)' : `, until ${day(a.endedAt)}`}</li>`,
    )
    .join('');
  const rules = f.rules
    .map(
      (r) =>
        `<tr><td><code>${esc(r.rule)}</code></td><td>${esc(r.category)}</td><td>${count(r.fired)}</td><td>${pct(falseAlarmRate(r))}</td><td>${pct(overriddenWhenFiredRate(r))}</td></tr>`,
    )
    .join('');
  const dims: BreakdownDimension[] = ['helpdesk', 'agent', 'category', 'source', 'reason', 'sentiment', 'sarcasm'];
  const timings = Object.entries(f.timings)
    .map(([k, v]) => `${esc(k)} ${(v / 1000).toFixed(2)} s`)
    .join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ReplyGuard report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#f3f4f6;margin:0;padding:24px}
main{max-width:1120px;margin:0 auto}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}h3{font-size:15px;margin:0 0 8px}
.muted{color:#6b7280;font-size:12px}
.cards{display:grid;grid-template-columns:repeat(5,1fr);gap:8px}
.card,.panel{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 12px}
.card .label{font-size:12px;color:#374151}.card .value{font-size:20px;font-weight:600}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:12px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:right;padding:3px 6px;border-bottom:1px solid #f3f4f6}
th:first-child,td:first-child{text-align:left}th{color:#374151;font-weight:600}
.chart{width:100%;height:auto}.chart text{font-size:10px;fill:#6b7280}
.legend span{margin-right:14px;font-size:12px}.legend i{display:inline-block;width:12px;height:3px;margin-right:4px;vertical-align:middle}
</style></head>
<body><main>
<h1>ReplyGuard report</h1>
<p class="muted">${count(f.extent.events)} decisions from ${meta.files} files (${(meta.bytes / 1e6).toFixed(1)} MB; ${count(f.extent.repeated)} repeated rows counted once) · ${f.extent.agents} agents · ${f.extent.helpdesks} helpdesks · period ${day(f.period.start)} to ${day(f.period.end - 1)} (${esc(meta.preset)}, local days in ${esc(meta.tz)}) · computed by ${esc(meta.engine)} in ${(meta.ms / 1000).toFixed(1)} s</p>
<h2>Headline figures</h2>
<div class="cards">${headlineCards(f.headline, f.previousHeadline)}</div>
<div class="grid">
<section class="panel"><h3>Override rate by day</h3>${trend}</section>
<section class="panel"><h3>Drift (whole log)</h3>${drift}${alarms ? `<ul>${alarms}</ul>` : '<p class="muted">No drift alarm.</p>'}</section>
</div>
<h2>Rules</h2>
<section class="panel"><table><thead><tr><th>Rule</th><th>Category</th><th>Findings</th><th>False-alarm rate</th><th>Overridden when fired</th></tr></thead><tbody>${rules}</tbody></table></section>
<h2>Breakdowns</h2>
<div class="grid">${dims.map((d) => breakdownTable(d, f.breakdowns[d])).join('')}</div>
<p class="muted">Queries: ${timings}. Definitions: lib/report/sql in the ReplyGuard repository.</p>
</main></body></html>
`;
}
