import { ibanValid, luhnValid, ssnValid } from './checksums';
import { execAll } from './exec-all';

/**
 * One detector per PII kind. Each returns spans into the text it is given, precise enough to
 * mask. They pre-check a cheap condition (an `@`, enough digits) so clean text costs little.
 */

export interface RawSpan {
  start: number;
  end: number;
}

const CARD = /(?<![\d-])[1-6]\d(?:[ -]?\d){10,17}(?![\d])/g;
/** Maestro is the one scheme issuing 12-digit cards. */
const MAESTRO_12 = /^(?:5018|5020|5038|6304|6759|676[1-3])/;

export function findCards(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  CARD.lastIndex = 0;
  for (const m of execAll(CARD, text)) {
    const digits = m[0].replace(/[ -]/g, '');
    const okLength = digits.length >= 13 || (digits.length === 12 && MAESTRO_12.test(digits));
    if (!okLength || /^(\d)\1+$/.test(digits) || !luhnValid(digits)) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length });
  }
  return out;
}

/**
 * Country code, check digits, then the account: compact, or in groups of four split by spaces or
 * by dashes (the same separator throughout), as banks and people write it.
 */
const IBAN =
  /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|([ -])[A-Za-z0-9]{4}(?:\1[A-Za-z0-9]{4}){1,6}(?:\1[A-Za-z0-9]{1,4})?)(?![A-Za-z0-9])/g;

export function findIbans(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  IBAN.lastIndex = 0;
  for (const m of execAll(IBAN, text)) {
    let candidate = m[0];
    const separator = m[1] ?? ' ';
    // A following word of four letters can look like one more group: drop groups until valid.
    while (candidate.replace(/[ -]/g, '').length >= 15) {
      if (ibanValid(candidate)) {
        const start = m.index ?? 0;
        out.push({ start, end: start + candidate.length });
        break;
      }
      const cut = candidate.lastIndexOf(separator);
      if (cut < 0) break;
      candidate = candidate.slice(0, cut);
    }
  }
  return out;
}

const SSN = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const SSN_PLAIN = /\b(?:ssn|social security(?: number| no\.?)?)\W{0,12}(\d{3})(\d{2})(\d{4})\b/gi;

export function findSsns(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  SSN.lastIndex = 0;
  for (const m of execAll(SSN, text)) {
    if (!ssnValid(m[1] as string, m[3] as string, m[4] as string)) continue;
    // "123 45 6789" with spaces only counts next to an SSN word; dashes are distinctive enough.
    const start = m.index ?? 0;
    if (m[2] === ' ' && !/(?:ssn|social security)\W{0,16}$/i.test(text.slice(Math.max(0, start - 24), start))) continue;
    out.push({ start, end: start + m[0].length });
  }
  SSN_PLAIN.lastIndex = 0;
  for (const m of execAll(SSN_PLAIN, text)) {
    if (!ssnValid(m[1] as string, m[2] as string, m[3] as string)) continue;
    const end = (m.index ?? 0) + m[0].length;
    out.push({ start: end - 9, end });
  }
  return out;
}

/**
 * Internationalised addresses too (RFC 6531): letters and marks of any script in the local part
 * and the domain, and a top-level domain in letters or in its ASCII (punycode) form.
 */
const EMAIL =
  /[\p{L}\p{M}\p{N}._%+-]{1,64}@[\p{L}\p{M}\p{N}-]{1,63}(?:\.[\p{L}\p{M}\p{N}-]{1,63}){0,8}\.(?:xn--[A-Za-z0-9-]{1,59}|[\p{L}\p{M}]{2,24})(?![\p{L}\p{M}\p{N}-])/gu;

export function findEmails(text: string): RawSpan[] {
  if (!text.includes('@')) return [];
  const out: RawSpan[] = [];
  EMAIL.lastIndex = 0;
  for (const m of execAll(EMAIL, text)) {
    let start = m.index ?? 0;
    let value = m[0];
    while (value.startsWith('.')) {
      value = value.slice(1);
      start++;
    }
    out.push({ start, end: start + value.length });
  }
  return out;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\w|\\.\\d)`, 'g');
const IPV6 = /(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g;

function ipv6Valid(candidate: string): boolean {
  const parts = candidate.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')));
  if (groups.some((g) => g.length === 0 || g.length > 4)) return false;
  return parts.length === 2 ? groups.length <= 7 && candidate.length > 2 : groups.length === 8;
}

export function findIpAddresses(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  if (text.includes('.')) {
    IPV4.lastIndex = 0;
    for (const m of execAll(IPV4, text)) {
      const start = m.index ?? 0;
      if (/(?:\bv|version\s?)$/i.test(text.slice(Math.max(0, start - 8), start))) continue;
      out.push({ start, end: start + m[0].length });
    }
  }
  if (text.includes(':')) {
    IPV6.lastIndex = 0;
    for (const m of execAll(IPV6, text)) {
      if (!ipv6Valid(m[0])) continue;
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length });
    }
  }
  return out;
}

/** Well-known credential formats: provider key prefixes, JWTs, PEM private key headers, bearer tokens. */
const SECRET = new RegExp(
  [
    'AKIA[0-9A-Z]{16}',
    '(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{10,99}',
    'sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,200}',
    'gh[pousr]_[A-Za-z0-9]{36,80}',
    'github_pat_[A-Za-z0-9_]{22,120}',
    'xox[abposr]-[A-Za-z0-9-]{10,120}',
    'AIza[0-9A-Za-z_-]{35}',
    'glpat-[A-Za-z0-9_-]{20,60}',
    'npm_[A-Za-z0-9]{36}',
    'eyJ[A-Za-z0-9_-]{8,2000}\\.eyJ[A-Za-z0-9_-]{8,4000}\\.[A-Za-z0-9_-]{8,1000}',
    '-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----',
    '(?<=\\bBearer\\s)[A-Za-z0-9._~+/-]{20,500}=*',
    '(?<=\\b(?:api[ _-]?key|api[ _-]?token|access[ _-]?token|secret[ _-]?key|client[ _-]?secret)\\s{0,3}[:=]\\s{0,3}["\']?)[A-Za-z0-9_\\-./+]{16,200}',
  ].join('|'),
  'gi',
);
/** Provider prefixes are case-sensitive; the flag above is for the keyword-led forms only. */
const CASE_SENSITIVE_PREFIX = /^(?:AKIA|sk|rk|pk|gh|github_pat|xox|AIza|glpat|npm_|eyJ|-----)/;

/** Every secret form contains one of these; most sentences contain none and skip the big pattern. */
const SECRET_HINT =
  /AKIA|_live_|_test_|sk-|gh[pousr]_|github_pat_|xox|AIza|glpat-|npm_|eyJ|-----BEGIN|bearer|key|token|secret/i;

export function findSecrets(text: string): RawSpan[] {
  if (!SECRET_HINT.test(text)) return [];
  const out: RawSpan[] = [];
  SECRET.lastIndex = 0;
  for (const m of execAll(SECRET, text)) {
    const start = m.index ?? 0;
    const before = text.slice(Math.max(0, start - 24), start);
    const keywordLed = /(?:bearer\s|[:=]\s{0,3}["']?)$/i.test(before);
    if (!keywordLed && !CASE_SENSITIVE_PREFIX.test(m[0])) continue;
    out.push({ start, end: start + m[0].length });
  }
  return out;
}

/**
 * "Your password is X", "password: X", "pw: X" — the whole value, when it looks like one (a digit
 * or a symbol, or quoted). A quoted value may hold spaces ("correct horse battery staple"); an
 * unquoted one goes on over the next words while they also hold a digit or a symbol ("P@ss
 * w0rd"). A quoted value may follow the word directly (password “blue Monday 42”). A trailing `!` or `?` is kept: it is common in passwords, and masking one sentence mark
 * too many costs nothing, while leaving part of a password in the log does.
 */
const PASSWORD =
  /\b(?:password|passphrase|passcode|passwd|pword|pwd|pw|pin)\b(?:\s+(?:is|was|will be|has been (?:reset|changed|set) to|set to|reset to|changed to)|\s*[:=]|\s+(?=["“‘]))\s*(?:(["'“‘])([^"'“”‘’\n]{1,64}?)["'”’]|([^\s"'“”‘’]{4,64}(?:\s+[^\s"'“”‘’]*[\d!@#$%^&*_+=~][^\s"'“”‘’]*){0,3}))/gi;
const PASSWORD_SYMBOL = /[\d!@#$%^&*_+=~]/;
/** Sentence punctuation after an unquoted value. */
const TRAILING = /[.,;:)]+$/;

export function findPasswords(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  PASSWORD.lastIndex = 0;
  for (const m of execAll(PASSWORD, text)) {
    const quoted = m[2];
    const end = (m.index ?? 0) + m[0].length;
    if (quoted !== undefined) {
      // The value inside the quotes; the closing quote is the last character of the match.
      if (!quoted.trim()) continue;
      out.push({ start: end - 1 - quoted.length, end: end - 1 });
      continue;
    }
    const value = (m[3] as string).replace(TRAILING, '');
    if (!PASSWORD_SYMBOL.test(value) || /^[a-z]+-[a-z]+$/i.test(value)) continue;
    const valueEnd = end - ((m[3] as string).length - value.length);
    out.push({ start: valueEnd - value.length, end: valueEnd });
  }
  return out;
}
