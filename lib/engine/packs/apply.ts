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
}

export const EMPTY_PACKS: CompiledPacks = {
  disabled: new Set(),
  severity: new Map(),
  linkAllowlist: null,
  knownFacts: [],
  matchers: [],
  required: [],
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Literal phrases to one case-insensitive, whole-word, whitespace-tolerant pattern. */
export function phraseRegex(phrases: readonly string[]): RegExp {
  const parts = phrases
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegex(p).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${parts.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
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
      const base = { rule, severity: entry.severity ?? 'warning', regex: phraseRegex(entry.phrases) };
      if (entry.kind === 'banned') {
        matchers.push({ ...base, category: entry.category ?? 'custom', message: entry.message });
      } else if (entry.kind === 'substitution') {
        matchers.push({
          ...base,
          category: 'custom',
          message: entry.message ?? PACK_MESSAGES.substitution,
          replacement: entry.replacement,
        });
      } else {
        required.push({ ...base, category: 'custom', message: entry.message });
      }
    }
    for (const entry of pack.competitors ?? []) {
      matchers.push({
        rule: `pack:${pack.id}/${entry.id}`,
        category: 'custom',
        severity: entry.severity ?? 'warning',
        regex: phraseRegex(entry.names),
        message: entry.message ?? PACK_MESSAGES.competitor,
      });
    }
  }
  const compiled: CompiledPacks = { disabled, severity, linkAllowlist: allowlist, knownFacts, matchers, required };
  cache.set(packs, compiled);
  return compiled;
}
