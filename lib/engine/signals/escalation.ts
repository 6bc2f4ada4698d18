import { type Sentence, splitSentences } from '../nlp/sentences';
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
const NEGATION_BREAKERS = new Set(['know', 'understand', 'find', 'see', 'get', 'manage', 'seem']);
const NEGATION_WINDOW = 4;

function isNegated(sentences: readonly Sentence[], start: number): boolean {
  const sentence = sentences.find((s) => start >= s.start && start < s.end + 1);
  if (!sentence) return false;
  const before = sentence.words.filter((w) => w.end <= start);
  const window = before.slice(-NEGATION_WINDOW);
  const at = window.findIndex((w) => NEGATORS.has(w.norm));
  if (at < 0) return false;
  const negatorIndex = before.length - window.length + at;
  const previous = before[negatorIndex - 1]?.norm;
  if (previous && MODAL_NEGATION_OK.has(previous)) return false;
  return !window.slice(at + 1).some((w) => NEGATION_BREAKERS.has(w.norm));
}

/** Escalation cues of one message; `messageIndex` is stamped onto the cues. */
export function escalationCues(text: string, messageIndex: number): EscalationCue[] {
  const cues: EscalationCue[] = [];
  let sentences: Sentence[] | null = null;
  for (const { kind, pattern } of ESCALATION_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      sentences ??= splitSentences(text);
      if (isNegated(sentences, m.index)) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (cues.some((c) => c.kind === kind && c.start < end && start < c.end)) continue;
      cues.push({ message: messageIndex, start, end, text: m[0], kind });
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
