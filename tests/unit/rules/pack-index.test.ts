import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPack, packSchema, type RulePack } from '@/lib/engine/packs';
import { compilePacks, phraseRegex } from '@/lib/engine/packs/apply';
import { execAll } from '@/lib/engine/pii/exec-all';
import { BAD_POLICY_PACKS } from '../../fixtures/hostile';

/**
 * The phrase index (lib/engine/packs/apply.ts) only decides which patterns run; a pattern it
 * skips must be one that cannot match. Letters that case-fold together (ſ s, ß ẞ, ς σ, K and the
 * Kelvin sign, ǅ ǆ, dotted and dotless i) are where a lookup by word could disagree with the
 * pattern's own case-insensitive matching.
 */
const LETTERS = [...'aAsSſßẞσςΣkKKǅǆǄiIıİµμΜ', 'ss', 'SS', ' ', '  ', '\n', '-', '.', "'", '1', 'é', 'e\u0301', '_'];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(''));
const text = fc.array(fc.oneof(word, fc.constantFrom(' ', ', ', '. ')), { maxLength: 12 }).map((xs) => xs.join(''));

const spans = (re: RegExp, t: string) => execAll(re, t).map((m) => [m.index, m[0].length]);

describe('the phrase index', () => {
  it('never leaves out a pattern that matches', () => {
    const entriesArb = fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        entriesArb,
        text,
        text,
        fc.nat(),
        fc.constantFrom('same', 'upper', 'lower', 'none'),
        (entries, a, b, pick, casing) => {
          // Half the texts hold one of the phrases, in another case, between two random texts.
          const flat = entries.flat();
          const chosen = flat[pick % flat.length] ?? '';
          const inserted =
            casing === 'upper' ? chosen.toUpperCase() : casing === 'lower' ? chosen.toLowerCase() : chosen;
          const t = casing === 'none' ? a : `${a} ${inserted} ${b}`;
          const pack: RulePack = {
            id: 'p',
            phrases: entries.map((phrases, i) => ({
              kind: 'banned' as const,
              id: `e${i}`,
              phrases,
              message: 'm',
              examples: { flag: ['x'], pass: ['y'] },
            })),
          };
          const compiled = compilePacks([pack]);
          const candidates = new Set(compiled.candidates(t));
          compiled.matchers.forEach((m, i) => {
            if (spans(phraseRegex(entries[i] ?? []), t).length)
              expect(candidates.has(m), `${m.rule} ${JSON.stringify(t)}`).toBe(true);
          });
        },
      ),
      { numRuns: 600 },
    );
  }, 60_000);

  it('a pattern of blank phrases matches nothing (it used to match between every two words)', () => {
    expect(spans(phraseRegex(['   ', '']), 'one two three')).toEqual([]);
  });
});

describe('checkPack and the pack schema', () => {
  const base = (): Record<string, unknown> => ({
    id: 'p',
    phrases: [{ kind: 'banned', id: 'a', phrases: ['x'], message: 'm', examples: { flag: ['x'], pass: ['y'] } }],
    competitors: [{ id: 'c', names: ['Globex'] }],
    linkAllowlist: ['acme.example'],
    severity: { 'pii-email': 'critical' },
    disabled: ['stacked-hedging'],
  });
  type Obj = Record<string, unknown>;
  const entry = (p: Obj) => (p.phrases as Obj[])[0] as Obj;
  const rival = (p: Obj) => (p.competitors as Obj[])[0] as Obj;
  const breaks: ((p: Obj) => void)[] = [
    (p) => (p.id = 'Bad Id'),
    (p) => (p.name = 5),
    (p) => (p.extra = true),
    (p) => (p.phrases = 'x'),
    (p) => (entry(p).phrases = []),
    (p) => (entry(p).phrases = [' ']),
    (p) => (entry(p).kind = 'regex'),
    (p) => (entry(p).severity = 'loud'),
    (p) => delete entry(p).examples,
    (p) => delete entry(p).message,
    (p) => (entry(p).examples = { flag: [], pass: ['y'] }),
    (p) => (rival(p).names = [null]),
    (p) => (p.linkAllowlist = [42]),
    (p) => (p.linkAllowlist = ['https://x.example/']),
    (p) => (p.severity = { 'pii-email': 'loud' }),
    (p) => (p.disabled = 'all'),
  ];

  it('accepts the pack the schema accepts', () => {
    expect(packSchema.safeParse(base()).success).toBe(true);
    expect(checkPack(base()).ok).toBe(true);
  });

  it('is never looser than the schema', () => {
    for (const [i, brk] of breaks.entries()) {
      const broken = base();
      brk(broken);
      expect({ i, check: checkPack(broken).ok }).toEqual({ i, check: packSchema.safeParse(broken).success });
    }
    for (const c of BAD_POLICY_PACKS) {
      expect({ name: c.name, check: checkPack(c.pack).ok }).toEqual({ name: c.name, check: false });
    }
  });
});
