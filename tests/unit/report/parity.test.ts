// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportSql, openDuckDb, rowsViewSql } from '@/lib/cli/report-duckdb';
import { parquetExport } from '@/lib/db/export-parquet';
import type { OverrideRow } from '@/lib/db/schema';
import { generateHistory } from '@/lib/demo/history';
import { seededRandom } from '@/lib/demo/random';
import { reportFigures } from '@/lib/report/figures';
import { aggregate, BREAKDOWN_DIMENSIONS } from '@/lib/stats/aggregate';
import type { Headline } from '@/lib/stats/metrics';
import { monitorDrift } from '@/lib/stats/monitor';
import { type PeriodPreset, periodBounds } from '@/lib/stats/period';

/**
 * The SQL report (lib/report/sql on DuckDB) against lib/stats, the dashboard's own code, on the
 * same rows: random team logs split into overlapping export files (repeated ids), in time zones
 * with half- and quarter-hour offsets and daylight saving, NDJSON and Parquet. Counts must be
 * equal; sums of fractions may differ in the last bits (the engines add in another order).
 */

const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/Berlin'];

/** A log with what real logs have beyond the demo: "me" rows, no customer signals, version-1 rows. */
function randomLog(seed: number): { rows: OverrideRow[]; lines: string[] } {
  const random = seededRandom(seed);
  const agents = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, i) => (i === 0 ? '' : `agent-${seed}-${i}`));
  const rows = generateHistory({
    seed,
    // Ends on a fixed day that DST moves in Berlin and New York within the period.
    end: Date.UTC(2026, 2, 30 + Math.floor(random() * 10), 15),
    days: 20 + Math.floor(random() * 60),
    agents,
    perAgentDay: 5 + Math.floor(random() * 20),
    driftDays: Math.floor(random() * 15),
  }).map((r) => {
    const out: OverrideRow = { ...r };
    if (random() < 0.1) out.customer = null;
    // Night shifts: decisions at any hour, so local days and weeks differ from UTC ones.
    if (random() < 0.3) {
      const shift = Math.round((random() - 0.5) * 24 * 3_600_000);
      out.decidedAt += shift;
      out.shownAt += shift;
    }
    if (random() < 0.05) out.decidedAt = out.shownAt - 1000; // clocks disagree: no decision time
    // Ties in decision time (helpdesks that store seconds) put the id order to the test.
    if (random() < 0.2) out.decidedAt = Math.floor(out.decidedAt / 60_000) * 60_000;
    return out;
  });
  const lines = rows.map((r) => {
    if (random() < 0.05) {
      // A version-1 row: no source, no suggestionWords (read as an AI control).
      const { source: _s, suggestionWords: _w, ...v1 } = r;
      return JSON.stringify(v1);
    }
    return JSON.stringify(r);
  });
  return {
    rows: rows.map((r, i) => (lines[i]?.includes('"source"') ? r : { ...r, source: 'ai-control' as const })),
    lines,
  };
}

/** Splits lines into files that overlap: some rows are in two files. */
function splitWithRepeats(lines: readonly string[], files: number, seed: number): string[][] {
  const random = seededRandom(seed * 31);
  const out: string[][] = Array.from({ length: files }, () => []);
  for (const line of lines) {
    const k = Math.floor(random() * files);
    out[k]?.push(line);
    if (random() < 0.08) out[(k + 1) % files]?.push(line);
  }
  return out;
}

const closeTo = (a: number | null, b: number | null) => {
  if (a === null || b === null) return expect(a).toBe(b);
  return expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
};

function sameHeadline(sql: Headline | null, stats: Headline | null): void {
  if (sql === null || stats === null) {
    expect(sql).toBe(stats);
    return;
  }
  for (const key of Object.keys(stats) as (keyof Headline)[]) closeTo(sql[key], stats[key]);
}

let dir = '';
let duck: Awaited<ReturnType<typeof openDuckDb>>;
const sql = loadReportSql();
const originalTz = process.env.TZ;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'replyguard-parity-'));
  duck = await openDuckDb({ threads: 2 });
});
afterAll(async () => {
  duck?.close();
  process.env.TZ = originalTz;
  await rm(dir, { recursive: true, force: true });
});

const cases: { seed: number; tz: string; preset: PeriodPreset; parquet: boolean }[] = ZONES.map((tz, i) => ({
  seed: 101 + i,
  tz,
  preset: (['28d', '7d', 'all', '90d', '28d', '7d'] as const)[i] ?? '28d',
  parquet: i % 2 === 1,
}));

describe('the SQL report and lib/stats give the same figures', () => {
  it.each(cases)(
    'seed $seed in $tz, period $preset, parquet $parquet',
    async ({ seed, tz, preset, parquet }) => {
      process.env.TZ = tz;
      const { rows, lines } = randomLog(seed);
      const parts = splitWithRepeats(lines, 3, seed);
      const ndjson: string[] = [];
      const parquetFiles: string[] = [];
      for (const [k, part] of parts.entries()) {
        const file = path.join(dir, `${seed}-${k}.${parquet && k === 2 ? 'parquet' : 'ndjson'}`);
        if (file.endsWith('.parquet')) {
          // A Parquet export is written by this version: version-1 lines get their defaults.
          const parsed = part.map(
            (l) => ({ source: 'ai-control', suggestionWords: null, ...JSON.parse(l) }) as OverrideRow,
          );
          await writeFile(file, parquetExport(parsed));
          parquetFiles.push(file);
        } else {
          await writeFile(file, `${part.join('\n')}\n`);
          ndjson.push(file);
        }
      }

      // The dashboard's side: every file imported, an id counts once; lib/stats over those rows.
      const byId = new Map(rows.map((r) => [r.id, r]));
      const kept = [...new Set(parts.flat().map((l) => (JSON.parse(l) as OverrideRow).id))].map(
        (id) => byId.get(id) as OverrideRow,
      );
      const times = kept.map((r) => r.decidedAt);
      const first = Math.min(...times);
      const last = Math.max(...times);
      const period = periodBounds(preset, first, last, last);
      const expected = aggregate(kept, {}, period, first);
      const sorted = [...kept].sort((a, b) => a.decidedAt - b.decidedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const drift = monitorDrift(sorted);

      await duck.query(rowsViewSql({ ndjson, parquet: parquetFiles }));
      const got = await reportFigures(duck.query, sql, { tz, preset });

      expect(got.extent.events).toBe(kept.length);
      expect(got.extent.repeated).toBe(parts.flat().length - kept.length);
      expect(got.period).toEqual(period);
      sameHeadline(got.headline, expected.headline);
      sameHeadline(got.previousHeadline, expected.previousHeadline);
      for (const g of ['day', 'week'] as const) {
        for (const which of ['current', 'previous'] as const) {
          const a = got.trends[g][which];
          const b = expected.trends[g][which];
          expect(a.map((x) => x.start)).toEqual(b.map((x) => x.start));
          a.forEach((x, i) => {
            const y = b[i]?.tally;
            expect({ ...x.tally, editChangeSum: 0, decisionMs: null }).toEqual({
              ...y,
              editChangeSum: 0,
              decisionMs: null,
            });
            closeTo(x.tally.editChangeSum, y?.editChangeSum ?? 0);
          });
        }
      }
      const byRule = (xs: { rule: string }[]) => [...xs].sort((a, b) => (a.rule < b.rule ? -1 : 1));
      expect(byRule(got.rules)).toEqual(byRule(expected.rules));
      for (const d of BREAKDOWN_DIMENSIONS) {
        const byKey = (xs: { key: string }[]) => [...xs].sort((a, b) => (a.key < b.key ? -1 : 1));
        expect(byKey(got.breakdowns[d]), d).toEqual(byKey(expected.breakdowns[d]));
      }
      expect(got.drift.blockSize).toBe(drift.blockSize);
      const overrideRate = got.drift.monitors.find((m) => m.metric === 'override-rate')?.result;
      expect(overrideRate?.observations).toEqual(drift.overrideRate.observations);
      expect(overrideRate?.alarms).toEqual(drift.overrideRate.alarms);
      for (const [category, result] of Object.entries(drift.categories)) {
        const mine = got.drift.monitors.find((m) => m.metric === `category:${category}`)?.result;
        expect(mine?.observations, category).toEqual(result?.observations);
        expect(mine?.alarms, category).toEqual(result?.alarms);
      }
      // The figures are not all empty: the comparison compared something.
      expect(expected.headline.seen).toBeGreaterThan(50);
      expect(expected.rules.length).toBeGreaterThan(3);
    },
    60_000,
  );
});
