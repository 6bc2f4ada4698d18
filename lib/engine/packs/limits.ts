/**
 * How big a rule pack may be (issue 14). Without limits a pack of 20,000 phrases of 200
 * characters took 76 s and 3.2 GB for the first check, and validating 3,000 entries took over
 * five minutes. A team's policy fits easily within these; a pack that does not is refused with a
 * message naming the entry and the limit, before any of it is compiled or applied.
 *
 * A pack at every limit at once keeps a keystroke → highlight update within budget in Chromium
 * (`npm run bench:page`, the max-size-pack row) because phrases are looked up by word
 * (lib/engine/packs/apply.ts), not tried one by one.
 */
export const PACK_LIMITS = {
  /** Phrase entries and competitor entries together. */
  entries: 1_000,
  /** Phrases of one entry, or names of one competitor entry. */
  phrasesPerEntry: 50,
  /** Phrases and competitor names in the whole pack. */
  phrases: 5_000,
  /** One phrase or name, after trimming. */
  phraseChars: 200,
  /** Texts an entry must flag, and texts it must pass (each list). */
  examplesPerList: 20,
  /** One example text. */
  exampleChars: 500,
  /** A message, note, source, replacement, pack name or description. */
  textChars: 1_000,
  /** Known facts (plans, prices, policy numbers) the grounding rules count as supported. */
  facts: 200,
  /** One known fact. */
  factChars: 300,
  /** Hosts in the link allowlist. */
  hosts: 500,
  /** Rule ids in `severity`, and in `disabled`. */
  ruleRefs: 500,
  /** The whole pack, as JSON text. */
  packChars: 1_000_000,
  /** Packs in force at once (settings and policy). */
  packs: 20,
} as const;

/** A number as the messages write it ("1,000"). */
export const formatCount = (n: number): string => n.toLocaleString('en');
