import type { Outcome, SuggestionSource } from '@/lib/db/schema';
import type { BreakdownDimension } from '@/lib/stats/aggregate';
import type { MoverDimension } from '@/lib/stats/monitor';
import type { PeriodPreset } from './store';

/** Words shown on the dashboard, kept as data so wording changes in one place. */
export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  '7d': 'Last 7 days',
  '28d': 'Last 28 days',
  '90d': 'Last 90 days',
  all: 'All time',
};

export { PERIOD_DAYS } from '@/lib/stats/period';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  accepted: 'Sent as suggested',
  edited: 'Edited',
  rejected: 'Rejected',
  escalated: 'Escalated',
};

/** How a suggestion reached the composer, in a lead's words. */
export const SOURCE_LABELS: Record<SuggestionSource, string> = {
  'ai-control': 'AI button',
  paste: 'Pasted',
  insert: 'Inserted by the page',
  macro: 'Macro',
};

export { REASON_LABELS } from '@/components/ui/labels';

export const BREAKDOWN_LABELS: Record<BreakdownDimension, string> = {
  helpdesk: 'Helpdesk',
  agent: 'Agent',
  source: 'Source',
  category: 'Finding category',
  reason: 'Reason',
  sentiment: 'Customer sentiment',
  sarcasm: 'Sarcasm',
};

export const MOVER_LABELS: Record<MoverDimension, string> = {
  rule: 'Rule',
  category: 'Category',
  reason: 'Reason',
  helpdesk: 'Helpdesk',
  sentiment: 'Customers',
  sarcasm: 'Customers',
};

export const EMPTY_TEXT = {
  noData:
    'No decisions recorded yet. Open a ticket in your helpdesk, use the AI-suggested reply and send, edit or discard it: each decision appears here. To review a team, import the exports your agents sent you.',
  noMatch: 'No events match these filters in this period. Clear the filters or choose a longer period.',
  driftNotReady: (needed: number, blockSize: number) =>
    `Drift monitoring starts after ${needed} observations (blocks of ${blockSize} suggestions); there are not enough yet.`,
  noAlarms: 'No drift: the override rate and every category’s finding rate are within their baseline.',
  noRules: 'No rule fired in this period.',
} as const;
