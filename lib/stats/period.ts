import { DAY_MS, startOfDay } from './aggregate';

/** Periods a lead picks from; each compares with the same length just before it. */
export type PeriodPreset = '7d' | '28d' | '90d' | 'all';

/** Days in each period preset but "all time". */
export const PERIOD_DAYS: Record<Exclude<PeriodPreset, 'all'>, number> = { '7d': 7, '28d': 28, '90d': 90 };

/**
 * Period bounds: whole local days ending today (or at the newest event, if that is later). The
 * dashboard and the SQL report (lib/report) both take their period from here, so they count the same days.
 */
export function periodBounds(preset: PeriodPreset, first: number, last: number, now: number) {
  const end = startOfDay(Math.max(now, last)) + DAY_MS;
  const start = preset === 'all' ? startOfDay(Math.min(first, end - DAY_MS)) : end - PERIOD_DAYS[preset] * DAY_MS;
  return { start, end };
}
