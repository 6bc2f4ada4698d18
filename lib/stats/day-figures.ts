import { eventAt, findingsReader, outcomeAt, rowOrder } from '../db/day-rows';
import { type DayTotals, type DurationSource, type DurationsByDay, SLOT_MS } from '../db/day-totals';
import { OVERRIDE_REASONS, SUGGESTION_SOURCES } from '../db/schema';
import { CHUNK_MS, type DayChunk } from '../db/summary';
import { type PeriodFigures, PeriodTallies } from './aggregate';
import type { EventFilter } from './filter';
import { scratchEvent, TALLY_SUMS } from './metrics';

/**
 * The headline figures and trends of a period and the one before, without decoding a single
 * row into an object, two ways:
 *
 * - `totalsFigures`, the dashboard's first render and every unfiltered view: adds up the per-day
 *   totals' quarter hours (lib/db/day-totals.ts), a few thousand sums instead of every row;
 * - `dayFigures`, for a filter (totals are not kept per helpdesk, agent, outcome, reason, source or
 *   category): reads the summary's packed days (lib/db/summary.ts) row by row, in the order
 *   `decodeChunks` would give them (oldest first, ties by id).
 *
 * Both count exactly what `aggregate` counts over the decoded rows; a unit test holds them to
 * that (sums of fractions equal to the last few bits: quarter hours are summed before days).
 */

/** The stored days (packed or totals) that overlap `[from, to)`, oldest first. */
function daysOverlapping<T extends { day: number }>(days: readonly T[], from: number, to: number): T[] {
  return days.filter((d) => (d.day + 1) * CHUNK_MS > from && d.day * CHUNK_MS < to).sort((a, b) => a.day - b.day);
}

/** The code of `value` among a day's distinct strings: -1 when absent, undefined when not filtered on. */
function codeOf(c: DayChunk, value: string | undefined): number | undefined {
  return value === undefined ? undefined : c.strings.indexOf(value);
}

/**
 * Headline figures and trends for a filter and period from the packed summary days.
 *
 * @param days the stored days, in any order; only those overlapping the period or the one before are read.
 * @param period `[start, end)`; the previous period is the same length just before it.
 * @param firstEventAt the earliest event in the log, to say whether a previous period exists.
 */
export function dayFigures(
  days: readonly DayChunk[],
  filter: EventFilter,
  period: { start: number; end: number },
  firstEventAt: number = period.start,
): PeriodFigures {
  const slices = new PeriodTallies(period, firstEventAt);
  const { prevStart, end } = slices;
  const { outcome: outcomeFilter, reason: reasonFilter, category } = filter;
  const sourceFilter = filter.source === undefined ? undefined : SUGGESTION_SOURCES.indexOf(filter.source);
  const event = scratchEvent();
  for (const c of daysOverlapping(days, prevStart, end)) {
    const helpdesk = codeOf(c, filter.helpdesk);
    const agent = codeOf(c, filter.agent);
    if (helpdesk === -1 || agent === -1) continue;
    const { decidedAt, reason } = c;
    const order = rowOrder(c);
    const findingsAt = findingsReader(c);
    for (let k = 0; k < decidedAt.length; k++) {
      const i = order ? (order[k] as number) : k;
      const t = decidedAt[i] as number;
      if (t < prevStart || t >= end) continue;
      if (helpdesk !== undefined && c.helpdesk[i] !== helpdesk) continue;
      if (agent !== undefined && c.agent[i] !== agent) continue;
      if (outcomeFilter !== undefined && outcomeAt(c, i) !== outcomeFilter) continue;
      if (sourceFilter !== undefined && c.source[i] !== sourceFilter) continue;
      if (reasonFilter !== undefined) {
        const r = reason[i] as number;
        if ((r < 0 ? null : (OVERRIDE_REASONS[r] ?? null)) !== reasonFilter) continue;
      }
      const info = findingsAt(i);
      if (category !== undefined && !info.categories.has(category)) continue;
      slices.addEvent(t, eventAt(c, i, info, event));
    }
  }
  return slices.figures();
}

/**
 * Headline figures and trends of an unfiltered period from the per-day totals; null when a
 * boundary of the period or of a trend point is not on a quarter hour (a historic time zone
 * offset), or when the decision times of a day it needs were not read (the dashboard's early
 * read holds only the default period's): `dayFigures` then counts row by row.
 *
 * @param totals the stored days' totals, in any order; only those overlapping the period or the one before are read.
 * @param durations those days' decision times, by day.
 */
export function totalsFigures(
  totals: readonly DayTotals[],
  durations: DurationsByDay,
  period: { start: number; end: number },
  firstEventAt: number = period.start,
): PeriodFigures | null {
  const slices = new PeriodTallies(period, firstEventAt);
  if (!slices.alignedTo(SLOT_MS)) return null;
  const { prevStart, end } = slices;
  const days = daysOverlapping(totals, prevStart, end);
  if (!days.every((d) => durations.has(d.day))) return null;
  const width = TALLY_SUMS.length;
  for (const d of days) {
    const times = durations.get(d.day) as DurationSource;
    let from = 0;
    for (let k = 0; k < d.slots.length; k++) {
      const to = times.durationEnds[k] as number;
      const t = d.day * CHUNK_MS + (d.slots[k] as number) * SLOT_MS;
      if (t >= prevStart && t < end) slices.addSums(t, d.sums, k * width, times, from, to);
      from = to;
    }
  }
  return slices.figures();
}

/** What the page header and the filters need from the whole log. */
export interface LogExtent {
  /** Decisions in the log. */
  rows: number;
  /** Earliest and latest decision; null for an empty log. */
  first: number | null;
  last: number | null;
  /** Distinct helpdesks and agents, sorted. */
  helpdesks: string[];
  agents: string[];
}

/** Counts, first and last decision, and the helpdesk and agent choices, from every day's totals. */
export function totalsExtent(totals: readonly DayTotals[]): LogExtent {
  let rows = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const helpdesks = new Set<string>();
  const agents = new Set<string>();
  for (const d of totals) {
    if (d.rows === 0) continue;
    rows += d.rows;
    if (d.first < first) first = d.first;
    if (d.last > last) last = d.last;
    for (const h of d.helpdesks) helpdesks.add(h);
    for (const a of d.agents) agents.add(a);
  }
  return {
    rows,
    first: rows ? first : null,
    last: rows ? last : null,
    helpdesks: [...helpdesks].sort(),
    agents: [...agents].sort(),
  };
}
