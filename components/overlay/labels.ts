import type { EscalationKind, SarcasmCueKind, SentimentLabel } from '@/lib/engine/types';

/** Words the overlay shows; kept together so wording is reviewed in one place. */
export const SENTIMENT_LABEL: Record<SentimentLabel, string> = {
  negative: 'Upset',
  neutral: 'Neutral',
  positive: 'Positive',
};

export const ESCALATION_LABEL: Record<EscalationKind, string> = {
  human: 'wants a human',
  manager: 'wants a manager',
  cancel: 'threatens to cancel',
  legal: 'mentions legal action',
  chargeback: 'mentions a chargeback',
  regulator: 'mentions a regulator',
  public: 'threatens a public review',
};

export const CUE_LABEL: Record<SarcasmCueKind, string> = {
  'positive-word-negative-situation': 'praise for a bad situation',
  interjection: 'sarcastic interjection',
  'thanks-sting': 'thanks with a sting',
  'scare-quotes': 'scare quotes',
  'praise-then-failure': 'praise, then a failure',
  emoji: 'eye-roll emoji',
  hashtag: 'sarcasm hashtag',
  exaggeration: 'exaggeration',
};

/** Shared with the dashboard and the options page. */
export { CATEGORY_LABELS as CATEGORY_LABEL, REASON_LABELS as REASON_LABEL } from '@/components/ui/labels';

export const OUTCOME_QUESTION: Record<'edited' | 'rejected' | 'escalated', string> = {
  edited: 'You edited the AI suggestion. Why?',
  rejected: 'You did not use the AI suggestion. Why?',
  escalated: 'You escalated instead of using the AI suggestion. Why?',
};

/** Language names for the coverage note, by ISO 639-1 code; others show their code. */
export { LANGUAGE_NAMES as LANGUAGE_LABEL } from '@/lib/engine/language/names';
