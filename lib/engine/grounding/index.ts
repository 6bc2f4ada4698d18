import { findEmails } from '../pii/detectors';
import { findPhones } from '../pii/phone';
import { threadMemo } from '../rules/support/thread-memo';
import { findLinks } from '../rules/support/urls';
import { type Amount, findAmounts } from './amounts';
import { type DateMention, type Duration, findDates, findDurations } from './dates';
import { customerNameWords, greetedNameWords, nameWords } from './names';
import { findReferences, type Reference, type ReferenceRole, referenceKey } from './references';

/**
 * Grounding: which specifics of a draft (numbers, amounts, dates, contacts, the customer's name)
 * the conversation or the admin's known facts support. Pure. The thread's side is computed
 * once per change of the thread (`groundingIndex`, memoised), the draft's side per sentence, so
 * a keystroke costs one sentence's extraction and a few set look-ups.
 */

export interface Span {
  start: number;
  end: number;
}

/** Specifics found in one text. */
export interface Details {
  references: Reference[];
  amounts: Amount[];
  dates: DateMention[];
  durations: Duration[];
  emails: (Span & { key: string })[];
  phones: (Span & { key: string })[];
  urls: (Span & { key: string })[];
}

/** "https://www.Help.acme.example/returns/" → "help.acme.example/returns". */
export function urlKey(url: string): string {
  return url
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/** Digits only, without a leading international prefix: compared by their last nine. */
export function phoneKey(text: string): string {
  return text.replace(/\D/g, '').slice(-9);
}

let lastText: string | null = null;
let lastDetails: Details | null = null;

/** Every specific in `text`, each span read once (a phone number is not also an order number). */
export function findDetails(text: string): Details {
  if (text === lastText && lastDetails) return lastDetails;
  const taken: Span[] = [];
  const free = (s: Span) => !taken.some((t) => t.start < s.end && s.start < t.end);
  const keep = <T extends Span>(spans: T[]): T[] => {
    const kept = spans.filter(free);
    taken.push(...kept);
    return kept;
  };
  const emails = keep(findEmails(text).map((s) => ({ ...s, key: text.slice(s.start, s.end).toLowerCase() })));
  const urls = keep(
    findLinks(text)
      .filter((l) => l.host !== '')
      .map((l) => ({ start: l.start, end: l.end, key: urlKey(text.slice(l.start, l.end)) })),
  );
  const amounts = keep(findAmounts(text));
  const dates = keep(findDates(text));
  const phones = keep(findPhones(text).map((s) => ({ ...s, key: phoneKey(text.slice(s.start, s.end)) })));
  const durations = keep(findDurations(text));
  const references = keep(findReferences(text, (start, end) => !free({ start, end })));
  lastText = text;
  lastDetails = { references, amounts, dates, durations, emails, phones, urls };
  return lastDetails;
}

/** What the conversation and the known facts support. */
export interface GroundingIndex {
  /** Reference keys, and every letters-and-digits token with a digit (an order number inside a subject line counts). */
  referenceKeys: ReadonlySet<string>;
  /** Labelled references of the customer's messages and earlier replies, by role. */
  referencesByRole: ReadonlyMap<ReferenceRole, ReadonlySet<string>>;
  /** Amount keys "EUR:4999", with sums, differences and small multiples of the thread's own amounts. */
  amountKeys: ReadonlySet<string>;
  /** Values (cents) seen per currency, to tell "a different amount" from "an amount". */
  amountsByCurrency: ReadonlyMap<string, ReadonlySet<number>>;
  /** "MM-DD" and "YYYY-MM-DD" readings of every date. */
  dateKeys: ReadonlySet<string>;
  durationKeys: ReadonlySet<string>;
  emails: ReadonlySet<string>;
  /** Email local parts and domains, to tell a near miss (a typo'd address) from a new one. */
  emailParts: ReadonlySet<string>;
  phones: readonly string[];
  urls: readonly string[];
  /** Lower-cased words of the customer's name; empty when the thread does not show it. */
  customerName: ReadonlySet<string>;
}

const MULTIPLES = [2, 3, 4, 6, 12];

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function build(
  customerMessages: readonly string[],
  agent: readonly string[],
  knownFacts: readonly string[],
  customerName: readonly string[],
): GroundingIndex {
  const referenceKeys = new Set<string>();
  const referencesByRole = new Map<ReferenceRole, Set<string>>();
  const amounts: Amount[] = [];
  const dateKeys = new Set<string>();
  const durationKeys = new Set<string>();
  const emails = new Set<string>();
  const emailParts = new Set<string>();
  const phones: string[] = [];
  const urls: string[] = [];
  const sources = [...customerMessages, ...agent, ...knownFacts];
  for (const source of sources) {
    // Capped like the reply: a pasted megabyte must not stall the first keystroke.
    const text = source.length > 50_000 ? source.slice(0, 50_000) : source;
    for (const token of text.match(/[A-Za-z0-9][A-Za-z0-9-]*\d[A-Za-z0-9-]*/g) ?? [])
      referenceKeys.add(referenceKey(token));
    for (const line of text.split('\n')) {
      const d = findDetails(line);
      for (const r of d.references) {
        referenceKeys.add(r.key);
        if (!r.role) continue;
        addTo(referencesByRole, r.role, r.key);
      }
      amounts.push(...d.amounts);
      for (const date of d.dates) {
        for (const day of date.days) {
          dateKeys.add(day);
          if (date.year) dateKeys.add(`${date.year}-${day}`);
        }
      }
      for (const duration of d.durations) durationKeys.add(duration.key);
      for (const e of d.emails) {
        emails.add(e.key);
        const [local, domain] = e.key.split('@');
        if (local) emailParts.add(`${local}@`);
        if (domain) emailParts.add(`@${domain}`);
      }
      phones.push(...d.phones.map((p) => p.key));
      urls.push(...d.urls.map((u) => u.key));
    }
  }
  const amountKeys = new Set<string>();
  const amountsByCurrency = new Map<string, Set<number>>();
  const capped = amounts.slice(0, 200);
  for (const a of capped) {
    amountKeys.add(`${a.currency}:${a.cents}`);
    for (const k of MULTIPLES) amountKeys.add(`${a.currency}:${a.cents * k}`);
    addTo(amountsByCurrency, a.currency, a.cents);
    for (const b of capped) {
      if (a === b || a.currency !== b.currency) continue;
      amountKeys.add(`${a.currency}:${a.cents + b.cents}`);
      amountKeys.add(`${a.currency}:${Math.abs(a.cents - b.cents)}`);
    }
  }
  const names = new Set<string>();
  for (const n of customerName) for (const w of nameWords(n)) names.add(w);
  for (const w of customerNameWords(customerMessages)) names.add(w);
  for (const w of greetedNameWords(agent)) names.add(w);
  return {
    referenceKeys,
    referencesByRole,
    amountKeys,
    amountsByCurrency,
    dateKeys,
    durationKeys,
    emails,
    emailParts,
    phones,
    urls,
    customerName: names,
  };
}

/** The grounding index of a thread, rebuilt only when the thread or the known facts change. */
export const groundingIndex: (
  customerMessages: readonly string[],
  agent: readonly string[],
  knownFacts: readonly string[],
  customerName: readonly string[],
) => GroundingIndex = threadMemo((customerMessages, agent, knownFacts, customerName) =>
  build(customerMessages ?? [], agent ?? [], knownFacts ?? [], customerName ?? []),
);

/** A URL is supported when the thread or the facts give it, or a page above it ("help.acme.example/"). */
export function urlGrounded(key: string, index: GroundingIndex): boolean {
  return index.urls.some((u) => key === u || key.startsWith(`${u}/`));
}

/** Phone numbers that differ from one in the thread by one or two digits: probably a typo of it. */
export function nearPhone(key: string, index: GroundingIndex): boolean {
  return index.phones.some((p) => {
    if (p.length !== key.length) return false;
    let diff = 0;
    for (let i = 0; i < p.length; i++) if (p[i] !== key[i]) diff++;
    return diff > 0 && diff <= 2;
  });
}
export { formatAmount } from './amounts';
