import { DAY_MS, startOfDay } from '@/lib/stats/aggregate';
import { PERIOD_DAYS } from './labels';
import type { PeriodPreset } from './store';

/** Period bounds: whole local days ending today (or at the newest event, if that is later). */
export function periodBounds(preset: PeriodPreset, first: number, last: number, now: number) {
  const end = startOfDay(Math.max(now, last)) + DAY_MS;
  const start = preset === 'all' ? startOfDay(Math.min(first, end - DAY_MS)) : end - PERIOD_DAYS[preset] * DAY_MS;
  return { start, end };
}
