import { detectLanguage } from '../language/detect';
import { type Token, tokenize } from '../nlp/tokenize';
import type { CustomerSignals, EscalationCue, EscalationKind, SarcasmCue } from '../types';
import { COMPLAINT_RE } from './complaint';
import { escalationCues, escalationFromCues } from './escalation';
import { Features } from './features';
import { type LexiconScore, lexiconScore } from './lexicon-score';
import { combineCueStrengths, sarcasmCues } from './sarcasm';
import { TROUBLE_RE } from './sarcasm-cues';
import { sarcasmFeatures, sarcasmModelScore, sarcasmSurface } from './sarcasm-score';
import { type SentimentProbabilities, sentimentFromProbabilities, sentimentProbabilities } from './sentiment';

/**
 * Hostile input is normal: a 1 MB paste must not freeze the helpdesk tab. Only the last
 * MAX_MESSAGE_CHARS of a message are read (the end of a long message is what the customer
 * is saying now), and only the last MAX_CONTEXT messages count as context.
 */
const MAX_MESSAGE_CHARS = 4000;
const MAX_CONTEXT = 5;
/** Earlier messages that colour how the latest one reads (sentiment blend, earlier trouble and anger). */
const SENTIMENT_CONTEXT = 3;
/** Earlier messages read as negative at least this many times make the conversation angry. */
const ANGRY_MESSAGES = 2;
/** Weight of the earlier messages in the reported sentiment. */
const CONTEXT_WEIGHT = 0.2;
/** Escalations that read as anger (asking for a human on its own does not). */
const THREAT_KINDS: ReadonlySet<EscalationKind> = new Set([
  'manager',
  'cancel',
  'legal',
  'chargeback',
  'regulator',
  'public',
]);
/** Share of the neutral and positive mass a threat moves to negative. */
const THREAT_PULL = 0.5;
/** Share of the neutral mass a flatly stated complaint moves to negative (complaint.ts). */
const COMPLAINT_PULL = 0.5;
/** At or above this sarcasm score the message is called sarcastic. */
const SARCASM_LIKELY = 0.5;

interface ReadMessage {
  /** Offset of `text` inside the original message (non-zero when the message was cut). */
  offset: number;
  text: string;
  tokens: Token[];
  lex: LexiconScore;
}

function read(message: string): ReadMessage {
  let offset = 0;
  if (message.length > MAX_MESSAGE_CHARS) {
    offset = message.length - MAX_MESSAGE_CHARS;
    // Do not start on the low half of a surrogate pair.
    const code = message.charCodeAt(offset);
    if (code >= 0xdc00 && code <= 0xdfff) offset++;
  }
  const text = offset === 0 ? message : message.slice(offset);
  const tokens = tokenize(text);
  return { offset, text, tokens, lex: lexiconScore(tokens) };
}

function shift<T extends SarcasmCue | EscalationCue>(cue: T, offset: number): T {
  return offset === 0 ? cue : { ...cue, start: cue.start + offset, end: cue.end + offset };
}

/** Feature buffers reused message after message (each is scored as soon as it is filled). */
const scratch = new Features();

/** The last conversation read and its result: the composer re-analyses on every keystroke, the customer side rarely changes. */
let memo: { messages: string[]; result: CustomerSignals } | null = null;

function sameMessages(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Reads the latest customer message in the context of the earlier ones: its sentiment
 * (pulled towards negative when it is sarcastic), sarcasm with the spans that make it so,
 * and escalation intent anywhere in the recent conversation. `null` when there is none.
 *
 * Asking twice about the same messages returns the same (shared) object: treat it as read-only.
 */
export function analyzeCustomer(messages: readonly string[]): CustomerSignals | null {
  if (messages.length === 0) return null;
  if (memo && sameMessages(memo.messages, messages)) return memo.result;
  const result = readConversation(messages);
  memo = { messages: [...messages], result };
  return result;
}

function readConversation(messages: readonly string[]): CustomerSignals {
  const lastIndex = messages.length - 1;
  const latest = read(messages[lastIndex] ?? '');
  let guess = detectLanguage(latest.text);
  // A short latest message ("Friday works.") says little; the recent conversation says more.
  if (!guess.confident && lastIndex > 0) {
    const recent = detectLanguage(
      messages
        .slice(Math.max(0, lastIndex - 2))
        .join('\n')
        .slice(-MAX_MESSAGE_CHARS),
    );
    if (recent.confident) guess = recent;
  }
  // A weak guess still picks the sentiment model (romanised Hindi is rarely certain), but only a
  // confident one is reported, since the reply rules compare it with the reply's language.
  const language = guess.language;
  /** The sarcasm cues and model read English only; another language gets none of them. */
  const english = language === 'en' || language === 'und';
  let probs: SentimentProbabilities = sentimentProbabilities(latest.tokens, latest.lex, language, scratch);
  const ownProbs = probs;

  let contextTrouble = false;
  let angryMessages = 0;
  const earlier: SentimentProbabilities[] = [];
  for (let i = lastIndex - 1; i >= 0 && i >= lastIndex - SENTIMENT_CONTEXT; i--) {
    const m = read(messages[i] ?? '');
    const p = sentimentProbabilities(m.tokens, m.lex, detectLanguage(m.text).language, scratch);
    earlier.push(p);
    if (p.negative > 0.5 || m.lex.compound < -0.3 || TROUBLE_RE.test(m.text)) contextTrouble = true;
    if (p.negative > 0.5) angryMessages++;
  }
  if (earlier.length > 0) {
    const mean = (k: keyof SentimentProbabilities) => earlier.reduce((s, p) => s + p[k], 0) / earlier.length;
    probs = {
      negative: (1 - CONTEXT_WEIGHT) * probs.negative + CONTEXT_WEIGHT * mean('negative'),
      neutral: (1 - CONTEXT_WEIGHT) * probs.neutral + CONTEXT_WEIGHT * mean('neutral'),
      positive: (1 - CONTEXT_WEIGHT) * probs.positive + CONTEXT_WEIGHT * mean('positive'),
    };
  }

  const escalation: EscalationCue[] = [];
  for (let i = Math.max(0, lastIndex - MAX_CONTEXT + 1); i <= lastIndex; i++) {
    const m = i === lastIndex ? latest : read(messages[i] ?? '');
    for (const cue of escalationCues(m.text, i)) escalation.push(shift(cue, m.offset));
  }

  // "My order never arrived": no sentiment word, but not a neutral report either.
  if (english && COMPLAINT_RE.test(latest.text)) {
    const moved = probs.neutral * COMPLAINT_PULL;
    probs = { negative: probs.negative + moved, neutral: probs.neutral - moved, positive: probs.positive };
  }

  // A threat to leave, sue or go public is not said in a neutral mood, whatever the words.
  if (escalation.some((c) => c.message === lastIndex && THREAT_KINDS.has(c.kind))) {
    const moved = (probs.neutral + probs.positive) * THREAT_PULL;
    probs = {
      negative: probs.negative + moved,
      neutral: probs.neutral * (1 - THREAT_PULL),
      positive: probs.positive * (1 - THREAT_PULL),
    };
  }

  const scored = english
    ? sarcasmCues({
        text: latest.text,
        tokens: latest.tokens,
        lex: latest.lex,
        messageIndex: lastIndex,
        contextTrouble,
        contextAnger: angryMessages >= ANGRY_MESSAGES,
      })
    : [];
  const cueScore = combineCueStrengths(scored);
  const modelScore =
    english && sarcasmSurface(latest.lex)
      ? sarcasmModelScore(sarcasmFeatures(latest.tokens, latest.lex, ownProbs, undefined, scratch))
      : 0;
  const sarcasmScore = 1 - (1 - cueScore) * (1 - modelScore);
  const sarcastic = sarcasmScore >= SARCASM_LIKELY;
  if (sarcastic) {
    // A sarcastic compliment is not positive: move that share of the positive mass to negative.
    // Sarcasm about trouble ("Thanks for nothing. The refund never arrived.") is not a neutral
    // report either: the customer is upset, so the same share of the neutral mass moves too.
    const aboutTrouble = contextTrouble || TROUBLE_RE.test(latest.text);
    const fromPositive = probs.positive * sarcasmScore;
    const fromNeutral = aboutTrouble ? probs.neutral * sarcasmScore : 0;
    probs = {
      negative: probs.negative + fromPositive + fromNeutral,
      neutral: probs.neutral - fromNeutral,
      positive: probs.positive - fromPositive,
    };
  }

  return {
    language: guess.confident ? language : 'und',
    sentiment: sentimentFromProbabilities(probs),
    sarcasm: {
      likely: sarcastic,
      score: Math.round(sarcasmScore * 1000) / 1000,
      cues: scored.map(({ strength: _strength, ...cue }) => shift(cue, latest.offset)),
    },
    escalation: escalationFromCues(escalation),
  };
}
