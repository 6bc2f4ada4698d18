import { latestTime, TIME_FLOOR_MS } from '../db/schema';
import { DAY_MS, startOfDay } from './aggregate';

/** Periods a lead picks from; each compares with the same length just before it. */
export type PeriodPreset = '7d' | '28d' | '90d' | 'all';

/** Days in each period preset but "all time". */
export const PERIOD_DAYS: Record<Exclude<PeriodPreset, 'all'>, number> = { '7d': 7, '28d': 28, '90d': 90 };

/**
 * Period bounds: whole local days ending today (or at the newest event, if that is later). The
 * dashboard and the SQL report (lib/report) both take their period from here, so they count the same days.
 * The log's first and last decisions are taken within the times a row may carry (2000 to a day from
 * now, lib/db/schema.ts): a row stored with a time outside them (before the checks refused such
 * rows) still counts in the log, but cannot stretch the period beyond any date (a decision time
 * of 2^53 ms made every bound NaN and left the panels waiting forever).
 */
export function periodBounds(preset: PeriodPreset, first: number, last: number, now: number) {
  const clamp = (t: number) => Math.min(Math.max(Number.isFinite(t) ? t : now, TIME_FLOOR_MS), latestTime(now));
  const end = startOfDay(Math.max(now, clamp(last))) + DAY_MS;
  const start =
    preset === 'all' ? startOfDay(Math.min(clamp(first), end - DAY_MS)) : end - PERIOD_DAYS[preset] * DAY_MS;
  return { start, end };
}
