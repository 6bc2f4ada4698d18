import {
  findCards,
  findEmails,
  findIbans,
  findIpAddresses,
  findPasswords,
  findSecrets,
  findSsns,
  type RawSpan,
} from './detectors';
import { findPhones } from './phone';

/**
 * PII and secrets in free text, usable outside the rules: the override log masks stored text
 * with `redactPii` in the "redacted" privacy mode, and the privacy rules use the same detectors.
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

/** Detectors in priority order: when spans overlap, the earlier kind wins (a card beats a phone). */
const DETECTORS: readonly [PiiKind, (text: string) => RawSpan[]][] = [
  ['secret', findSecrets],
  ['card', findCards],
  ['iban', findIbans],
  ['ssn', findSsns],
  ['email', findEmails],
  ['ip-address', findIpAddresses],
  ['phone', findPhones],
  ['password', findPasswords],
];

/** All PII spans, non-overlapping, sorted by position. */
export function findPii(text: string): PiiSpan[] {
  const taken: PiiSpan[] = [];
  for (const [kind, detect] of DETECTORS) {
    for (const span of detect(text)) {
      if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
      taken.push({ kind, start: span.start, end: span.end, text: text.slice(span.start, span.end) });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
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

export { ibanValid, luhnValid, ssnValid } from './checksums';
export {
  findCards,
  findEmails,
  findIbans,
  findIpAddresses,
  findPasswords,
  findSecrets,
  findSsns,
} from './detectors';
export { findPhones } from './phone';
