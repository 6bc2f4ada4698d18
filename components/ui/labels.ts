import type { OverrideReason } from '@/lib/db/schema';
import type { Category } from '@/lib/engine/types';

/** Override reasons as agents see them (reason prompt) and team leads read them (dashboard). */
export const REASON_LABELS: Record<OverrideReason, string> = {
  'wrong-facts': 'Wrong facts',
  tone: 'Tone',
  policy: 'Policy',
  privacy: 'Privacy',
  'needs-human': 'Needs a human',
  'false-alarm': 'False alarm',
  other: 'Other',
};

/** Finding categories as agents (findings panel) and admins (rule table) read them. */
export const CATEGORY_LABELS: Record<Category, string> = {
  privacy: 'Privacy',
  commitment: 'Commitment',
  tone: 'Tone',
  empathy: 'Empathy',
  escalation: 'Escalation',
  repetition: 'Repetition',
  disclosure: 'AI disclosure',
  placeholder: 'Placeholder',
  compliance: 'Compliance',
  accuracy: 'Accuracy',
  link: 'Link',
  bias: 'Bias',
  custom: 'Team rule',
};
