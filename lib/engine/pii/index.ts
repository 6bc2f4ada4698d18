import type { RawSpan } from './detectors';
import * as raw from './detectors';
import { detectFolded, foldText, unfoldSpan } from './fold';
import { findPhones as rawFindPhones } from './phone';

/**
 * PII and secrets in free text, usable outside the rules: the override log masks stored text
 * with `redactPii` in the "redacted" privacy mode, and the privacy rules use the same detectors.
 * Every detector exported here reads the text folded for detection (./fold.ts: NFKC, no
 * invisible characters) and answers with spans of the text as given, so zero-width characters
 * or full-width digits hide nothing, and a mask covers the whole value as written.
 */

/** What a span is; drives the mask (`[EMAIL]`) and the privacy rule that reports it. */
export type PiiKind = 'secret' | 'card' | 'iban' | 'ssn' | 'email' | 'ip-address' | 'phone' | 'password';

/** One detected item. Offsets are UTF-16 offsets into the text given. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

/** Masks written by `redactPii`, one per kind. */
export const PII_MASKS: Readonly<Record<PiiKind, string>> = {
  secret: '[SECRET]',
  card: '[CARD]',
  iban: '[IBAN]',
  ssn: '[SSN]',
  email: '[EMAIL]',
  'ip-address': '[IP]',
  phone: '[PHONE]',
  password: '[PASSWORD]',
};

/**
 * Detectors in priority order: when spans overlap, the earlier kind wins (a card beats a phone).
 * An IBAN comes before a card: its digits can hold a run that passes Luhn, and masking that run
 * alone would leave the country and bank code behind.
 */
const DETECTORS: readonly [PiiKind, (text: string, taken: (start: number, end: number) => boolean) => RawSpan[]][] = [
  ['secret', raw.findSecrets],
  ['iban', raw.findIbans],
  ['card', raw.findCards],
  ['ssn', raw.findSsns],
  ['email', raw.findEmails],
  ['ip-address', raw.findIpAddresses],
  ['phone', rawFindPhones],
  ['password', raw.findPasswords],
];

/** Index of the first span in `sorted` (by start) whose start is at or after `at`. */
function lowerBound(sorted: readonly PiiSpan[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as PiiSpan).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSorted(a: readonly PiiSpan[], b: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      out.push(x as PiiSpan);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/**
 * All PII spans, non-overlapping, sorted by position. Kept spans stay sorted (merged once per
 * kind), so each overlap check is a binary search: a pasted megabyte with thousands of
 * addresses stays linearithmic. The detectors run once over the folded text; spans are mapped
 * back to `text` at the end.
 */
export function findPii(text: string): PiiSpan[] {
  const folded = foldText(text);
  const found = findFoldedPii(folded ? folded.text : text);
  if (!folded) return found;
  return found.map((span) => {
    const { start, end } = unfoldSpan(folded, span.start, span.end);
    return { kind: span.kind, start, end, text: text.slice(start, end) };
  });
}

function findFoldedPii(text: string): PiiSpan[] {
  let taken: PiiSpan[] = [];
  const overlaps = (start: number, end: number): boolean => {
    const i = lowerBound(taken, start);
    const before = taken[i - 1];
    const after = taken[i];
    return (before !== undefined && before.end > start) || (after !== undefined && after.start < end);
  };
  for (const [kind, detect] of DETECTORS) {
    const added: PiiSpan[] = [];
    for (const span of detect(text, overlaps).sort((a, b) => a.start - b.start)) {
      const last = added[added.length - 1];
      if ((last && last.end > span.start) || overlaps(span.start, span.end)) continue;
      added.push({ kind, start: span.start, end: span.end, text: text.slice(span.start, span.end) });
    }
    // Merge once per kind rather than splicing span by span: linear in the number of spans.
    if (added.length > 0) taken = mergeSorted(taken, added);
  }
  return taken;
}

/** The text with every PII span replaced by its mask, e.g. "mail me at [EMAIL]". */
export function redactPii(text: string): string {
  let out = '';
  let at = 0;
  for (const span of findPii(text)) {
    out += text.slice(at, span.start) + PII_MASKS[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
}

/** Detectors for the privacy rules, each over the folded text (see the top of this file). */
export const findCards = (text: string): RawSpan[] => detectFolded(text, raw.findCards);
export const findIbans = (text: string): RawSpan[] => detectFolded(text, raw.findIbans);
export const findSsns = (text: string): RawSpan[] => detectFolded(text, raw.findSsns);
export const findEmails = (text: string): RawSpan[] => detectFolded(text, raw.findEmails);
export const findIpAddresses = (text: string): RawSpan[] => detectFolded(text, raw.findIpAddresses);
export const findSecrets = (text: string): RawSpan[] => detectFolded(text, raw.findSecrets);
export const findPasswords = (text: string): RawSpan[] => detectFolded(text, raw.findPasswords);
/** Phone numbers, never inside a card number or IBAN; national numbers read for `region` when given. */
export const findPhones = (text: string, region: string | null = null): RawSpan[] =>
  detectFolded(text, (folded) => {
    const blocked = [...raw.findCards(folded), ...raw.findIbans(folded)];
    return rawFindPhones(folded, (start, end) => blocked.some((b) => b.start < end && start < b.end), region);
  });

export { ibanValid, luhnValid, ssnValid } from './checksums';
