import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { isLocked, mergeSettings, resolveSettings } from '@/lib/settings/effective';

describe('mergeSettings: policy over user over defaults', () => {
  it('gives the defaults when nothing is stored and no policy exists', () => {
    const e = mergeSettings({ user: undefined, policy: {} });
    expect(e.settings).toEqual(DEFAULT_SETTINGS);
    expect(e.problems).toEqual([]);
    expect(isLocked(e, 'sendGuard')).toBe(false);
  });

  it('takes the user over the default and the policy over the user, and locks what the policy sets', () => {
    const e = mergeSettings({
      user: { sendGuard: 'off', retentionDays: 10, agentLabel: 'Ana' },
      policy: { sendGuard: 'block', retentionDays: 30 },
    });
    expect(e.settings.sendGuard).toBe('block');
    expect(e.settings.retentionDays).toBe(30);
    expect(e.settings.agentLabel).toBe('Ana');
    expect(e.settings.privacyMode).toBe('redacted');
    expect(isLocked(e, 'sendGuard')).toBe(true);
    expect(isLocked(e, 'retentionDays')).toBe(true);
    expect(isLocked(e, 'agentLabel')).toBe(false);
  });

  it('treats null as "the default" at every level', () => {
    const e = mergeSettings({ user: { sendGuard: null, privacyMode: 'none' }, policy: { privacyMode: null } });
    expect(e.settings.sendGuard).toBe('warn');
    expect(e.settings.privacyMode).toBe('none');
    expect(isLocked(e, 'privacyMode')).toBe(false);
  });

  it('merges map settings entry by entry and locks only the entries the policy names', () => {
    const e = mergeSettings({
      user: { helpdesks: { zendesk: false, intercom: false }, ruleSeverity: { 'pii-email': 'off' } },
      policy: { helpdesks: { zendesk: true }, ruleSeverity: { 'refund-promise': 'critical' } },
    });
    expect(e.settings.helpdesks.zendesk).toBe(true);
    expect(e.settings.helpdesks.intercom).toBe(false);
    expect(e.settings.helpdesks.gorgias).toBe(true);
    expect(e.settings.ruleSeverity).toEqual({ 'pii-email': 'off', 'refund-promise': 'critical' });
    expect(isLocked(e, 'helpdesks', 'zendesk')).toBe(true);
    expect(isLocked(e, 'helpdesks', 'intercom')).toBe(false);
    expect(isLocked(e, 'ruleSeverity', 'refund-promise')).toBe(true);
    expect(isLocked(e, 'ruleSeverity', 'pii-email')).toBe(false);
  });

  it('ignores every user choice and locks everything when the policy sets allowUserOverrides: false', () => {
    const e = mergeSettings({
      user: { agentLabel: 'Ana', sendGuard: 'off', pausedSites: ['acme.zendesk.com'] },
      policy: { allowUserOverrides: false, sendGuard: 'block' },
    });
    expect(e.settings.allowUserOverrides).toBe(false);
    expect(e.settings.agentLabel).toBe('');
    expect(e.settings.sendGuard).toBe('block');
    expect(e.settings.pausedSites).toEqual([]);
    expect(isLocked(e, 'agentLabel')).toBe(true);
    expect(isLocked(e, 'helpdesks', 'zendesk')).toBe(true);
  });

  it('never lets a user set allowUserOverrides, and always shows it as locked', () => {
    const e = mergeSettings({ user: { allowUserOverrides: false }, policy: {} });
    expect(e.settings.allowUserOverrides).toBe(true);
    expect(e.problems.map((p) => p.path)).toEqual(['allowUserOverrides']);
    expect(isLocked(e, 'allowUserOverrides')).toBe(true);
  });

  it('reports bad policy keys with a policy: path and keeps the rest of the policy', () => {
    const e = mergeSettings({
      user: {},
      policy: { retentionDays: 0, sendGuard: 'block', webhookUrl: 'https://example.com', privacyMode: 'everything' },
    });
    expect(e.settings.sendGuard).toBe('block');
    expect(e.settings.retentionDays).toBe(90);
    expect(e.problems.map((p) => p.path).sort()).toEqual([
      'policy:privacyMode',
      'policy:retentionDays',
      'policy:webhookUrl',
    ]);
    expect(e.problems.find((p) => p.path === 'policy:retentionDays')?.message).toMatch(/1 to 3650/);
  });

  it('reports a contradiction between a custom domain and its switched-off adapter', () => {
    const e = mergeSettings({
      user: { customHelpdesks: [{ pattern: 'https://help.acme.com/*', adapter: 'freescout' }] },
      policy: { helpdesks: { freescout: false } },
    });
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]?.message).toMatch(/switch it on or remove the domain/);
  });

  it('keeps resolveSettings for callers without a policy', () => {
    expect(resolveSettings({ retentionDays: 7 }).retentionDays).toBe(7);
    expect(resolveSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('returns copies, never the frozen defaults', () => {
    const s = resolveSettings({});
    s.pausedSites.push('x');
    s.helpdesks.zendesk = false;
    expect(DEFAULT_SETTINGS.pausedSites).toEqual([]);
    expect(DEFAULT_SETTINGS.helpdesks.zendesk).toBe(true);
  });
});
