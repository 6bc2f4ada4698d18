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
  const emails = keep(
    (text.includes('@') ? findEmails(text) : []).map((s) => ({ ...s, key: text.slice(s.start, s.end).toLowerCase() })),
  );
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
/** Pairs of amounts are summed and subtracted: bound the quadratic part. */
const MAX_PAIRED_AMOUNTS = 30;
/** Each source is read up to this length: a pasted megabyte must not stall the first keystroke. */
const MAX_SOURCE_CHARS = 20_000;

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/**
 * The index, built lazily one kind at a time: a sentence without a phone number never pays for
 * validating the thread's phone numbers, and a thread change costs nothing until a sentence with
 * a specific is checked.
 */
class ThreadFacts implements GroundingIndex {
  private readonly sources: readonly string[];
  private readonly thread: readonly string[];
  private cache = new Map<string, unknown>();

  constructor(
    private readonly customerMessages: readonly string[],
    private readonly agent: readonly string[],
    knownFacts: readonly string[],
    private readonly helpdeskName: readonly string[],
  ) {
    const cap = (t: string) => (t.length > MAX_SOURCE_CHARS ? t.slice(0, MAX_SOURCE_CHARS) : t);
    this.thread = [...customerMessages, ...agent].map(cap);
    this.sources = [...this.thread, ...knownFacts.map(cap)];
  }

  private once<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }

  get referenceKeys(): ReadonlySet<string> {
    return this.once('referenceKeys', () => {
      const keys = new Set<string>();
      for (const text of this.sources) {
        for (const token of text.match(/[A-Za-z0-9][A-Za-z0-9-]*\d[A-Za-z0-9-]*/g) ?? []) keys.add(referenceKey(token));
      }
      return keys;
    });
  }

  get referencesByRole(): ReadonlyMap<ReferenceRole, ReadonlySet<string>> {
    return this.once('referencesByRole', () => {
      const byRole = new Map<ReferenceRole, Set<string>>();
      for (const text of this.sources) {
        for (const r of findReferences(text, () => false)) if (r.role) addTo(byRole, r.role, r.key);
      }
      return byRole;
    });
  }

  private get amounts(): { keys: Set<string>; byCurrency: Map<string, Set<number>> } {
    return this.once('amounts', () => {
      const keys = new Set<string>();
      const byCurrency = new Map<string, Set<number>>();
      const threadAmounts = this.thread.flatMap((t) => findAmounts(t));
      const factAmounts = this.sources.slice(this.thread.length).flatMap((t) => findAmounts(t));
      for (const a of [...threadAmounts, ...factAmounts]) {
        keys.add(`${a.currency}:${a.cents}`);
        for (const k of MULTIPLES) keys.add(`${a.currency}:${a.cents * k}`);
        addTo(byCurrency, a.currency, a.cents);
      }
      // Sums and differences only of the conversation's amounts ("two charges of $49.99"), not of price lists.
      const paired = threadAmounts.slice(0, MAX_PAIRED_AMOUNTS);
      for (const a of paired) {
        for (const b of paired) {
          if (a === b || a.currency !== b.currency) continue;
          keys.add(`${a.currency}:${a.cents + b.cents}`);
          keys.add(`${a.currency}:${Math.abs(a.cents - b.cents)}`);
        }
      }
      return { keys, byCurrency };
    });
  }

  get amountKeys(): ReadonlySet<string> {
    return this.amounts.keys;
  }

  get amountsByCurrency(): ReadonlyMap<string, ReadonlySet<number>> {
    return this.amounts.byCurrency;
  }

  get dateKeys(): ReadonlySet<string> {
    return this.once('dateKeys', () => {
      const keys = new Set<string>();
      for (const text of this.sources) {
        for (const date of findDates(text)) {
          for (const day of date.days) {
            keys.add(day);
            if (date.year) keys.add(`${date.year}-${day}`);
          }
        }
      }
      return keys;
    });
  }

  get durationKeys(): ReadonlySet<string> {
    return this.once('durationKeys', () => new Set(this.sources.flatMap((t) => findDurations(t).map((d) => d.key))));
  }

  private get mail(): { emails: Set<string>; parts: Set<string> } {
    return this.once('mail', () => {
      const emails = new Set<string>();
      const parts = new Set<string>();
      for (const text of this.sources) {
        for (const e of findEmails(text)) {
          const key = text.slice(e.start, e.end).toLowerCase();
          emails.add(key);
          const [local, domain] = key.split('@');
          if (local) parts.add(`${local}@`);
          if (domain) parts.add(`@${domain}`);
        }
      }
      return { emails, parts };
    });
  }

  get emails(): ReadonlySet<string> {
    return this.mail.emails;
  }

  get emailParts(): ReadonlySet<string> {
    return this.mail.parts;
  }

  get phones(): readonly string[] {
    return this.once('phones', () =>
      this.sources.flatMap((t) => findPhones(t).map((s) => phoneKey(t.slice(s.start, s.end)))),
    );
  }

  get urls(): readonly string[] {
    return this.once('urls', () =>
      this.sources.flatMap((t) =>
        findLinks(t)
          .filter((l) => l.host !== '')
          .map((l) => urlKey(t.slice(l.start, l.end))),
      ),
    );
  }

  get customerName(): ReadonlySet<string> {
    return this.once('customerName', () => {
      const names = new Set<string>();
      for (const n of this.helpdeskName) for (const w of nameWords(n)) names.add(w);
      for (const w of customerNameWords(this.customerMessages)) names.add(w);
      for (const w of greetedNameWords(this.agent)) names.add(w);
      return names;
    });
  }
}

/** The grounding index of a thread, rebuilt only when the thread or the known facts change. */
export const groundingIndex: (
  customerMessages: readonly string[],
  agent: readonly string[],
  knownFacts: readonly string[],
  customerName: readonly string[],
) => GroundingIndex = threadMemo(
  (customerMessages, agent, knownFacts, customerName) =>
    new ThreadFacts(customerMessages ?? [], agent ?? [], knownFacts ?? [], customerName ?? []),
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
