import { describe, expect, it, vi } from 'vitest';
import { type LogEvent, overrideEvent, reasonEvent } from '@/lib/overrides/events';
import { makeOverrideRow } from '@/lib/overrides/make-row';
import { Outbox } from '@/lib/overrides/outbox';
import { positionalFingerprint } from '@/lib/overrides/privacy';
import { similarity } from '@/lib/overrides/similarity';
import { createTicketHasher } from '@/lib/overrides/ticket-hash';
import { SuggestionTracker } from '@/lib/overrides/tracker';
import { row } from '../../fixtures/rows';

const suggestion = {
  id: 's1',
  shape: 'draft-in-composer' as const,
  source: 'paste' as const,
  words: 6,
  text: 'Hi Ana,\n\nYour order ships today.',
  shownAt: 5,
};

describe('SuggestionTracker', () => {
  it.each([
    ['sent unchanged', 'Hi Ana,\n\nYour order ships today.', 'accepted'],
    ['sent with only white space changed', '  Hi Ana,  Your order\u200b ships today. ', 'accepted'],
    ['sent after an edit', 'Hi Ana, your order ships tomorrow morning instead.', 'edited'],
    ['replaced by the agent’s own reply', 'Please call our billing line, they can help with invoices.', 'rejected'],
  ])('classifies a suggestion %s', (_name, sent, outcome) => {
    const tracker = new SuggestionTracker();
    tracker.show(suggestion);
    expect(tracker.sent(sent, 10)?.outcome).toBe(outcome);
    expect(tracker.current).toBeNull();
  });

  it('decides nothing without a suggestion', () => {
    expect(new SuggestionTracker().sent('hello', 1)).toBeNull();
  });

  it('calls a discarded suggestion rejected', () => {
    const tracker = new SuggestionTracker();
    tracker.show(suggestion);
    expect(tracker.discarded(9)).toMatchObject({ outcome: 'rejected', sentText: null, decidedAt: 9 });
  });
});

describe('similarity', () => {
  it('is 1 for equal texts and falls with the size of the edit', () => {
    const base = 'We are sorry for the delay, your parcel left our warehouse this morning.';
    expect(similarity(base, base)).toBe(1);
    const small = similarity(base, base.replace('this morning', 'today'));
    const large = similarity(base, 'Thanks for waiting.');
    expect(small).toBeGreaterThan(0.8);
    expect(large).toBeLessThan(0.4);
  });
});

describe('makeOverrideRow', () => {
  const decision = {
    suggestion,
    outcome: 'edited' as const,
    similarity: 0.7,
    editSize: 12,
    sentText: 'Mail me at ana@example.com',
    decidedAt: 9,
  };
  const context = {
    helpdesk: 'zendesk',
    ticketId: '1001',
    customer: null,
    findings: [
      {
        rule: 'pii-email',
        category: 'privacy' as const,
        severity: 'critical' as const,
        start: 0,
        end: 1,
        text: 'x',
        message: 'm',
        fingerprint: 'f1',
      },
    ],
    dismissed: new Set(['f1']),
  };
  const options = { agent: 'sam', ticketHash: 'h', redact: (t: string) => t.replace(/\S+@\S+/g, '[EMAIL]') };

  it('keeps text as the privacy mode allows', () => {
    expect(makeOverrideRow(decision, context, { ...options, privacy: 'full' }).sentText).toBe(
      'Mail me at ana@example.com',
    );
    expect(makeOverrideRow(decision, context, { ...options, privacy: 'redacted' }).sentText).toBe('Mail me at [EMAIL]');
    const none = makeOverrideRow(decision, context, { ...options, privacy: 'none' });
    expect([none.sentText, none.suggestionText]).toEqual([null, null]);
  });

  it('records the findings shown and which were dismissed, never their text', () => {
    const r = makeOverrideRow(decision, context, { ...options, privacy: 'none' });
    // The stored fingerprint of a privacy finding is its rule and occurrence, not the in-page 'f1'.
    expect(r.findings).toEqual([
      {
        rule: 'pii-email',
        category: 'privacy',
        severity: 'critical',
        fingerprint: positionalFingerprint('pii-email', 0),
        dismissed: true,
      },
    ]);
    expect(r).toMatchObject({ id: 's1', shownAt: 5, decidedAt: 9, ticketHash: 'h', agent: 'sam', outcome: 'edited' });
  });
});

describe('Outbox', () => {
  function memoryStore(initial: LogEvent[] = []) {
    const saved = new Map(initial.map((e) => [e.id, e]));
    return {
      loadAll: async () => [...saved.values()],
      put: async (e: LogEvent) => {
        saved.set(e.id, e);
      },
      remove: async (ids: readonly string[]) => {
        for (const id of ids) saved.delete(id);
      },
      ids: () => [...saved.keys()],
    };
  }

  it('delivers events and forgets them once confirmed', async () => {
    const store = memoryStore();
    const deliver = vi.fn(async () => ({ stored: 1 }));
    const outbox = new Outbox({ store, deliver });
    await outbox.add(overrideEvent(row()));
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(store.ids()).toEqual([]);
  });

  it('keeps events after a failed delivery and retries them', async () => {
    vi.useFakeTimers();
    try {
      const store = memoryStore();
      let fail = true;
      const deliver = vi.fn(async () => {
        if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { stored: 1 };
      });
      const onError = vi.fn();
      const outbox = new Outbox({ store, deliver, onError, backoff: [100] });
      const event = overrideEvent(row());
      await outbox.add(event);
      expect(store.ids()).toEqual([event.id]);
      expect(onError).toHaveBeenCalledTimes(1);
      fail = false;
      await vi.advanceTimersByTimeAsync(150);
      expect(deliver).toHaveBeenCalledTimes(2);
      expect(store.ids()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('treats a delivery that never answers as failed', async () => {
    vi.useFakeTimers();
    try {
      const store = memoryStore();
      const deliver = vi.fn(() => new Promise<never>(() => {}));
      const onError = vi.fn();
      const outbox = new Outbox({ store, deliver, onError, timeoutMs: 1000, backoff: [60_000] });
      const adding = outbox.add(overrideEvent(row()));
      await vi.advanceTimersByTimeAsync(1100);
      await adding;
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/no answer/) }));
      expect(outbox.size).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends events left over from an earlier page, oldest first', async () => {
    const a = overrideEvent(row());
    const b = reasonEvent(a.id, 'tone', null, { privacy: 'full', redact: (t) => t });
    const store = memoryStore([b, a]);
    const deliver = vi.fn(async (_events: LogEvent[]) => ({ stored: 2 }));
    const outbox = new Outbox({ store, deliver });
    await outbox.flush();
    expect(deliver.mock.calls[0]?.[0].map((e) => e.kind)).toEqual(['override', 'reason']);
  });
});

describe('createTicketHasher', () => {
  it('asks the background once per ticket, and again after a failed answer', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const ask = vi.fn(async (helpdesk: string, ticketId: string) => {
        calls += 1;
        if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
        return `${helpdesk}${ticketId}`.length.toString(16).padStart(64, '0');
      });
      const hash = createTicketHasher({ ask, backoff: [100] });
      const first = hash('zendesk', '1001');
      await vi.advanceTimersByTimeAsync(150);
      expect(await first).toMatch(/^0+b$/);
      expect(await hash('zendesk', '1001')).toBe(await first);
      expect(ask).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
