import type { Category, Severity } from '../types';
import type { RulePack } from './types';

/**
 * Applies validated rule packs. Pure and free of zod: the content script imports this, while
 * validation (`./validate.ts`, which pulls in zod) runs where packs are loaded — the options
 * page, the CLI and the tests — so packs reach the content script already checked.
 */

/** Messages for pack findings whose entry gives none. Data, not concatenated prose. */
export const PACK_MESSAGES = {
  substitution: 'Prefer “{{replacement}}” to “{{text}}” (team rule pack).',
  competitor: 'Mentions the competitor “{{text}}”; team policy is not to name competitors.',
} as const;

/** One compiled phrase matcher. */
export interface PackMatcher {
  rule: string;
  category: Category;
  severity: Severity;
  regex: RegExp;
  /** Message template; `{{text}}` is the matched span. */
  message: string;
  replacement?: string;
}

/** Packs folded into what the checker needs. */
export interface CompiledPacks {
  disabled: ReadonlySet<string>;
  severity: ReadonlyMap<string, Severity>;
  linkAllowlist: readonly string[] | null;
  /** Every pack's `knownFacts`, in order: what the grounding rules count as supported. */
  knownFacts: readonly string[];
  /** Banned phrases, substitutions and competitors: matched per segment. */
  matchers: readonly PackMatcher[];
  /** Required phrases: checked against the whole reply. */
  required: readonly PackMatcher[];
  /** The matchers that may match in `text`, in order (`PhraseIndex`); the others cannot. */
  candidates(text: string): readonly PackMatcher[];
  /** The same for the required phrases. */
  requiredCandidates(text: string): readonly PackMatcher[];
}

export const EMPTY_PACKS: CompiledPacks = {
  disabled: new Set(),
  severity: new Map(),
  linkAllowlist: null,
  knownFacts: [],
  matchers: [],
  required: [],
  candidates: () => [],
  requiredCandidates: () => [],
};

/**
 * Words of a text, the way the phrase patterns see word boundaries: runs of letters, digits and
 * underscores.
 */
const WORD = /[\p{L}\p{N}_]+/gu;
/** ASCII words need only lower-casing (the common case, and most of a large pack's cost to file). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * A word as every case-insensitive spelling of it is looked up. Upper then lower case gives the
 * same key to all the letters a `u`+`i` pattern treats as one (ſ and s, ς and σ, K and the Kelvin
 * sign, ǅ and ǆ…); `ß` is spelled `ss` because upper-casing turns one into the other. The keys
 * may merge letters the pattern keeps apart (ı and i): that only adds a candidate, which the
 * pattern then tests.
 */
export const foldWord = (word: string): string =>
  NON_ASCII.test(word) ? word.toUpperCase().toLowerCase().replace(/ß/g, 'ss') : word.toLowerCase();

/**
 * Which matchers can match a text. A phrase matches whole words, case-insensitively, with any
 * white space between its words, so every word of a phrase appears as a whole word of any text
 * it matches. Each phrase is filed under its longest word; a text looks up its own words, and a
 * phrase filed there is a candidate only when all its other words are in the text too. A pack of
 * 5,000 phrases then costs a keystroke a few map lookups per word instead of 5,000 pattern runs
 * (20,000 phrases took 76 s for a first check), and a pattern is compiled only when its phrase
 * is nearly there: V8 compiles a pattern of long alternatives in milliseconds, on first use.
 * Phrases with no word at all ("!!!") are always candidates.
 */
class PhraseIndex {
  /** Longest word → the phrases filed under it, as [matcher index, every word of the phrase]. */
  readonly #byWord = new Map<string, [number, string[]][]>();
  readonly #always: number[] = [];
  readonly #matchers: readonly PackMatcher[];

  constructor(matchers: readonly PackMatcher[], phrasesOf: readonly (readonly string[])[]) {
    this.#matchers = matchers;
    phrasesOf.forEach((phrases, i) => {
      let wordless = false;
      for (const phrase of phrases) {
        const words = phrase.match(WORD);
        if (!words) {
          if (phrase.trim().length > 0) wordless = true;
          continue;
        }
        const keys = [...new Set(words.map(foldWord))];
        let longest = keys[0] as string;
        for (const k of keys) if (k.length > longest.length) longest = k;
        const list = this.#byWord.get(longest);
        if (list) list.push([i, keys]);
        else this.#byWord.set(longest, [[i, keys]]);
      }
      if (wordless) this.#always.push(i);
    });
  }

  candidates(text: string): readonly PackMatcher[] {
    if (this.#matchers.length === 0) return this.#matchers;
    const words = new Set<string>();
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) words.add(foldWord(m[0]));
    WORD.lastIndex = 0;
    const hit = new Set<number>(this.#always);
    for (const w of words) {
      for (const [i, keys] of this.#byWord.get(w) ?? []) {
        if (!hit.has(i) && keys.every((k) => words.has(k))) hit.add(i);
      }
    }
    if (hit.size === this.#matchers.length) return this.#matchers;
    return [...hit].sort((a, b) => a - b).map((i) => this.#matchers[i] as PackMatcher);
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Literal phrases to one case-insensitive, whole-word, whitespace-tolerant pattern. Blank
 * phrases are left out; with none left the pattern matches nothing (an empty alternative would
 * match between every two words).
 */
export function phraseRegex(phrases: readonly string[]): RegExp {
  const parts = phrases
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegex(p).replace(/\s+/g, '\\s+'));
  if (parts.length === 0) return /(?!)/giu;
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${parts.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

/**
 * A matcher whose pattern is compiled the first time it is used. With the phrase index most
 * matchers of a large pack never run on a given reply; building 1,000 patterns of long
 * alternatives up front took a noticeable moment at the first check of every tab.
 */
function withPattern(fields: Omit<PackMatcher, 'regex'>, phrases: readonly string[]): PackMatcher {
  let regex: RegExp | null = null;
  return Object.defineProperty({ ...fields }, 'regex', {
    enumerable: true,
    get: () => {
      regex ??= phraseRegex(phrases);
      return regex;
    },
  }) as PackMatcher;
}

const cache = new WeakMap<readonly RulePack[], CompiledPacks>();

/** Compiles packs (memoised per array, so a stable settings object compiles once). */
export function compilePacks(packs: readonly RulePack[] | undefined): CompiledPacks {
  if (!packs || packs.length === 0) return EMPTY_PACKS;
  const hit = cache.get(packs);
  if (hit) return hit;
  const disabled = new Set<string>();
  const severity = new Map<string, Severity>();
  let allowlist: string[] | null = null;
  const knownFacts: string[] = [];
  const matchers: PackMatcher[] = [];
  const required: PackMatcher[] = [];
  const matcherPhrases: (readonly string[])[] = [];
  const requiredPhrases: (readonly string[])[] = [];
  for (const pack of packs) {
    for (const id of pack.disabled ?? []) disabled.add(id);
    for (const [id, level] of Object.entries(pack.severity ?? {})) {
      if (level === 'off') disabled.add(id);
      else severity.set(id, level);
    }
    if (pack.linkAllowlist) {
      allowlist ??= [];
      for (const host of pack.linkAllowlist) allowlist.push(host.toLowerCase().replace(/^\*\./, ''));
    }
    if (pack.knownFacts) knownFacts.push(...pack.knownFacts);
    for (const entry of pack.phrases ?? []) {
      const rule = `pack:${pack.id}/${entry.id}`;
      const base = { rule, severity: entry.severity ?? 'warning' };
      if (entry.kind === 'banned') {
        matchers.push(
          withPattern({ ...base, category: entry.category ?? 'custom', message: entry.message }, entry.phrases),
        );
        matcherPhrases.push(entry.phrases);
      } else if (entry.kind === 'substitution') {
        const message = entry.message ?? PACK_MESSAGES.substitution;
        matchers.push(
          withPattern({ ...base, category: 'custom', message, replacement: entry.replacement }, entry.phrases),
        );
        matcherPhrases.push(entry.phrases);
      } else {
        required.push(withPattern({ ...base, category: 'custom', message: entry.message }, entry.phrases));
        requiredPhrases.push(entry.phrases);
      }
    }
    for (const entry of pack.competitors ?? []) {
      matcherPhrases.push(entry.names);
      const rule = `pack:${pack.id}/${entry.id}`;
      const message = entry.message ?? PACK_MESSAGES.competitor;
      matchers.push(
        withPattern({ rule, category: 'custom', severity: entry.severity ?? 'warning', message }, entry.names),
      );
    }
  }
  const index = new PhraseIndex(matchers, matcherPhrases);
  const requiredIndex = new PhraseIndex(required, requiredPhrases);
  const compiled: CompiledPacks = {
    disabled,
    severity,
    linkAllowlist: allowlist,
    knownFacts,
    matchers,
    required,
    candidates: (text) => index.candidates(text),
    requiredCandidates: (text) => requiredIndex.candidates(text),
  };
  cache.set(packs, compiled);
  return compiled;
}
