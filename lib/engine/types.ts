/**
 * The engine's public shapes. These mirror the contracts in DESIGN.md ("Risk categories",
 * "Analysis CLI"): the CLI, the overlay, the override log and the dashboard all rely on them,
 * so change them only together with every consumer.
 */

/** Where a finding belongs. Closed set: the dashboard groups and the options page filter by it. */
export type Category =
  | 'privacy'
  | 'commitment'
  | 'tone'
  | 'empathy'
  | 'escalation'
  | 'repetition'
  | 'disclosure'
  | 'placeholder'
  | 'compliance'
  | 'accuracy'
  | 'link'
  | 'bias'
  | 'custom';

export const CATEGORIES: readonly Category[] = [
  'privacy',
  'commitment',
  'tone',
  'empathy',
  'escalation',
  'repetition',
  'disclosure',
  'placeholder',
  'compliance',
  'accuracy',
  'link',
  'bias',
  'custom',
];

/** `info` is a hint and never counts as an alarm; the send-guard acts on `critical`. */
export type Severity = 'info' | 'warning' | 'critical';

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'critical'];

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  label: SentimentLabel;
  /** In [-1, 1]; negative below zero. */
  score: number;
}

/** Why a span reads as sarcastic. */
export type SarcasmCueKind =
  | 'positive-word-negative-situation'
  | 'interjection'
  | 'thanks-sting'
  | 'scare-quotes'
  | 'praise-then-failure'
  | 'emoji'
  | 'hashtag'
  | 'exaggeration';

export interface SarcasmCue {
  /** Index into the customer messages given (oldest first). */
  message: number;
  /** UTF-16 offsets into that message. */
  start: number;
  end: number;
  text: string;
  kind: SarcasmCueKind;
}

export interface Sarcasm {
  likely: boolean;
  /** In [0, 1]. */
  score: number;
  cues: SarcasmCue[];
}

export type EscalationKind = 'human' | 'manager' | 'cancel' | 'legal' | 'chargeback' | 'regulator' | 'public';

export const ESCALATION_KINDS: readonly EscalationKind[] = [
  'human',
  'manager',
  'cancel',
  'legal',
  'chargeback',
  'regulator',
  'public',
];

/** The span that made the engine call a message an escalation; shown to the agent, not in the CLI contract. */
export interface EscalationCue {
  message: number;
  start: number;
  end: number;
  text: string;
  kind: EscalationKind;
}

export interface Escalation {
  likely: boolean;
  kinds: EscalationKind[];
  /** Evidence for `kinds`. Not part of the CLI output contract (the CLI omits it). */
  cues: EscalationCue[];
}

/** How the latest customer message reads, in the context of the earlier ones. */
export interface CustomerSignals {
  /**
   * The latest message's language (ISO 639-1, or `und`), so the reply rules can tell a reply in
   * another language and the panel can say what was read. Optional: older stored rows lack it.
   */
  language?: string;
  sentiment: Sentiment;
  sarcasm: Sarcasm;
  escalation: Escalation;
}

/** One risky span of the reply. Offsets are UTF-16 offsets into the reply text. */
export interface Finding {
  /** Rule id; equals the rule's file name. Pack rules are `pack:<pack id>/<entry id>`. */
  rule: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  text: string;
  message: string;
  /** Position-independent hash of (rule, normalised span text): survives edits elsewhere in the reply. */
  fingerprint: string;
}

/** A conversation as the engine sees it: plain text only. */
export interface TicketInput {
  /** Customer messages, oldest first. */
  customer: string[];
  /** Earlier agent replies, oldest first. */
  agent: string[];
  /** The AI-suggested reply (or the composer's current text) to check. */
  reply: string;
}

export interface TicketAnalysis {
  /** `null` when no customer message was given. */
  customer: CustomerSignals | null;
  findings: Finding[];
}
