import { execAll } from '../../pii/exec-all';
/** Link extraction shared by the link rules. Not a rule. */

export interface LinkSpan {
  start: number;
  end: number;
  /** Lower-cased host without port or user info; '' for script URLs. */
  host: string;
  /** The link had user info ("https://paypal.com@evil.example"). */
  hasUserInfo: boolean;
  scheme: string;
}

const URL_RE =
  /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`]{1,2000}|\b(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|is\.gd|buff\.ly|rebrand\.ly|cutt\.ly|shorturl\.at|tiny\.cc|rb\.gy|t\.ly|s\.id|lnkd\.in|adf\.ly|shorte\.st|v\.gd|qr\.net)\/[^\s<>"'`]{1,200}/gi;
const SCRIPT_RE = /\b(?:javascript|vbscript):[^\s<>"'`]{1,2000}|\bdata:[a-z]+\/[a-z0-9.+-]+[;,][^\s<>"'`]{0,2000}/gi;

function trimTrailing(text: string): string {
  let t = text;
  while (/[.,;:!?)\]}>]$/.test(t)) {
    if (t.endsWith(')') && (t.match(/\(/g)?.length ?? 0) >= (t.match(/\)/g)?.length ?? 0)) break;
    t = t.slice(0, -1);
  }
  return t;
}

/** The five link rules ask about the same sentence in a row; answer repeats from the last call. */
let lastText: string | null = null;
let lastLinks: LinkSpan[] = [];

export function findLinks(text: string): LinkSpan[] {
  if (text === lastText) return lastLinks;
  const out: LinkSpan[] = [];
  lastText = text;
  lastLinks = out;
  if (text.includes(':') || text.includes('.')) {
    URL_RE.lastIndex = 0;
    for (const m of execAll(URL_RE, text)) {
      const url = trimTrailing(m[0]);
      const start = m.index ?? 0;
      const schemeMatch = /^([a-z]+):\/\//i.exec(url);
      const rest = schemeMatch ? url.slice(schemeMatch[0].length) : url;
      const authority = rest.split(/[/?#]/, 1)[0] ?? '';
      const at = authority.lastIndexOf('@');
      let host = (at >= 0 ? authority.slice(at + 1) : authority).toLowerCase();
      if (!host.startsWith('[')) host = host.replace(/:\d*$/, '');
      out.push({
        start,
        end: start + url.length,
        host,
        hasUserInfo: at >= 0,
        scheme: schemeMatch ? (schemeMatch[1] as string).toLowerCase() : 'https',
      });
    }
  }
  if (text.includes(':')) {
    SCRIPT_RE.lastIndex = 0;
    for (const m of execAll(SCRIPT_RE, text)) {
      const start = m.index ?? 0;
      const url = trimTrailing(m[0]);
      out.push({
        start,
        end: start + url.length,
        host: '',
        hasUserInfo: false,
        scheme: url.split(':', 1)[0]?.toLowerCase() ?? '',
      });
    }
  }
  return out;
}
