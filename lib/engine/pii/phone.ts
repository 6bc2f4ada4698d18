import { findPhoneNumbersInText, isPossiblePhoneNumber, type MetadataJson } from 'libphonenumber-js/core';
import metadataJson from './phone-metadata.json';

/**
 * Phone numbers, found and validated by libphonenumber-js.
 *
 * Size: the content script budget leaves this module about 20 KB gzip. `libphonenumber-js/min`
 * costs 36 KB gzip (16 KB code + 20 KB metadata for 245 regions) and `/max` 57 KB, so we use
 * `libphonenumber-js/core` with the library's own `metadata.min.json` cut down to the regions
 * in `phone-metadata.json` (about 60 regions, 10 KB gzip): the file keeps the library's
 * `version`, and its `countries` / `country_calling_codes` entries for those regions verbatim.
 * After upgrading the library, regenerate it by filtering the package's `metadata.min.json` to
 * the region codes already present in the file (a ten-line Node script; nothing else changes).
 *
 * Numbers written without a country code are read as US numbers first (the library's
 * matcher). Failing that, a number-shaped run right after a phone word ("call", "tel",
 * "mobile"…) counts when the library says it is a possible number in one of the common regions
 * (national formats such as "07700 063 966" or "0490 75 40 81").
 */

const metadata = metadataJson as unknown as MetadataJson;

/** Regions tried for numbers without a country code that follow a phone word. */
const FALLBACK_REGIONS = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'AU', 'BR', 'IN', 'CA'] as const;

const PHONE_WORD =
  /(?:phone|telephone|tel|mobile|cell|cellphone|fax|call|calling|dial|text|sms|whatsapp|reach (?:me|us|him|her|them)|contact(?: number)?|hotline|landline|ring)(?:\s+(?:is|on|at|number|no\.?|nr))?\W{0,12}$/i;
const NOT_A_PHONE_WORD =
  /\b(?:order|invoice|ticket|case|tracking|ref|reference|account|acct|item|sku|po|serial|confirmation|booking|id)\s*(?:no\.?|number|nr|num|id|:|#)?\s*[:#]?\s*$/i;
const CANDIDATE = /(?<![\w+#])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,8}(?:[\s.-]\d{1,8}){0,5}(?![\w])/g;
const DATE_LIKE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;

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

export function findPhones(text: string): PhoneSpan[] {
  if (countDigits(text) < 7) return [];
  const out: PhoneSpan[] = [];
  for (const found of findPhoneNumbersInText(text, { defaultCountry: 'US' }, metadata)) {
    const before = text.slice(Math.max(0, found.startsAt - 24), found.startsAt);
    if (NOT_A_PHONE_WORD.test(before)) continue;
    out.push({ start: found.startsAt, end: found.endsAt });
  }
  CANDIDATE.lastIndex = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (out.some((s) => s.start < end && start < s.end)) continue;
    const digits = countDigits(match[0]);
    if (digits < 7 || digits > 15 || DATE_LIKE.test(match[0])) continue;
    const before = text.slice(Math.max(0, start - 32), start);
    if (!PHONE_WORD.test(before) || NOT_A_PHONE_WORD.test(before)) continue;
    if (FALLBACK_REGIONS.some((region) => isPossiblePhoneNumber(match[0], region, metadata))) {
      out.push({ start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
