import { describe, expect, it } from 'vitest';
import { purgeExpired } from '@/lib/background/retention';
import { putImported } from '@/lib/db/imported';
import {
  allVerdicts,
  deleteVerdict,
  exportReviews,
  importVerdicts,
  parseReviewsFile,
  putVerdict,
  type ReviewRecord,
} from '@/lib/db/reviews';
import { redactPii } from '@/lib/engine/pii';
import { freshDatabases, row } from '../../fixtures/rows';

const fresh = freshDatabases('reviews');
const NOW = Date.UTC(2026, 5, 1);
const redacted = { privacy: 'redacted', redact: redactPii } as const;

describe('review verdicts', () => {
  it('keep the lead’s note as the privacy mode allows', async () => {
    const db = fresh();
    const base = { decidedAt: NOW - 1_000, verdict: 'should-change', reason: 'tone', reviewer: 'lead' } as const;
    const note = 'Customer sam@example.com was furious; this was far too cheerful.';
    await putVerdict(db, { ...base, rowId: 'a', note }, { privacy: 'full', redact: redactPii }, NOW);
    await putVerdict(db, { ...base, rowId: 'b', note }, redacted, NOW);
    await putVerdict(db, { ...base, rowId: 'c', note }, { privacy: 'none', redact: redactPii }, NOW);
    const byId = new Map((await allVerdicts(db)).map((r) => [r.rowId, r]));
    expect(byId.get('a')?.note).toBe(note);
    expect(byId.get('b')?.note).not.toContain('sam@example.com');
    expect(byId.get('b')?.note).toContain('far too cheerful');
    expect(byId.get('b')?.privacy).toBe('redacted');
    expect(byId.get('c')?.note).toBeNull();
    // A good verdict carries no reason; a verdict can be taken back.
    await putVerdict(db, { ...base, rowId: 'a', verdict: 'good', note: null }, redacted, NOW + 1);
    expect((await db.reviews.get('a'))?.reason).toBeNull();
    await deleteVerdict(db, 'a');
    expect(await db.reviews.get('a')).toBeUndefined();
  });

  it('go with their rows when the retention purge runs', async () => {
    const db = fresh();
    const day = 86_400_000;
    const rows = [row({ id: 'old', decidedAt: NOW - 100 * day }), row({ id: 'new', decidedAt: NOW - day })];
    await putImported(db, rows);
    for (const r of rows) {
      await putVerdict(
        db,
        { rowId: r.id, decidedAt: r.decidedAt, verdict: 'good', reason: null, note: null, reviewer: '' },
        redacted,
        NOW,
      );
    }
    await purgeExpired(db, 90, NOW);
    expect((await allVerdicts(db)).map((r) => r.rowId)).toEqual(['new']);
  });

  it('travel in their own file: export, check and import, the later verdict winning', async () => {
    const a = fresh();
    const b = fresh();
    const verdict = (rowId: string, reviewedAt: number, v: 'good' | 'should-change'): ReviewRecord => ({
      rowId,
      decidedAt: NOW - 5_000,
      verdict: v,
      reason: v === 'good' ? null : 'wrong-facts',
      note: v === 'good' ? null : 'Order #123 was never shipped; call +44 20 7946 0958.',
      privacy: 'full',
      reviewedAt,
      reviewer: 'lead-a',
    });
    await a.reviews.bulkPut([verdict('r1', NOW, 'should-change'), verdict('r2', NOW, 'good')]);
    await b.reviews.put(verdict('r2', NOW + 10, 'should-change'));
    const text = exportReviews(await allVerdicts(a), new Date(NOW));
    const parsed = parseReviewsFile(text, NOW);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(await importVerdicts(b, parsed.reviews, redacted)).toEqual({ imported: 1, skipped: 1 });
    const r1 = await b.reviews.get('r1');
    // This browser keeps redacted text: the full note from the file is masked on the way in.
    expect(r1?.privacy).toBe('redacted');
    expect(r1?.note).not.toContain('7946');
    expect((await b.reviews.get('r2'))?.verdict).toBe('should-change');
  });

  it('refuse a file that is not a review export or has any bad verdict', () => {
    expect(parseReviewsFile('{', NOW)).toMatchObject({ ok: false });
    expect(parseReviewsFile(JSON.stringify({ format: 'replyguard-overrides', rows: [] }), NOW)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/not a ReplyGuard review export/)],
    });
    const bad = {
      format: 'replyguard-reviews',
      version: 1,
      reviews: [
        {
          rowId: 'x',
          decidedAt: NOW,
          verdict: 'meh',
          reason: null,
          note: null,
          privacy: 'full',
          reviewedAt: NOW,
          reviewer: '',
        },
        {
          rowId: 'y',
          decidedAt: 5,
          verdict: 'good',
          reason: 'tone',
          note: null,
          privacy: 'full',
          reviewedAt: NOW,
          reviewer: '',
        },
      ],
    };
    const result = parseReviewsFile(JSON.stringify(bad), NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      'Review 1: verdict: must be good or should-change',
      'Review 2: decidedAt: not a time between 2000 and tomorrow',
      'Review 2: reason: a good verdict has none',
    ]);
  });
});
