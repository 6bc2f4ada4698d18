import { type CountryCode, isPossiblePhoneNumber, isValidPhoneNumber, type MetadataJson } from 'libphonenumber-js/core';
import { execAll } from './exec-all';

/**
 * Phone numbers, found and validated by libphonenumber-js.
 *
 * Size: the content script's budget leaves this module little room. `libphonenumber-js/min`
 * with its text matcher costs 36 KB gzip and `/max` 57 KB, so we use `libphonenumber-js/core`
 * validation only (`isValidPhoneNumber`, `isPossiblePhoneNumber`, about 10 KB) on number-shaped
 * runs of digits and separators, with the library's own `metadata.min.json` for every region, its
 * formatting rules left out (`phone-metadata.json`, written by `scripts/phone-metadata.mjs`: 10 KB
 * gzip instead of 19.5): a number with a country code is checked against its country's rules,
 * whichever it is.
 *
 * The regular expression only proposes runs of 7–15 digits; whether a run is a phone number is
 * the library's call. With a `+` or `00` country code it must be valid for that country. Without
 * one it must be valid in the helpdesk's region when one is known (`CheckOptions.region`, from the
 * page's locale), or a valid US number, or be written in groups ("07700 063 966") and be valid in
 * one of the common regions below. Failing that, a number-shaped run right after a phone word
 * ("call", "tel", "mobile"…) counts when the library says it is a possible number in one of them.
 */

let metadata: MetadataJson | null = null;

/**
 * Gives the phone checks their metadata (`phone-metadata.json`, 10 KB gzip). Importing
 * `./phone-metadata` installs it (the CLI, the background, the options page, the tests do); the
 * content script, whose budget has no room for it, receives it from the background moments after
 * it starts, and flags no phone number until then.
 */
export function setPhoneMetadata(json: unknown): void {
  metadata = json as MetadataJson;
}

/** Whether phone numbers can be found yet (see `setPhoneMetadata`). */
export function hasPhoneMetadata(): boolean {
  return metadata !== null;
}

/** Regions tried for numbers without a country code that follow a phone word. */
const FALLBACK_REGIONS = [
  'US',
  'GB',
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'BE',
  'PT',
  'CH',
  'AT',
  'SE',
  'PL',
  'IE',
  'AU',
  'NZ',
  'ZA',
  'BR',
  'MX',
  'AR',
  'IN',
  'CA',
] as const;

const PHONE_WORD =
  /(?:phone|telephone|tel|mobile|cell|cellphone|fax|call|calling|dial|text|sms|whatsapp|reach (?:me|us|him|her|them)|contact(?: number)?|hotline|landline|ring|desk|office|work|home|direct|mob|ph|phone number|answering|answer)(?:\s+(?:me|us|him|her|them|you))?(?:\s+(?:is|on|at|number|no\.?|nr))?\W{0,12}$/i;
const NOT_A_PHONE_WORD =
  /\b(?:order|invoice|ticket|case|tracking|ref|reference|account|acct|item|sku|po|serial|confirmation|booking|id)\s*(?:no\.?|number|nr|num|id|:|#)?\s*[:#]?\s*$/i;
const CANDIDATE =
  /(?<![\w+#/])(?:\+\d{1,3}[ \t.-]?)?(?:\(\d{1,5}\)[ \t.-]?)?\d{1,15}(?:(?:[ \t.-]|\/ ?)\d{1,8}){0,5}(?=(?:[ \t]?(?:x|ext\.?)[ \t]?\d{1,6})?(?![\w/]))/g;
const IPV4_LIKE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DATE_LIKE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?![\d./-])/;
/** Written the way people write phone numbers: three or more groups split by spaces, dots or dashes, or an area code in brackets (two groups are more often a street number and a postcode). */
const FORMATTED = /^(?:\(\d{1,5}\) ?\d|\d{1,5}[ \t.-]\d{1,8}[ \t.-]\d)/;

/** A phone number span (UTF-16 offsets into the text given). */
export interface PhoneSpan {
  start: number;
  end: number;
}

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Is this number-shaped run a phone number, according to libphonenumber-js? */
function isPhone(candidate: string, afterPhoneWord: boolean, region: string | null, metadata: MetadataJson): boolean {
  if (candidate.startsWith('+')) {
    return isValidPhoneNumber(candidate, metadata) || (afterPhoneWord && isPossiblePhoneNumber(candidate, metadata));
  }
  // "0049 30 901820": the international prefix most of the world dials instead of "+".
  if (candidate.startsWith('00') && isValidPhoneNumber(`+${candidate.slice(2)}`, metadata)) return true;
  if (region && isValidPhoneNumber(candidate, region as CountryCode, metadata)) return true;
  if (isValidPhoneNumber(candidate, 'US', metadata)) return true;
  if (afterPhoneWord) return FALLBACK_REGIONS.some((r) => isPossiblePhoneNumber(candidate, r, metadata));
  return FORMATTED.test(candidate) && FALLBACK_REGIONS.some((r) => isValidPhoneNumber(candidate, r, metadata));
}

/**
 * Phone spans in `text`. `taken` lets a caller that already found stronger kinds (cards,
 * IBANs) skip validating runs inside them, which is where most of the cost would go.
 */
export function findPhones(
  text: string,
  taken?: (start: number, end: number) => boolean,
  region: string | null = null,
): PhoneSpan[] {
  if (!metadata || countDigits(text) < 7) return [];
  const known = metadata;
  const out: PhoneSpan[] = [];
  CANDIDATE.lastIndex = 0;
  for (const match of execAll(CANDIDATE, text)) {
    const start = match.index ?? 0;
    let candidate = match[0];
    if (taken?.(start, start + candidate.length) || IPV4_LIKE.test(candidate)) continue;
    const before = text.slice(Math.max(0, start - 32), start);
    if (NOT_A_PHONE_WORD.test(before)) continue;
    const afterPhoneWord = PHONE_WORD.test(before);
    // A run can swallow a neighbouring number ("555 0100 2"): drop trailing groups until valid.
    for (let tries = 0; tries < 4; tries++) {
      const digits = countDigits(candidate);
      if (digits < 7) break;
      if (digits <= 15 && !DATE_LIKE.test(candidate) && isPhone(candidate, afterPhoneWord, region, known)) {
        out.push({ start, end: start + candidate.length });
        break;
      }
      const cut = candidate.search(/(?:[ \t.-]|\/ ?)\d+$/);
      if (cut <= 0) break;
      candidate = candidate.slice(0, cut);
    }
  }
  return out;
}
