import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { CustomerChip } from '@/components/overlay/CustomerChip';
import { type ControllerOptions, startController } from '@/lib/content/controller';
import { analyzeCustomer } from '@/lib/engine/signals';
import type { CustomerSignals } from '@/lib/engine/types';
import type { HostAdapter } from '@/lib/hosts/types';
import { HighlightPainter } from '@/lib/overlay/highlights';
import { createOverlayStore, type OverlayStore } from '@/lib/overlay/overlay-store';

type Win = Window & typeof globalThis;

/** A helpdesk reduced to what the controller reads: a ticket id, a thread and a composer. */
const testAdapter: HostAdapter = {
  id: 'zendesk',
  matches: () => true,
  ticketId: () => document.body.dataset.ticket ?? null,
  read(root) {
    const ticketId = root.body.dataset.ticket;
    const composer = root.querySelector('[data-composer]');
    if (!ticketId || !composer) return { problem: 'no-ticket', detail: 'No ticket open.' };
    const thread = Array.from(root.querySelectorAll<HTMLElement>('[data-author]'), (element) => ({
      element,
      author: element.dataset.author === 'agent' ? ('agent' as const) : ('customer' as const),
      text: element.textContent ?? '',
    }));
    return {
      helpdesk: 'zendesk',
      ticketId,
      thread,
      composer,
      sendControls: [],
      aiControls: [],
      discardControls: [],
      escalationControls: [],
      suggestion: null,
    };
  },
};

const ANGRY = 'This is useless. I want to speak to your manager.';
const CALM = 'Thanks, the export works now.';
/** Deflects a customer who asked for a manager: `escalation-deflected` fires only with the customer's signals. */
const DEFLECTING_REPLY = 'Have you tried clearing your cache? That usually fixes it.';

function openTicket(ticket: string, customer: string, reply: string): void {
  document.body.dataset.ticket = ticket;
  document.body.innerHTML = `<p data-author="customer"></p><div data-composer contenteditable="true"></div><div id="layer"></div>`;
  (document.querySelector('[data-author]') as HTMLElement).textContent = customer;
  (document.querySelector('[data-composer]') as HTMLElement).textContent = reply;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const aborts: AbortController[] = [];
afterEach(() => {
  for (const a of aborts.splice(0)) a.abort();
  delete document.body.dataset.ticket;
});

function start(
  analyze: ControllerOptions['analyzeCustomer'],
  extra: Partial<ControllerOptions> = {},
): { store: OverlayStore; refresh(): void } {
  const abort = new AbortController();
  aborts.push(abort);
  const store = createOverlayStore('zendesk');
  const win = window as unknown as Win;
  const { refresh } = startController({
    win,
    adapter: testAdapter,
    store,
    createPainter: (w) => new HighlightPainter(w, () => document.getElementById('layer')),
    analyzeCustomer: analyze,
    onDecision: () => {},
    onStatus: () => {},
    signal: abort.signal,
    ...extra,
  });
  return { store, refresh };
}

const rules = (store: OverlayStore) => store.getState().findings.map((f) => f.rule);
/** Lets pending promise callbacks (and zero-delay timers) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('controller: reading the customer asynchronously', () => {
  it('checks the reply without signals while the reading is pending, then again with them', async () => {
    openTicket('1', ANGRY, DEFLECTING_REPLY);
    const answer = deferred<CustomerSignals | null>();
    const asked: string[][] = [];
    const { store } = start((messages) => {
      asked.push(messages);
      return answer.promise;
    });

    expect(asked).toEqual([[ANGRY]]);
    expect(store.getState().customerReading).toBe('pending');
    expect(store.getState().customer).toBeNull();
    expect(rules(store)).not.toContain('escalation-deflected');

    answer.resolve(analyzeCustomer([ANGRY]));
    await settle();
    const state = store.getState();
    expect(state.customerReading).toBe('ready');
    expect(state.customer?.escalation.kinds).toContain('manager');
    expect(state.customerMessages).toEqual([ANGRY]);
    expect(rules(store)).toContain('escalation-deflected');
  });

  it('asks once per change of the customer messages, not on every refresh', async () => {
    openTicket('1', ANGRY, DEFLECTING_REPLY);
    let calls = 0;
    const { refresh } = start(async (messages) => {
      calls++;
      return analyzeCustomer(messages);
    });
    await settle();
    refresh();
    refresh();
    expect(calls).toBe(1);
  });

  it('ignores an answer that arrives after the agent moved to another ticket', async () => {
    openTicket('1', ANGRY, DEFLECTING_REPLY);
    const answers = [deferred<CustomerSignals | null>(), deferred<CustomerSignals | null>()];
    let call = 0;
    const { store, refresh } = start(() => (answers[call++] as Deferred<CustomerSignals | null>).promise);

    openTicket('2', CALM, DEFLECTING_REPLY);
    refresh();
    expect(store.getState().ticketId).toBe('2');
    expect(call).toBe(2);

    // The first ticket's reading arrives late: it must not colour ticket 2.
    (answers[0] as Deferred<CustomerSignals | null>).resolve(analyzeCustomer([ANGRY]));
    await settle();
    expect(store.getState().customerReading).toBe('pending');
    expect(store.getState().customer).toBeNull();
    expect(rules(store)).not.toContain('escalation-deflected');

    (answers[1] as Deferred<CustomerSignals | null>).resolve(analyzeCustomer([CALM]));
    await settle();
    expect(store.getState().customerReading).toBe('ready');
    expect(store.getState().customer?.escalation.likely).toBe(false);
    expect(store.getState().customerMessages).toEqual([CALM]);
  });

  it('retries a background that is starting up, then shows its reading', async () => {
    openTicket('1', ANGRY, DEFLECTING_REPLY);
    let calls = 0;
    const { store } = start(
      async (messages) => {
        calls++;
        if (calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
        return analyzeCustomer(messages);
      },
      { analysisRetryDelays: [0, 0, 0] },
    );
    await expect.poll(() => store.getState().customerReading).toBe('ready');
    expect(calls).toBe(3);
    expect(rules(store)).toContain('escalation-deflected');
  });

  it('says the reading is unavailable when the background never answers', async () => {
    openTicket('1', ANGRY, DEFLECTING_REPLY);
    let calls = 0;
    const { store } = start(
      () => {
        calls++;
        return new Promise<never>(() => {});
      },
      { analysisRetryDelays: [0, 0], analysisTimeoutMs: 5 },
    );
    expect(store.getState().customerReading).toBe('pending');
    await expect.poll(() => store.getState().customerReading).toBe('unavailable');
    expect(calls).toBe(3);
    expect(store.getState().customer).toBeNull();
    // Checking goes on without the customer's signals.
    expect(store.getState().status).toBe('active');

    const chip = renderToStaticMarkup(
      createElement(CustomerChip, { customer: null, reading: 'unavailable', messages: [ANGRY] }),
    );
    expect(chip).toContain('data-rg-customer="unavailable"');
    expect(chip).toContain('Customer mood unavailable');
  });

  it('does not report a customer reading while none is known yet', () => {
    const pending = renderToStaticMarkup(
      createElement(CustomerChip, { customer: null, reading: 'pending', messages: [] }),
    );
    expect(pending).not.toContain('data-rg-customer=');
    expect(pending).toContain('data-rg-customer-reading="pending"');
  });

  it('stops asking when the tab goes away', async () => {
    openTicket('1', ANGRY, DEFLECTING_REPLY);
    let calls = 0;
    const { store } = start(
      async () => {
        calls++;
        throw new Error('Extension context invalidated.');
      },
      { analysisRetryDelays: [20, 20, 20] },
    );
    await settle();
    for (const a of aborts) a.abort();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(calls).toBe(1);
    expect(store.getState().customerReading).toBe('pending');
  });
});
