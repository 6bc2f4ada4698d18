import { describe, expect, it, vi } from 'vitest';
import { createDashboardStore } from '@/components/dashboard/store';
import { purgeExpired } from '@/lib/background/retention';
import { isOverrideRow } from '@/lib/db/check-row';
import { exportRows } from '@/lib/db/export';
import { overrideRowSchema } from '@/lib/db/export-schema';
import { putImported } from '@/lib/db/imported';
import { putOverrides } from '@/lib/db/overrides';
import { overrideCount, summaryDays, summaryTotals } from '@/lib/db/queries';
import { parseExportFile } from '@/lib/db/read-export';
import { localStats } from '@/lib/stats/day-view';
import { mountDashboard, settle } from '../../fixtures/dashboard';
import { BAD_TIMES, FAR_FUTURE } from '../../fixtures/hostile';
import { freshDatabases, row } from '../../fixtures/rows';

const freshDb = freshDatabases('time-bounds');
const HOUR = 3_600_000;

/**
 * Issue 14, case 4: a row dated far in the future (allowed by the schema, by import or by message)
 * left every dashboard panel on "Computing…" and was never purged. Every time field is bounded
 * (not before 2000, not after now + 1 day) in every check, the dashboard renders whatever is
 * stored, and retention purges what lies outside the bounds.
 */
describe('time bounds on every check (hostile corpus)', () => {
  const now = Date.now();
  const recent = () => row({ shownAt: now - 2 * HOUR, decidedAt: now - HOUR });

  it.each(BAD_TIMES(now).map(([name, t]) => [name, t] as const))(
    'the row check and the export schema refuse a time %s',
    (_name, t) => {
      for (const field of ['shownAt', 'decidedAt'] as const) {
        const r = { ...recent(), [field]: t };
        expect(isOverrideRow(r), field).toBe(false);
        expect(overrideRowSchema.safeParse(r).success, field).toBe(false);
      }
    },
  );

  it('an import of a file with a far-future row is refused, naming the row', () => {
    const text = exportRows([recent(), row({ shownAt: FAR_FUTURE - 1000, decidedAt: FAR_FUTURE })], 'ndjson');
    const parsed = parseExportFile('future.ndjson', text);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => e.row)).toEqual([2]);
    expect(parsed.errors[0]?.message).toMatch(/decidedAt/);
  });

  it('accepts times from the year 2000 up to a day from now', () => {
    expect(isOverrideRow(row({ shownAt: Date.UTC(2000, 0, 1), decidedAt: now + 86_000_000 }))).toBe(true);
  });

  it('retention purges far-future rows a check let through before, live and imported', async () => {
    const db = freshDb();
    await putOverrides(db, [recent(), row({ id: 'live-future', decidedAt: FAR_FUTURE })]);
    await putImported(db, [recent(), row({ id: 'imported-future', decidedAt: now + 30 * 86_400_000 })]);
    expect(await overrideCount(db)).toBe(4);
    expect(await purgeExpired(db, 90, now)).toBe(2);
    expect(await overrideCount(db)).toBe(2);
    expect(await db.overrides.get('live-future')).toBeUndefined();
    const days = await summaryDays(db);
    expect(days.totals.every((t) => t.last <= now)).toBe(true);
  });

  it('the dashboard renders every panel over a stored far-future row', async () => {
    const db = freshDb();
    await putImported(db, [recent(), row({ id: 'future', shownAt: FAR_FUTURE - 1000, decidedAt: FAR_FUTURE })]);
    const store = createDashboardStore();
    // The page reads the totals (entrypoints/dashboard/main.tsx); the stats source reads the packed days.
    store.getState().set({ summary: await summaryTotals(db) });
    const { container, unmount } = await mountDashboard({ store, stats: localStats(() => db.summary.toArray()) });
    try {
      await vi.waitFor(
        async () => {
          await settle();
          expect(container.querySelector('[data-rg-total]')?.getAttribute('data-rg-total')).toBe('2');
          expect(
            [...container.querySelectorAll('[data-rg-computing]')].map((e) => e.getAttribute('data-rg-computing')),
          ).toEqual([]);
        },
        { timeout: 3000, interval: 50 },
      );
    } finally {
      unmount();
      vi.unstubAllGlobals();
    }
  });
});
