import { describe, expect, it } from 'vitest';
import { hostsFromFile, resolveOrgHosts, splitHostList } from '@/lib/deploy/org-hosts';

describe('organisation build hosts', () => {
  it('reads lists from the command line and text files', () => {
    expect(splitHostList('https://help.acme.com,http://intranet.acme.local:8080')).toEqual([
      'https://help.acme.com',
      'http://intranet.acme.local:8080',
    ]);
    expect(hostsFromFile('# helpdesks\nhelp.acme.com   # main\n\n*.desk.acme.com\n')).toEqual([
      'help.acme.com',
      '*.desk.acme.com',
    ]);
  });

  it("reads the patterns of the admin's policy file, Chrome's or Firefox's", () => {
    const chrome = {
      ExtensionSettings: {},
      '3rdparty': {
        extensions: {
          abcdefghijklmnopabcdefghijklmnop: {
            customHelpdesks: [
              { pattern: 'https://help.acme.com/*', adapter: 'freescout' },
              { pattern: 'http://intranet.acme.local/*', adapter: 'zammad' },
            ],
          },
        },
      },
    };
    expect(hostsFromFile(JSON.stringify(chrome))).toEqual(['https://help.acme.com/*', 'http://intranet.acme.local/*']);
    const firefox = {
      policies: {
        '3rdparty': {
          Extensions: { 'replyguard@acme.com': { customHelpdesks: [{ pattern: 'https://x.acme.com/*' }] } },
        },
      },
    };
    expect(hostsFromFile(JSON.stringify(firefox))).toEqual(['https://x.acme.com/*']);
    expect(hostsFromFile('["help.acme.com"]')).toEqual(['help.acme.com']);
    expect(() => hostsFromFile('{"sendGuard": "block"}')).toThrow(/no customHelpdesks/);
  });

  it('normalises like the options page, keeps the notes, and refuses public suffixes and bad hosts', () => {
    const ok = resolveOrgHosts(['https://help.acme.com', 'http://intranet.acme.local:8080', 'help.acme.com/x']);
    expect(ok.errors).toEqual([]);
    expect(ok.patterns).toEqual(['https://help.acme.com/*', 'http://intranet.acme.local/*']);
    expect(ok.notes).toEqual([
      { input: 'http://intranet.acme.local:8080', pattern: 'http://intranet.acme.local/*', notes: expect.any(Array) },
    ]);
    expect(ok.notes[0]?.notes.map((n) => n.kind)).toEqual(['http', 'port']);
    const bad = resolveOrgHosts(['*.co.uk', '*.github.io', 'ftp://x.com', 'help.acme.com']);
    expect(bad.errors).toHaveLength(3);
    expect(bad.errors[0]).toMatch(/^\*\.co\.uk: .*public suffix/);
    expect(resolveOrgHosts([]).errors).toEqual(['No hosts given: use --hosts or --hosts-file.']);
  });
});
