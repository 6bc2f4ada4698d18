import { describe, expect, it } from 'vitest';
import { analyzeTicket } from '@/lib/engine/analyze';
import type { RulePack } from '@/lib/engine/packs';
import { checkOptionsFrom, regionFromLocale } from '@/lib/settings/check-options';
import { resolveSettings } from '@/lib/settings/effective';

const REPLY = 'Please send me your email to jane.doe@example.com and we will refund you in full.';
const rules = (settings: ReturnType<typeof resolveSettings>) =>
  Object.fromEntries(
    analyzeTicket({ customer: [], agent: [], reply: REPLY }, checkOptionsFrom(settings)).findings.map((f) => [
      f.rule,
      f.severity,
    ]),
  );

const PACK: RulePack = {
  id: 'acme',
  severity: { 'refund-promise': 'info' },
  phrases: [
    {
      kind: 'banned',
      id: 'in-full',
      phrases: ['in full'],
      message: 'Say what is refunded.',
      examples: { flag: ['Refunded in full.'], pass: ['Refunded.'] },
    },
  ],
};

describe('checkOptionsFrom', () => {
  it('gives no packs for default settings, so the engine runs its defaults', () => {
    expect(checkOptionsFrom(resolveSettings({}))).toEqual({ packs: [] });
  });

  it('turns the rule table’s severities into a pack the engine applies, off included', () => {
    const base = rules(resolveSettings({}));
    expect(base['pii-email']).toBeDefined();
    expect(base['refund-promise']).toBeDefined();
    const changed = rules(resolveSettings({ ruleSeverity: { 'pii-email': 'off', 'refund-promise': 'critical' } }));
    expect(changed['pii-email']).toBeUndefined();
    expect(changed['refund-promise']).toBe('critical');
  });

  it('applies the admin packs, and the rule table wins over a pack’s severity', () => {
    const withPack = rules(resolveSettings({ rulePacks: [PACK] }));
    expect(withPack['pack:acme/in-full']).toBe('warning');
    expect(withPack['refund-promise']).toBe('info');
    const both = rules(
      resolveSettings({
        rulePacks: [PACK],
        ruleSeverity: { 'refund-promise': 'warning', 'pack:acme/in-full': 'critical' },
      }),
    );
    expect(both['refund-promise']).toBe('warning');
    expect(both['pack:acme/in-full']).toBe('critical');
  });

  it('returns the same options for the same settings object, so packs compile once', () => {
    const settings = resolveSettings({ ruleSeverity: { 'pii-email': 'off' } });
    expect(checkOptionsFrom(settings)).toBe(checkOptionsFrom(settings));
  });
});

describe('regionFromLocale', () => {
  it.each([
    ['de-AT', 'AT'],
    ['de', 'DE'],
    ['fr', 'FR'],
    ['en', 'US'],
    ['en_GB', 'GB'],
    ['pt-BR', 'BR'],
    ['', undefined],
    ['not a locale!', undefined],
    [undefined, undefined],
  ])('%s → %s', (locale, region) => {
    expect(regionFromLocale(locale)).toBe(region);
  });

  it('passes the region to the checker, memoised per settings and region', () => {
    const settings = resolveSettings({});
    expect(checkOptionsFrom(settings, 'DE').region).toBe('DE');
    expect(checkOptionsFrom(settings, 'DE')).toBe(checkOptionsFrom(settings, 'DE'));
    expect(checkOptionsFrom(settings).region).toBeUndefined();
  });
});
