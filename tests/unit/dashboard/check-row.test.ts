import { describe, expect, it } from 'vitest';
import { isOverrideRow } from '@/lib/db/check-row';
import { overrideRowSchema } from '@/lib/db/export-schema';
import { generateHistory } from '@/lib/demo/history';

/** Ways to break one row; the hand-written check must refuse every one zod refuses. */
const BREAKS: ((r: Record<string, unknown>) => void)[] = [
  (r) => delete r.id,
  (r) => (r.id = ''),
  (r) => (r.extra = 1),
  (r) => (r.shownAt = -1),
  (r) => (r.decidedAt = 1.5),
  (r) => (r.decidedAt = '2026'),
  (r) => (r.helpdesk = ''),
  (r) => (r.agent = 'a'.repeat(201)),
  (r) => (r.outcome = 'sent'),
  (r) => (r.shape = 'popup'),
  (r) => (r.reason = 'because'),
  (r) => (r.note = 5),
  (r) => (r.similarity = 1.01),
  (r) => (r.similarity = Number.NaN),
  (r) => (r.editSize = -3),
  (r) => (r.findings = {}),
  (r) => (r.findings = [{ rule: 'x', category: 'nope', severity: 'info', fingerprint: '', dismissed: false }]),
  (r) => (r.findings = [{ rule: '', category: 'privacy', severity: 'info', fingerprint: '', dismissed: false }]),
  (r) => (r.findings = [{ rule: 'x', category: 'privacy', severity: 'info', fingerprint: '', dismissed: 0 }]),
  (r) =>
    (r.customer = {
      sentiment: { label: 'neutral', score: 2 },
      sarcasm: { likely: false, score: 0 },
      escalation: { likely: false, kinds: [] },
    }),
  (r) =>
    (r.customer = {
      sentiment: { label: 'neutral', score: 0 },
      sarcasm: { likely: false, score: 0 },
      escalation: { likely: false, kinds: ['x'] },
    }),
  (r) => (r.customer = { sentiment: { label: 'neutral', score: 0 }, sarcasm: { likely: false, score: 0 } }),
  (r) => (r.customer = []),
  (r) => (r.privacy = 'some'),
  (r) => (r.sentText = ['x']),
];

describe('isOverrideRow', () => {
  const rows = generateHistory({ seed: 3, limit: 400 });

  it('accepts every row the export schema accepts', () => {
    for (const r of rows) {
      expect(overrideRowSchema.safeParse(r).success).toBe(true);
      expect(isOverrideRow(JSON.parse(JSON.stringify(r)))).toBe(true);
    }
  });

  it('is never looser than the export schema', () => {
    rows.slice(0, 40).forEach((r, i) => {
      for (const [j, brk] of BREAKS.entries()) {
        const broken = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
        brk(broken);
        const zod = overrideRowSchema.safeParse(broken).success;
        expect({ i, j, fast: isOverrideRow(broken) }).toEqual({ i, j, fast: zod });
      }
    });
    expect(isOverrideRow(null)).toBe(false);
    expect(isOverrideRow('row')).toBe(false);
  });
});
