import { NEGATORS } from '../nlp/modifiers';
import type { Token } from '../nlp/tokenize';
import type { SarcasmCue, SarcasmCueKind } from '../types';
import type { LexiconScore } from './lexicon-score';
import {
  CLAIM_WORDS,
  CONDITIONAL_WORDS,
  RESOLVED_RE,
  SARCASM_EMOJI,
  SARCASM_HASHTAGS,
  SARCASM_PHRASES,
  TROUBLE_RE,
} from './sarcasm-cues';

/**
 * Sarcasm cues in one message, each with its span and how strongly it reads as sarcastic.
 * The cues explain; their strengths are combined with the fitted model's probability in
 * index.ts.
 */
export interface ScoredCue extends SarcasmCue {
  strength: number;
}

/** What the message around the cues says, computed once by the caller. */
export interface SarcasmInput {
  text: string;
  tokens: readonly Token[];
  lex: LexiconScore;
  messageIndex: number;
  /** An earlier customer message described trouble: praise now may be about it. */
  contextTrouble: boolean;
  /**
   * At least two of the earlier messages were angry: a lone "great" now is far more likely sarcasm
   * than a change of heart. @default false
   */
  contextAnger?: boolean;
}

/** Praise words that flip when said about trouble. */
const PRAISE_MIN_VALENCE = 1.5;
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’' };
const SCARE_QUOTE_RE = /(^|[\s(])(["“'‘])([^"“”'‘’\n]{2,40}?)(["”'’])(?=$|[\s.,!?;:)])/g;
const QUOTE_OWNERS = new Set(['your', 'their', 'this', 'so-called', 'called', 'his', 'her', 'its', 'our', 'such']);

interface SentenceRange {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

function sentenceRanges(text: string, tokens: readonly Token[]): SentenceRange[] {
  const out: SentenceRange[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const endsHere =
      (t.kind === 'punct' && /[.!?]/.test(t.text)) ||
      (next !== undefined && text.slice(t.end, next.start).includes('\n'));
    if (endsHere || i === tokens.length - 1) {
      const firstTok = tokens[first] as Token;
      out.push({ start: firstTok.start, end: t.end, firstToken: first, lastToken: i });
      first = i + 1;
    }
  }
  return out;
}

function push(cues: ScoredCue[], cue: ScoredCue): void {
  if (cues.some((c) => c.start < cue.end && cue.start < c.end)) return;
  cues.push(cue);
}

/** Extends a praise word over the punctuation right after it ("Great," as the agent sees it). */
function extendOverPunctuation(text: string, end: number): number {
  let e = end;
  while (e < text.length && e < end + 3 && /[,.!]/.test(text[e] as string)) e++;
  return e;
}

/** How many words before "fixed" a negator still governs it: "still has not been fixed". */
const RESOLVED_NEGATION_REACH = 4;

/**
 * Whether the message says its trouble is over, so praise in it is sincere. A mention of
 * "fixed" or "arrived" only counts when it is affirmed: not negated in its clause ("isn't
 * fixed", "never arrived") and not inside a conditional clause ("if this is not fixed",
 * "once it's sorted"). Reading every mention as a resolution let a threat such as "if this
 * isn't fixed today I'm cancelling" silence every sarcasm cue of the message.
 */
function isResolved(text: string, tokens: readonly Token[]): boolean {
  RESOLVED_RE.lastIndex = 0;
  let t = 0;
  for (let m = RESOLVED_RE.exec(text); m !== null; m = RESOLVED_RE.exec(text)) {
    while (t < tokens.length && (tokens[t] as Token).start < m.index) t++;
    if (affirmedAt(tokens, t)) return true;
  }
  return false;
}

/** Whether the words before token `at`, back to the clause start, neither negate nor suppose it. */
function affirmedAt(tokens: readonly Token[], at: number): boolean {
  let words = 0;
  for (let i = at - 1; i >= 0; i--) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && /[.!?;,:]/.test(t.text)) return true;
    if (t.kind !== 'word') continue;
    words++;
    if (CONDITIONAL_WORDS.has(t.norm)) return false;
    if (words <= RESOLVED_NEGATION_REACH && NEGATORS.has(t.norm)) return false;
  }
  return true;
}

/** Finds the cues; linear in the message length. */
export function sarcasmCues(input: SarcasmInput): ScoredCue[] {
  const { text, tokens, lex, messageIndex } = input;
  const cues: ScoredCue[] = [];
  const make = (start: number, end: number, kind: SarcasmCueKind, strength: number): ScoredCue => ({
    message: messageIndex,
    start,
    end,
    text: text.slice(start, end),
    kind,
    strength,
  });
  const trouble = lex.neg > 0 || TROUBLE_RE.test(text);
  const resolved = isResolved(text, tokens);

  for (const phrase of SARCASM_PHRASES) {
    if (phrase.needsTrouble && (!trouble || resolved)) continue;
    phrase.pattern.lastIndex = 0;
    for (let m = phrase.pattern.exec(text); m !== null; m = phrase.pattern.exec(text)) {
      if (m[0].length === 0) {
        phrase.pattern.lastIndex++;
        continue;
      }
      push(cues, make(m.index, m.index + m[0].length, phrase.kind, phrase.strength));
    }
  }

  for (const t of tokens) {
    if (t.kind === 'hashtag') {
      const s = SARCASM_HASHTAGS.get(t.norm);
      if (s !== undefined) push(cues, make(t.start, t.end, 'hashtag', s));
    } else if (t.kind === 'emoji') {
      const base = t.text.replace(/[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, '');
      const s = SARCASM_EMOJI.get(base);
      if (s !== undefined) push(cues, make(t.start, t.end, 'emoji', trouble && base === '👏' ? 0.7 : s));
    }
  }

  scareQuotes(text, tokens, make, cues);
  if (!resolved) praiseCues(text, tokens, lex, input.contextTrouble, input.contextAnger === true, make, cues);
  return cues.sort((a, b) => a.start - b.start);
}

function scareQuotes(
  text: string,
  tokens: readonly Token[],
  make: (s: number, e: number, k: SarcasmCueKind, st: number) => ScoredCue,
  cues: ScoredCue[],
): void {
  if (!/["“'‘]/.test(text)) return;
  SCARE_QUOTE_RE.lastIndex = 0;
  for (let m = SCARE_QUOTE_RE.exec(text); m !== null; m = SCARE_QUOTE_RE.exec(text)) {
    const open = m[2] as string;
    const close = m[4] as string;
    const inner = (m[3] as string).trim();
    if (QUOTE_PAIRS[open] !== close || inner === '') continue;
    const words = inner.split(/\s+/);
    if (words.length > 3) continue;
    const start = m.index + (m[1] as string).length;
    const end = m.index + m[0].length;
    const before = tokens.filter((t) => t.end <= start && t.kind === 'word').at(-1);
    const owned = before !== undefined && QUOTE_OWNERS.has(before.norm);
    const claim = CLAIM_WORDS.has(inner.toLowerCase());
    if (!owned && !claim) continue;
    push(cues, make(start, end, 'scare-quotes', owned && claim ? 0.8 : 0.6));
  }
}

function praiseCues(
  text: string,
  tokens: readonly Token[],
  lex: LexiconScore,
  contextTrouble: boolean,
  contextAnger: boolean,
  make: (s: number, e: number, k: SarcasmCueKind, st: number) => ScoredCue,
  cues: ScoredCue[],
): void {
  const praise = new Map<number, number>();
  for (const h of lex.hits) if (h.valence >= PRAISE_MIN_VALENCE && !h.negated) praise.set(h.index, h.valence);
  if (praise.size === 0) return;
  const sentences = sentenceRanges(text, tokens);
  for (let s = 0; s < sentences.length; s++) {
    const sent = sentences[s] as SentenceRange;
    const sentText = text.slice(sent.start, sent.end);
    let wordCount = 0;
    let firstPraise = -1;
    let contrast = false;
    let negativeHere = false;
    for (let i = sent.firstToken; i <= sent.lastToken; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'word') wordCount++;
      if (t.kind === 'word' && (t.norm === 'but' || t.norm === 'however' || t.norm === 'though')) contrast = true;
      if (praise.has(i) && firstPraise < 0 && t.kind === 'word') firstPraise = i;
    }
    for (const h of lex.hits)
      if (h.index >= sent.firstToken && h.index <= sent.lastToken && h.valence < 0) negativeHere = true;
    if (firstPraise < 0) continue;
    const word = tokens[firstPraise] as Token;
    // "Fantastic. Fourth broken unit." — a short burst of praise, then the failure.
    const next = sentences[s + 1];
    if (wordCount <= 3 && !negativeHere && next) {
      const nextText = text.slice(next.start, next.end);
      const nextNegative = lex.hits.some(
        (h) => h.index >= next.firstToken && h.index <= next.lastToken && h.valence < 0,
      );
      if (nextNegative || TROUBLE_RE.test(nextText)) {
        push(cues, make(word.start, extendOverPunctuation(text, word.end), 'praise-then-failure', 0.75));
        continue;
      }
    }
    // "Three hours of sleep. So excited!" — the trouble first, then a short burst of praise.
    const previous = sentences[s - 1];
    if (wordCount <= 4 && !negativeHere && previous && TROUBLE_RE.test(text.slice(previous.start, previous.end))) {
      push(cues, make(word.start, extendOverPunctuation(text, word.end), 'positive-word-negative-situation', 0.6));
      continue;
    }
    // "I love waiting on hold for two hours" — praise about trouble in the same sentence.
    if (contrast) continue;
    const troubleHere = negativeHere || TROUBLE_RE.test(sentText.slice(word.end - sent.start));
    if (troubleHere) {
      const loveVerb = /^(?:love|loved|loving|adore|enjoy|enjoyed|enjoying)$/.test(word.norm);
      const afterWord = tokens[firstPraise + 1];
      const gerund = afterWord !== undefined && /(?:ing|when|how|it)$/.test(afterWord.norm);
      const strength = loveVerb && gerund ? 0.8 : 0.6;
      push(cues, make(word.start, extendOverPunctuation(text, word.end), 'positive-word-negative-situation', strength));
    } else if (contextTrouble && wordCount <= 4) {
      // Short praise right after the customer described trouble: weak on its own, strong after
      // several angry messages ("great" as the fourth message of a complaint).
      const strength = contextAnger ? 0.65 : 0.35;
      push(cues, make(word.start, extendOverPunctuation(text, word.end), 'positive-word-negative-situation', strength));
    }
  }
}

/** Noisy-OR of cue strengths: each cue is independent evidence. */
export function combineCueStrengths(cues: readonly ScoredCue[]): number {
  let notSarcastic = 1;
  for (const c of cues) notSarcastic *= 1 - c.strength;
  return 1 - notSarcastic;
}
