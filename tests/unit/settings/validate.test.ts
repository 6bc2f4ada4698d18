import { describe, expect, it } from 'vitest';
import type { RulePack } from '@/lib/engine/packs';
import { exportSettingsFile, parseSettingsFile, validateSettingsOverrides } from '@/lib/settings/validate';

const PACK: RulePack = {
  id: 'acme',
  phrases: [
    {
      kind: 'banned',
      id: 'no-lifetime',
      phrases: ['lifetime warranty'],
      message: 'We do not offer a lifetime warranty.',
      examples: { flag: ['It has a lifetime warranty.'], pass: ['It has a two-year warranty.'] },
    },
  ],
};

const file = (settings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'replyguard-settings', version: 2, settings, ...extra });

describe('settings export and import', () => {
  it('round-trips the user’s choices', () => {
    const settings = { sendGuard: 'block' as const, rulePacks: [PACK], ruleSeverity: { 'pii-email': 'off' as const } };
    const text = exportSettingsFile(settings, new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'replyguard-settings',
      version: 2,
      exportedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(parseSettingsFile(text)).toEqual({ ok: true, value: settings });
  });

  it('rejects files that are not settings exports, with a message saying so', () => {
    const cases: [string, RegExp][] = [
      ['{oops', /not valid JSON/],
      ['[]', /not a ReplyGuard settings export/],
      [JSON.stringify({ format: 'replyguard-pack' }), /not a ReplyGuard settings export/],
      [file({}, { version: 7 }), /version 7; this ReplyGuard reads version 2/],
      [JSON.stringify({ format: 'replyguard-settings', version: 2 }), /missing the "settings" object/],
    ];
    for (const [text, message] of cases) {
      const result = parseSettingsFile(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.problems[0]?.message).toMatch(message);
    }
  });

  it('rejects the whole file when any setting is bad, naming each', () => {
    const result = parseSettingsFile(
      file({ sendGuard: 'block', retentionDays: -1, allowUserOverrides: false, colour: 'red' }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.path).sort()).toEqual(['allowUserOverrides', 'colour', 'retentionDays']);
  });

  it('runs each rule pack through the full pack validation, entry paths included', () => {
    const broken = { ...PACK, phrases: [{ ...PACK.phrases?.[0], examples: { flag: ['fine words'], pass: ['ok'] } }] };
    const result = validateSettingsOverrides({ rulePacks: [PACK, broken] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        { path: 'rulePacks[1].id', message: 'two packs have the id "acme"; rename one or remove the copy' },
        { path: 'rulePacks[1].phrases[0].examples.flag[0]', message: 'does not fire on "fine words"' },
      ]);
    }
  });
});
