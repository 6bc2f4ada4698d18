import { DAY_MS, startOfDay } from '@/lib/stats/aggregate';
import { PERIOD_DAYS } from './labels';
import type { PeriodPreset } from './store';

/** Period bounds: whole local days ending today (or at the newest event, if that is later). */
export function periodBounds(preset: PeriodPreset, first: number, last: number, now: number) {
  const end = startOfDay(Math.max(now, last)) + DAY_MS;
  const start = preset === 'all' ? startOfDay(Math.min(first, end - DAY_MS)) : end - PERIOD_DAYS[preset] * DAY_MS;
  return { start, end };
}

/**
 * The earliest time a period preset's figures can need: the start of the period before, for a
 * period ending today (it ends later only when the log holds decisions dated after today, and then
 * it needs less). The page reads the summary from here on for its first render.
 */
export function earliestNeeded(preset: PeriodPreset, now: number): number {
  if (preset === 'all') return Number.NEGATIVE_INFINITY;
  const { start, end } = periodBounds(preset, now, now, now);
  return start - (end - start);
}
