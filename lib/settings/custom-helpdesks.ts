import type { CustomAdapterId, CustomHelpdesk, Settings } from './schema';

/**
 * Custom helpdesk domains: turning what an admin types into a match pattern the browser can
 * grant (as an optional host permission, or at install in an organisation build), and finding the
 * entry that covers a page. Pure, so the
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

// One host name label: letters, digits and inner hyphens (the browser lowercases and punycodes
// what an admin types).
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
// https, or http for intranet helpdesks; an optional leading `*.`; one host; no port (see
// PATTERN_NOTES.port). A wildcard needs at least two labels after it (`*.acme.com`, never `*.com`).
const PATTERN = new RegExp(`^(https?)://(\\*\\.)?(${LABEL}(?:\\.${LABEL})*)/\\*$`);
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * What an admin should know about a pattern that was accepted, as data: the options page shows
 * these beside the entry and `npm run build:org` prints them.
 */
export const PATTERN_NOTES = {
  http: 'Plain http: the helpdesk’s pages, tickets included, cross the network unencrypted. ReplyGuard sends nothing anywhere, but anyone on the network path can read what the helpdesk shows. Use https when the helpdesk offers it.',
  port: 'The port ({{port}}) is not part of the pattern: {{pattern}} covers {{host}} on every port. Firefox refuses ports in match patterns, so ReplyGuard leaves them out and one policy works in every browser; without a port, Chrome, Edge and Firefox all match every port. If other web apps share this host on other ports, ReplyGuard runs on them too: give the helpdesk a host name of its own.',
} as const;

/** A note on an accepted pattern, with its text filled in. */
export interface PatternNote {
  kind: keyof typeof PATTERN_NOTES;
  text: string;
}

/** The parts of a canonical pattern, or null when it is not one. */
function parsePattern(pattern: string): { scheme: 'http' | 'https'; wildcard: boolean; base: string } | null {
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  const base = m[3] as string;
  const wildcard = m[2] !== undefined;
  if (wildcard && (!base.includes('.') || IPV4.test(base))) return null;
  return { scheme: m[1] as 'http' | 'https', wildcard, base };
}

/**
 * Turns `help.acme.com`, `https://help.acme.com`, `https://help.acme.com/some/page`,
 * `http://intranet.acme.local:8080` or `*.acme.com` into a match pattern such as
 * `https://help.acme.com/*` (https unless the admin wrote http). Returns an error message a person
 * can act on when the input cannot be a helpdesk origin, and notes (plain http, a port dropped)
 * when it can. Whether a wildcard covers a public suffix is checked apart
 * (`publicSuffixProblem`, ./public-suffix.ts), which needs the Public Suffix List.
 */
export function normalizeHelpdeskPattern(
  input: string,
): { ok: true; pattern: string; notes: PatternNote[] } | { ok: false; error: string } {
  let text = input.trim().toLowerCase();
  if (!text) return { ok: false, error: 'Enter the helpdesk’s address, such as help.example.com.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text) && !/^https?:\/\//.test(text)) {
    return { ok: false, error: 'Only https (or http on an intranet) addresses can be added.' };
  }
  if (!/^https?:\/\//.test(text)) text = `https://${text}`;
  const scheme = text.startsWith('http://') ? 'http' : 'https';
  const rest = text.slice(`${scheme}://`.length);
  const slash = rest.search(/[/?#]/);
  let host = slash === -1 ? rest : rest.slice(0, slash);
  if (host.includes('@')) return { ok: false, error: 'Leave out user names: enter only the host name.' };
  const notes: PatternNote[] = [];
  const port = /:(\d*)$/.exec(host);
  if (port) {
    host = host.slice(0, port.index);
    const number = Number(port[1]);
    if (!port[1] || number < 1 || number > 65535) {
      return { ok: false, error: `“${input.trim()}” has no valid port after the colon.` };
    }
  }
  const pattern = `${scheme}://${host}/*`;
  const parsed = parsePattern(pattern);
  if (!parsed) {
    const wildcard = host.startsWith('*.') ? host.slice(2) : null;
    if (wildcard !== null && IPV4.test(wildcard)) {
      return { ok: false, error: 'A “*.” wildcard cannot go in front of an IP address: enter the address alone.' };
    }
    if (wildcard !== null && !wildcard.includes('.') && PATTERN.test(`${scheme}://${wildcard}/*`)) {
      return {
        ok: false,
        error: `“*.${wildcard}” would cover every site under the top-level domain ${wildcard}: name the helpdesk’s own domain, such as *.example.${wildcard}.`,
      };
    }
    return {
      ok: false,
      error: `“${input.trim()}” is not a host name such as help.example.com or *.example.com (one “*.” in front at most).`,
    };
  }
  if (scheme === 'http') notes.push({ kind: 'http', text: PATTERN_NOTES.http });
  if (port) {
    notes.push({
      kind: 'port',
      text: PATTERN_NOTES.port
        .replace('{{port}}', port[1] as string)
        .replace('{{pattern}}', pattern)
        .replace('{{host}}', host),
    });
  }
  return { ok: true, pattern, notes };
}

/** True when `pattern` is already in the canonical form `normalizeHelpdeskPattern` returns. */
export function isHelpdeskPattern(pattern: string): boolean {
  return parsePattern(pattern) !== null;
}

/** True for a canonical pattern on plain http, which the options page shows with a warning. */
export function isPlainHttpPattern(pattern: string): boolean {
  return parsePattern(pattern)?.scheme === 'http';
}

/** The host part of a canonical pattern (`*.acme.com` for a wildcard), or null. */
export function patternHost(pattern: string): string | null {
  const p = parsePattern(pattern);
  return p ? `${p.wildcard ? '*.' : ''}${p.base}` : null;
}

/** Whether a page URL is covered by a canonical pattern (any port, as in the browsers). */
export function patternMatches(pattern: string, url: URL): boolean {
  const p = parsePattern(pattern);
  if (!p || url.protocol !== `${p.scheme}:`) return false;
  const host = url.hostname.toLowerCase();
  return p.wildcard ? host === p.base || host.endsWith(`.${p.base}`) : host === p.base;
}

/** How closely a pattern names a host: an exact host beats any wildcard, a longer domain a shorter one. */
function specificity(pattern: string): number {
  const p = parsePattern(pattern);
  return p ? (p.wildcard ? 0 : 1000) + p.base.length : -1;
}

/**
 * The custom helpdesk entry covering a page, when that entry's adapter is switched on. The
 * content script uses it for pages built-in adapters do not recognise.
 */
export function customHelpdeskFor(
  url: URL,
  settings: Pick<Settings, 'customHelpdesks' | 'helpdesks'>,
): CustomHelpdesk | null {
  // The most specific entry wins, so `help.acme.com` keeps its own adapter under `*.acme.com`.
  let best: CustomHelpdesk | null = null;
  for (const c of settings.customHelpdesks) {
    if (settings.helpdesks[c.adapter] === false || !patternMatches(c.pattern, url)) continue;
    if (!best || specificity(c.pattern) > specificity(best.pattern)) best = c;
  }
  return best;
}

/** The match patterns the background registers the content script for (before permission checks). */
export function customMatchPatterns(settings: Pick<Settings, 'customHelpdesks' | 'helpdesks'>): string[] {
  return [
    ...new Set(settings.customHelpdesks.filter((c) => settings.helpdesks[c.adapter] !== false).map((c) => c.pattern)),
  ];
}
