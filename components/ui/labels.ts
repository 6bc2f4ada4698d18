import type { OverrideReason } from '@/lib/db/schema';

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
