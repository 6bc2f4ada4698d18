import { describe, expect, it } from 'vitest';
import { checkOverrides } from '@/lib/settings/check';
import {
  customHelpdeskFor,
  customMatchPatterns,
  isPlainHttpPattern,
  normalizeHelpdeskPattern,
} from '@/lib/settings/custom-helpdesks';
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
    // Plain http is allowed (intranets); a port or a path is not part of a pattern.
    expect(paths({ customHelpdesks: [{ pattern: 'http://x.example/*', adapter: 'zammad' }] })).toEqual([]);
    expect(paths({ customHelpdesks: [{ pattern: 'http://x.example:8080/*', adapter: 'zammad' }] })).toEqual([
      'customHelpdesks[0].pattern',
    ]);
  });

  it('accepts allowUserOverrides only from the policy', () => {
    expect(paths({ allowUserOverrides: false })).toEqual(['allowUserOverrides']);
    expect(checkOverrides({ allowUserOverrides: false }, 'policy').problems).toEqual([]);
  });
});

describe('custom helpdesk patterns', () => {
  it('normalises what an admin types into an origin pattern', () => {
    expect(normalizeHelpdeskPattern('Help.Acme.com')).toEqual({
      ok: true,
      pattern: 'https://help.acme.com/*',
      notes: [],
    });
    expect(normalizeHelpdeskPattern('https://help.acme.com/conversation/12')).toEqual({
      ok: true,
      pattern: 'https://help.acme.com/*',
      notes: [],
    });
    expect(normalizeHelpdeskPattern('*.acme-freescout.com')).toEqual({
      ok: true,
      pattern: 'https://*.acme-freescout.com/*',
      notes: [],
    });
    // Intranet short names and IP addresses are hosts too.
    expect(normalizeHelpdeskPattern('http://helpdesk/')).toMatchObject({ ok: true, pattern: 'http://helpdesk/*' });
    expect(normalizeHelpdeskPattern('10.1.2.3')).toMatchObject({ ok: true, pattern: 'https://10.1.2.3/*' });
    for (const bad of [
      '',
      'ftp://x.com',
      'ws://x.com',
      '*',
      'a.*.com',
      '*.com',
      '*.10.1.2.3',
      'x.com:',
      'x.com:99999',
    ]) {
      expect(normalizeHelpdeskPattern(bad).ok, bad).toBe(false);
    }
    expect(normalizeHelpdeskPattern('*.local')).toMatchObject({
      ok: false,
      error: expect.stringContaining('top-level domain local'),
    });
  });

  it('accepts plain http with a warning, and drops a port saying what that means', () => {
    const http = normalizeHelpdeskPattern('http://intranet.acme.local:8080/helpdesk');
    expect(http).toMatchObject({ ok: true, pattern: 'http://intranet.acme.local/*' });
    const notes = http.ok ? http.notes : [];
    expect(notes.map((n) => n.kind)).toEqual(['http', 'port']);
    expect(notes[0]?.text).toMatch(/unencrypted/);
    expect(notes[1]?.text).toContain('The port (8080) is not part of the pattern');
    expect(notes[1]?.text).toContain('covers intranet.acme.local on every port');
    const port = normalizeHelpdeskPattern('help.acme.com:8443');
    expect(port).toMatchObject({ ok: true, pattern: 'https://help.acme.com/*' });
    expect(port.ok && port.notes.map((n) => n.kind)).toEqual(['port']);
    expect(isPlainHttpPattern('http://intranet.acme.local/*')).toBe(true);
    expect(isPlainHttpPattern('https://help.acme.com/*')).toBe(false);
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
    // Any port: match patterns without a port cover them all.
    expect(customHelpdeskFor(new URL('https://zammad.acme.com:8443/'), settings)?.adapter).toBe('zammad');
    expect(customMatchPatterns(settings)).toEqual(['https://*.acme-freescout.com/*', 'https://zammad.acme.com/*']);
    const off = { ...settings, helpdesks: { ...settings.helpdesks, zammad: false } };
    expect(customHelpdeskFor(new URL('https://zammad.acme.com/#ticket/zoom/1'), off)).toBeNull();
    expect(customMatchPatterns(off)).toEqual(['https://*.acme-freescout.com/*']);
  });

  it('gives a page the most specific entry, whatever the order', () => {
    const settings = resolveSettings({
      customHelpdesks: [
        { pattern: 'https://*.acme.com/*', adapter: 'zammad' },
        { pattern: 'https://help.acme.com/*', adapter: 'freescout' },
        { pattern: 'http://intranet.acme.com/*', adapter: 'chatwoot' },
      ],
    });
    expect(customHelpdeskFor(new URL('https://help.acme.com/conversation/1'), settings)?.adapter).toBe('freescout');
    expect(customHelpdeskFor(new URL('https://desk.acme.com/'), settings)?.adapter).toBe('zammad');
    expect(customHelpdeskFor(new URL('http://intranet.acme.com:8080/x'), settings)?.adapter).toBe('chatwoot');
    expect(customHelpdeskFor(new URL('http://help.acme.com/'), settings)).toBeNull();
  });
});
