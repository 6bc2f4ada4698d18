import { splitSentences } from '../nlp/sentences';
import { tokenize } from '../nlp/tokenize';
import type { Escalation, EscalationCue, EscalationKind } from '../types';
import { ESCALATION_KINDS } from '../types';
import { ESCALATION_PATTERNS } from './escalation-patterns';

/**
 * Finds escalation intent: asking for a human or a manager, or threatening to cancel, sue,
 * charge back, report to a regulator or go public. A threat made earlier in the conversation
 * still stands in the latest message, so earlier messages count too.
 */

/** Words that cancel a threat when they govern it: "I don't want to cancel", "no need for a manager". */
const NEGATORS = new Set(['not', 'no', 'never', "n't"]);
/** "I can't reach a human" is still a request for one, so "can not" does not negate. */
const MODAL_NEGATION_OK = new Set(['can', 'could', 'ca']);
/** "I don't know how to reach an agent" is still a request. */
const NEGATION_BREAKERS = new Set(['know', 'understand', 'find', 'see', 'get', 'manage', 'seem', 'hesitate']);
/**
 * Words that open a new clause, so a negator before them governs something else: in "if this
 * isn't fixed I will cancel" the "not" belongs to "fixed" and the threat stands. Subject
 * pronouns start the main clause after a fronted condition; conjunctions start a clause.
 */
const CLAUSE_OPENERS = new Set([
  'i',
  'we',
  'if',
  'unless',
  'until',
  'otherwise',
  'or',
  'and',
  'then',
  'because',
  'so',
  'when',
  'once',
]);
/** Stands for a clause-ending comma, semicolon, colon or dash in a list of words. */
const PAUSE = ',';
const NEGATION_WINDOW = 4;
/** Apostrophe-less contractions the hand tokenizer expands like compromise does. */
const NEGATOR_WORDS = new Set([
  'dont',
  'doesnt',
  'didnt',
  'wont',
  'wouldnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'shouldnt',
]);

/** How far back from a match to look for its sentence: enough for "I really do not want to". */
const LOOKBEHIND_CHARS = 160;
/** Every spelling compromise expands to a negator: not, no, never, cannot, n't, and "dont"-style forms. */
const NEGATOR_SPELLING_RE = /n['’]?t\b|not\b|\bno\b|\bnever\b/i;
/** A message repeating a threat a hundred times says nothing new after the first few. */
const MAX_CUES_PER_MESSAGE = 20;

/**
 * compromise costs a fraction of a millisecond per call (and more on its first); a hostile
 * message can hold hundreds of matches. Past this many checks per message, the hand
 * tokenizer's reading of the same window is used instead.
 */
const MAX_COMPROMISE_CHECKS = 4;

/** The words before the match in its sentence, contractions expanded, by compromise. */
function wordsBeforeWithCompromise(window: string, at: number): string[] {
  const sentence = splitSentences(window).find((s) => at >= s.start && at < s.end + 1);
  if (!sentence) return [];
  const words: string[] = [];
  for (const w of sentence.words) {
    if (w.end > at) break;
    words.push(w.norm);
    if (w.pause) words.push(PAUSE);
  }
  return words;
}

/** The same reading with the hand tokenizer: cut at the last sentence end, expand "n't". */
function wordsBeforeWithTokenizer(window: string, at: number): string[] {
  const words: string[] = [];
  for (const t of tokenize(window.slice(0, at))) {
    if (t.kind === 'punct' && /[.!?]/.test(t.text)) words.length = 0;
    else if (t.kind === 'punct' && /[,;:—–]/.test(t.text)) words.push(PAUSE);
    if (t.kind !== 'word') continue;
    if (t.norm === 'cannot' || t.norm === "can't" || t.norm === 'cant') words.push('can', 'not');
    else if (t.norm.endsWith("n't")) words.push(t.norm.slice(0, -3), 'not');
    else if (NEGATOR_WORDS.has(t.norm)) words.push('do', 'not');
    else words.push(t.norm);
  }
  return words;
}

/**
 * Whether a negator governs the match: "I don't want to cancel", but not "I can't reach an
 * agent", and not a negator in an earlier clause ("if this isn't fixed, I'll cancel").
 */
function isGoverned(before: readonly string[]): boolean {
  let clauseStart = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i] as string;
    if (w === PAUSE || CLAUSE_OPENERS.has(w)) {
      clauseStart = w === PAUSE ? i + 1 : i;
      break;
    }
  }
  const window = before.slice(Math.max(clauseStart, before.length - NEGATION_WINDOW));
  const index = window.findIndex((w) => NEGATORS.has(w));
  if (index < 0) return false;
  const previous = before[before.length - window.length + index - 1];
  if (previous && MODAL_NEGATION_OK.has(previous)) return false;
  return !window.slice(index + 1).some((w) => NEGATION_BREAKERS.has(w));
}

/**
 * Whether the match starts with its own subject ("I'm cancelling", "we'll be cancelling"): then
 * nothing before it can govern it, as in "if this isn't fixed by Friday I'm cancelling".
 */
function opensClause(match: string): boolean {
  const first = /^[\p{L}]+/u.exec(match);
  return first !== null && CLAUSE_OPENERS.has(first[0].toLowerCase());
}

/** Escalation cues of one message; `messageIndex` is stamped onto the cues. */
export function escalationCues(text: string, messageIndex: number): EscalationCue[] {
  const cues: EscalationCue[] = [];
  let compromiseChecks = 0;
  const isNegated = (start: number, end: number): boolean => {
    const from = Math.max(0, start - LOOKBEHIND_CHARS);
    // No negator spelled before the match: nothing to find, skip the work.
    if (!NEGATOR_SPELLING_RE.test(text.slice(from, start))) return false;
    const window = text.slice(from, end);
    const before =
      compromiseChecks++ < MAX_COMPROMISE_CHECKS
        ? wordsBeforeWithCompromise(window, start - from)
        : wordsBeforeWithTokenizer(window, start - from);
    return isGoverned(before);
  };
  for (const { kind, pattern } of ESCALATION_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (cues.some((c) => c.kind === kind && c.start < end && start < c.end)) continue;
      if (!opensClause(m[0]) && isNegated(start, end)) continue;
      cues.push({ message: messageIndex, start, end, text: m[0], kind });
      if (cues.length >= MAX_CUES_PER_MESSAGE) return cues.sort((a, b) => a.start - b.start);
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** Combines cues from the conversation into the contract shape, kinds in their canonical order. */
export function escalationFromCues(cues: EscalationCue[]): Escalation {
  const present = new Set<EscalationKind>(cues.map((c) => c.kind));
  const kinds = ESCALATION_KINDS.filter((k) => present.has(k));
  return { likely: kinds.length > 0, kinds, cues };
}
