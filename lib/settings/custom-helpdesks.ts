import type { CustomAdapterId, CustomHelpdesk, Settings } from './schema';

/**
 * Custom helpdesk domains: turning what an admin types into a match pattern the browser can
 * grant as an optional host permission, and finding the entry that covers a page. Pure, so the
 * options page, the background and the content script agree on what a pattern covers.
 */

/** The adapters an admin can pick for a custom domain, in the order the options page lists them. */
export const CUSTOM_ADAPTERS: readonly { id: CustomAdapterId; name: string }[] = [
  { id: 'chatwoot', name: 'Chatwoot (self-hosted)' },
  { id: 'zammad', name: 'Zammad (self-hosted)' },
  { id: 'freescout', name: 'FreeScout' },
  { id: 'generic', name: 'Other helpdesk (your selectors)' },
];

/** Keys of the generic adapter's selectors, with the label the options page shows. */
export const GENERIC_SELECTOR_FIELDS = [
  { key: 'customerMessage', label: 'Customer message', required: true },
  { key: 'agentMessage', label: 'Agent reply', required: true },
  { key: 'composer', label: 'Reply editor', required: true },
  { key: 'send', label: 'Send button', required: true },
  { key: 'aiControl', label: 'AI suggestion control (optional)', required: false },
  { key: 'ticketIdFrom', label: 'Ticket id from: path, hash or a selector (optional)', required: false },
] as const;

// https only: the optional host permission is `https://*/*`, the narrowest that covers any
// self-hosted helpdesk. A helpdesk served over plain http would expose the tickets anyway.
const PATTERN =
  /^https:\/\/(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)\/\*$/;

/**
 * Turns `help.acme.com`, `https://help.acme.com`, `https://help.acme.com/some/page` or
 * `*.acme.com` into `https://help.acme.com/*` (or `https://*.acme.com/*`). Returns an error
 * message a person can act on when the input cannot be a helpdesk origin.
 */
export function normalizeHelpdeskPattern(input: string): { ok: true; pattern: string } | { ok: false; error: string } {
  let text = input.trim().toLowerCase();
  if (!text) return { ok: false, error: 'Enter the helpdesk’s address, such as help.example.com.' };
  if (/^http:\/\//.test(text)) {
    return {
      ok: false,
      error: 'Only https addresses can be added: plain http would expose the tickets on the network.',
    };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text) && !text.startsWith('https://')) {
    return { ok: false, error: 'Only https addresses can be added.' };
  }
  if (!text.startsWith('https://')) text = `https://${text}`;
  const rest = text.slice('https://'.length);
  const slash = rest.indexOf('/');
  const host = slash === -1 ? rest : rest.slice(0, slash);
  if (host.includes(':')) return { ok: false, error: 'Leave out the port: browsers grant access per host name.' };
  if (host.includes('@')) return { ok: false, error: 'Leave out user names: enter only the host name.' };
  const pattern = `https://${host}/*`;
  if (!PATTERN.test(pattern)) {
    return {
      ok: false,
      error: `“${input.trim()}” is not a host name such as help.example.com or *.example.com (one “*.” in front at most).`,
    };
  }
  return { ok: true, pattern };
}

/** True when `pattern` is already in the canonical form `normalizeHelpdeskPattern` returns. */
export function isHelpdeskPattern(pattern: string): boolean {
  return PATTERN.test(pattern);
}

/** Whether a page URL is covered by a canonical pattern. */
export function patternMatches(pattern: string, url: URL): boolean {
  const m = PATTERN.exec(pattern);
  if (!m || url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  const base = m[2] as string;
  return m[1] ? host === base || host.endsWith(`.${base}`) : host === base;
}

/**
 * The custom helpdesk entry covering a page, when that entry's adapter is switched on. The
 * content script uses it for pages built-in adapters do not recognise.
 */
export function customHelpdeskFor(
  url: URL,
  settings: Pick<Settings, 'customHelpdesks' | 'helpdesks'>,
): CustomHelpdesk | null {
  return (
    settings.customHelpdesks.find((c) => settings.helpdesks[c.adapter] !== false && patternMatches(c.pattern, url)) ??
    null
  );
}

/** The match patterns the background registers the content script for (before permission checks). */
export function customMatchPatterns(settings: Pick<Settings, 'customHelpdesks' | 'helpdesks'>): string[] {
  return [
    ...new Set(settings.customHelpdesks.filter((c) => settings.helpdesks[c.adapter] !== false).map((c) => c.pattern)),
  ];
}
