import { describe, expect, it } from 'vitest';
import { publicSuffixProblem, refusedCustomHelpdesks } from '@/lib/settings/public-suffix';

describe('custom domains on public suffixes', () => {
  it('refuses wildcards over public suffixes, ICANN and private alike, with the reason', () => {
    expect(publicSuffixProblem('https://*.co.uk/*')).toMatch(/every site under co\.uk, a public suffix/);
    expect(publicSuffixProblem('https://*.github.io/*')).toMatch(
      /github\.io.*private section of the Public Suffix List/,
    );
    expect(publicSuffixProblem('http://*.s3.amazonaws.com/*')).not.toBeNull();
    expect(publicSuffixProblem('https://*.com.au/*')).not.toBeNull();
  });

  it('accepts wildcards over a registrable domain, and exact hosts', () => {
    for (const ok of [
      'https://*.acme.co.uk/*',
      'https://*.acme.github.io/*',
      'https://acme.github.io/*',
      'https://help.acme.com/*',
      'http://*.acme.local/*',
      'http://helpdesk/*',
    ]) {
      expect(publicSuffixProblem(ok), ok).toBeNull();
    }
  });

  it('lists the refused entries of a settings list', () => {
    expect(
      refusedCustomHelpdesks([{ pattern: 'https://help.acme.com/*' }, { pattern: 'https://*.github.io/*' }]),
    ).toEqual([{ pattern: 'https://*.github.io/*', reason: expect.stringContaining('github.io') }]);
  });
});
