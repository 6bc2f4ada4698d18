/**
 * The one module that imports compromise. We use `compromise/one` (tokenizer only, about
 * 32 KB gzip) rather than the full build (about 144 KB gzip, with a slow part-of-speech
 * tagger) because the content script's budget cannot carry the full build.
 *
 * Why compromise at all when `tokenize.ts` exists: compromise splits sentences correctly
 * around abbreviations ("e.g.", "Mr.", "U.S."), ellipses and quotes, and it expands
 * contractions ("won't" → "will not", "I'll" → "I will"). That is what escalation needs to
 * tell "I will cancel" from "I won't cancel". It costs about 0.1 ms per short message, too
 * slow to run on every message on the hot path, so callers run it only on the messages where
 * an escalation pattern has already matched (see signals/escalation.ts).
 *
 * Never patch compromise's prototypes or add words to its global lexicon from here.
 */
import nlp from 'compromise/one';

/** A sentence span with the expanded words it contains, in order. */
export interface Sentence {
  start: number;
  end: number;
  /**
   * Each word as compromise reads it, contractions expanded ("won't" gives "will", "not").
   * `pause` is set when a comma, semicolon, colon or dash follows the word: a clause ends there.
   */
  words: { norm: string; start: number; end: number; pause: boolean }[];
}

interface JsonTerm {
  normal?: string;
  implicit?: string | null;
  post?: string;
  offset?: { start: number; length: number };
}

interface JsonSentence {
  offset?: { start: number; length: number };
  terms?: JsonTerm[];
}

/** Splits text into sentences with contraction-expanded words and UTF-16 offsets. */
export function splitSentences(text: string): Sentence[] {
  if (text.trim() === '') return [];
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as JsonSentence[];
  const out: Sentence[] = [];
  for (const s of json) {
    if (!s.offset) continue;
    const words: Sentence['words'] = [];
    for (const term of s.terms ?? []) {
      const start = term.offset?.start ?? s.offset.start;
      const end = start + (term.offset?.length ?? 0);
      const norm = (term.implicit || term.normal || '').toLowerCase();
      if (norm) words.push({ norm, start, end, pause: /[,;:—–]/.test(term.post ?? '') });
    }
    out.push({ start: s.offset.start, end: s.offset.start + s.offset.length, words });
  }
  return out;
}
