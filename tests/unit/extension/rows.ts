import type { OverrideRow } from '@/lib/db/schema';

/** A valid override row for tests, with a unique id. */
let counter = 0;
export function row(partial: Partial<OverrideRow> = {}): OverrideRow {
  counter += 1;
  return {
    id: `row-${counter}`,
    shownAt: 1_000,
    decidedAt: 2_000 + counter,
    helpdesk: 'zendesk',
    ticketHash: 'abc',
    agent: '',
    outcome: 'accepted',
    shape: 'draft-in-composer',
    reason: null,
    note: null,
    similarity: 1,
    editSize: 0,
    findings: [],
    customer: null,
    privacy: 'redacted',
    suggestionText: null,
    sentText: null,
    ...partial,
  };
}
