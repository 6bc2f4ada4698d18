import { latestTime, TIME_FLOOR_MS } from '@/lib/db/schema';
import { DAY_MS, startOfDay } from '@/lib/stats/aggregate';
import { PERIOD_DAYS } from './labels';
import type { PeriodPreset } from './store';

/**
 * Period bounds: whole local days ending today (or at the newest event, if that is later). The
 * log's first and last decisions are taken within the times a row may carry (2000 to a day from
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
