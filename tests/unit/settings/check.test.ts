import { describe, expect, it } from 'vitest';
import { checkOverrides } from '@/lib/settings/check';
import { customHelpdeskFor, customMatchPatterns, normalizeHelpdeskPattern } from '@/lib/settings/custom-helpdesks';
import { resolveSettings } from '@/lib/settings/effective';

const paths = (input: unknown) => checkOverrides(input, 'user').problems.map((p) => p.path);

describe('checkOverrides', () => {
  it('accepts every valid setting', () => {
    const input = {
      helpdesks: { zendesk: false },
      analysis: { intercom: false },
      sendGuard: 'block',
      retentionDays: 30,
      privacyMode: 'none',
      agentLabel: 'Ana',
      pausedSites: ['acme.zendesk.com'],
      ruleSeverity: { 'pii-email': 'off', 'refund-promise': 'critical' },
      rulePacks: [{ id: 'team' }],
      customHelpdesks: [
        { pattern: 'https://help.acme.com/*', adapter: 'freescout' },
        {
          pattern: 'https://*.acme.org/*',
          adapter: 'generic',
          selectors: { customerMessage: '.c', agentMessage: '.a', composer: '#reply', send: 'button.send' },
        },
      ],
    };
    const { value, problems } = checkOverrides(input, 'user');
    expect(problems).toEqual([]);
    expect(value).toEqual(input);
  });

  it('names the path and what to do for each bad value', () => {
    expect(paths({ helpdesks: { zendeks: false } })).toEqual(['helpdesks.zendeks']);
    expect(paths({ ruleSeverity: { 'pii-emial': 'off', 'pii-email': 'loud' } })).toEqual([
      'ruleSeverity.pii-emial',
      'ruleSeverity.pii-email',
    ]);
    expect(paths({ retentionDays: 2.5 })).toEqual(['retentionDays']);
    expect(paths({ agentLabel: 'x'.repeat(65) })).toEqual(['agentLabel']);
    expect(paths({ rulePacks: [{ id: 'a' }, { id: 'a' }] })).toEqual(['rulePacks[1].id']);
  });

  it('fails loudly on contradictory custom-domain entries', () => {
    const generic = checkOverrides(
      { customHelpdesks: [{ pattern: 'https://x.example/*', adapter: 'generic' }] },
      'user',
    );
    expect(generic.problems[0]?.path).toBe('customHelpdesks[0].selectors');
    expect(generic.problems[0]?.message).toMatch(/customerMessage, agentMessage, composer, send/);
    const extra = checkOverrides(
      {
        customHelpdesks: [
          {
            pattern: 'https://x.example/*',
            adapter: 'zammad',
            selectors: { customerMessage: 'a', agentMessage: 'b', composer: 'c', send: 'd' },
          },
        ],
      },
      'user',
    );
    expect(extra.problems[0]?.message).toMatch(/only the generic adapter takes selectors/);
    const twice = checkOverrides(
      {
        customHelpdesks: [
          { pattern: 'https://x.example/*', adapter: 'zammad' },
          { pattern: 'https://x.example/*', adapter: 'chatwoot' },
        ],
      },
      'user',
    );
    expect(twice.problems[0]?.message).toMatch(/listed twice/);
    expect(paths({ customHelpdesks: [{ pattern: 'http://x.example/*', adapter: 'zammad' }] })).toEqual([
      'customHelpdesks[0].pattern',
    ]);
  });

  it('accepts allowUserOverrides only from the policy', () => {
    expect(paths({ allowUserOverrides: false })).toEqual(['allowUserOverrides']);
    expect(checkOverrides({ allowUserOverrides: false }, 'policy').problems).toEqual([]);
  });
});

describe('custom helpdesk patterns', () => {
  it('normalises what an admin types into an https origin pattern', () => {
    expect(normalizeHelpdeskPattern('Help.Acme.com')).toEqual({ ok: true, pattern: 'https://help.acme.com/*' });
    expect(normalizeHelpdeskPattern('https://help.acme.com/conversation/12')).toEqual({
      ok: true,
      pattern: 'https://help.acme.com/*',
    });
    expect(normalizeHelpdeskPattern('*.acme-freescout.com')).toEqual({
      ok: true,
      pattern: 'https://*.acme-freescout.com/*',
    });
    for (const bad of ['', 'http://help.acme.com', 'ftp://x.com', 'localhost', 'help.acme.com:8443', '*', 'a.*.com']) {
      expect(normalizeHelpdeskPattern(bad).ok, bad).toBe(false);
    }
  });

  it('finds the entry covering a page, unless its adapter is off', () => {
    const settings = resolveSettings({
      customHelpdesks: [
        { pattern: 'https://*.acme-freescout.com/*', adapter: 'freescout' },
        { pattern: 'https://zammad.acme.com/*', adapter: 'zammad' },
      ],
    });
    expect(customHelpdeskFor(new URL('https://help.acme-freescout.com/conversation/1'), settings)?.adapter).toBe(
      'freescout',
    );
    expect(customHelpdeskFor(new URL('https://acme-freescout.com/'), settings)?.adapter).toBe('freescout');
    expect(customHelpdeskFor(new URL('https://evil-acme-freescout.com/'), settings)).toBeNull();
    expect(customHelpdeskFor(new URL('http://zammad.acme.com/'), settings)).toBeNull();
    expect(customMatchPatterns(settings)).toEqual(['https://*.acme-freescout.com/*', 'https://zammad.acme.com/*']);
    const off = { ...settings, helpdesks: { ...settings.helpdesks, zammad: false } };
    expect(customHelpdeskFor(new URL('https://zammad.acme.com/#ticket/zoom/1'), off)).toBeNull();
    expect(customMatchPatterns(off)).toEqual(['https://*.acme-freescout.com/*']);
  });
});
