import { startOfDay } from '@/lib/stats/aggregate';
import type { ReportTeam } from '@/lib/stats/report';

/** The report's period and team, read from its URL (`from`, `to`: local days YYYY-MM-DD; `team`, `helpdesk`, `agents`). */
export interface ReportParams {
  period: { start: number; end: number };
  team: ReportTeam;
}

/** Days the report covers when the URL names no period: the dashboard's default. @default 28 */
export const DEFAULT_REPORT_DAYS = 28;

/** Local midnight of a YYYY-MM-DD day; null for anything else. */
function localDay(text: string | null): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) || d.getDate() !== Number(m[3]) ? null : d.getTime();
}

/** Local midnight `days` days after (or before) the local midnight `t`, whatever the clock changes between. */
const addDays = (t: number, days: number) => {
  const d = new Date(t);
  d.setDate(d.getDate() + days);
  return d.getTime();
};

/**
 * Reads the URL. `to` is the last day included; without `from` and `to` the report covers the last
 * 28 days up to today; a `from` after `to` is swapped. `agents` may repeat or be comma-separated.
 */
export function parseReportParams(search: string, now: number): ReportParams {
  const q = new URLSearchParams(search);
  let from = localDay(q.get('from'));
  let to = localDay(q.get('to'));
  if (to === null) to = startOfDay(now);
  if (from === null) from = addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  if (from > to) [from, to] = [to, from];
  const agents = q
    .getAll('agents')
    .flatMap((a) => a.split(','))
    .map((a) => a.trim())
    .filter(Boolean);
  const helpdesk = q.get('helpdesk') || undefined;
  return {
    period: { start: from, end: addDays(to, 1) },
    team: { name: (q.get('team') ?? '').slice(0, 80), agents: [...new Set(agents)], ...(helpdesk ? { helpdesk } : {}) },
  };
}
