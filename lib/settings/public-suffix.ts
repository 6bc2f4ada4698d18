import { parse } from 'tldts';
import { patternHost } from './custom-helpdesks';
import type { CustomHelpdesk } from './schema';

/**
 * Refuses custom-domain wildcards that would cover a public suffix (`*.co.uk`, `*.github.io`):
 * anyone can register a site under one, so ReplyGuard would read strangers' pages. Uses the
 * Public Suffix List as `tldts` ships it, with the private section (github.io, herokuapp.com and
 * such are registered there by their operators). tldts is about 50 KB gzip: only the options
 * page, the background and `npm run build:org` import this module, never the content script,
 * which runs only where the background registered it (tests/unit/extension/content-bundle.test.ts).
 */

/** Why a canonical custom-domain pattern is refused, or null when it is fine. */
export function publicSuffixProblem(pattern: string): string | null {
  const host = patternHost(pattern);
  if (!host?.startsWith('*.')) return null;
  const base = host.slice(2);
  const parsed = parse(base, { allowPrivateDomains: true });
  if (parsed.publicSuffix !== base) return null;
  const who = parsed.isPrivate
    ? 'a domain whose operator lets anyone have a site under it (the private section of the Public Suffix List)'
    : 'a public suffix, under which anyone can register a domain';
  return `“*.${base}” would cover every site under ${base}, ${who}: name the helpdesk’s own domain instead, such as *.your-company.${base} or help.your-company.${base}.`;
}

/** The custom helpdesk entries refused for covering a public suffix, each with the reason. */
export function refusedCustomHelpdesks(
  entries: readonly Pick<CustomHelpdesk, 'pattern'>[],
): { pattern: string; reason: string }[] {
  return entries.flatMap(({ pattern }) => {
    const reason = publicSuffixProblem(pattern);
    return reason ? [{ pattern, reason }] : [];
  });
}
