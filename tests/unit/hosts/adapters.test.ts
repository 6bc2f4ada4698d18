import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryAllDeep } from '@/lib/hosts/dom';
import { createGenericAdapter } from '@/lib/hosts/generic';
import { HELPDESKS } from '@/lib/hosts/helpdesks';
import { intercom } from '@/lib/hosts/intercom';
import { ADAPTERS, adapterById, adapterFor } from '@/lib/hosts/registry';
import { type HostSnapshot, isProblem } from '@/lib/hosts/types';
import { FIXTURE_APPS } from '@/tests/fixtures/bundle';
import { freescoutPage } from '@/tests/fixtures/freescout/page';
import { salesforceWorkspace } from '@/tests/fixtures/salesforce/page';
import { FIXTURE_HOST_PATTERNS } from '@/tests/fixtures/server';
import { DEMO_TICKETS, type DemoTicket } from '@/tests/fixtures/tickets';
import { zammadTask } from '@/tests/fixtures/zammad/page';
import { type AdapterCase, CASES } from './cases';
import { loadFixturePage } from './dom';

const [T1001, T1002] = DEMO_TICKETS as [DemoTicket, DemoTicket];
const fixturesDir = path.resolve(import.meta.dirname, '../../fixtures');

function snapshot(c: AdapterCase, ticket: DemoTicket, extra?: (doc: Document) => void): HostSnapshot {
  const doc = loadFixturePage(c.page(ticket));
  extra?.(doc);
  const result = c.adapter.read(doc, new URL(c.url(ticket.id)));
  if (isProblem(result)) throw new Error(result.detail);
  return result;
}

/** What the thread should read as: customer and agent messages in order, notes left out. */
const expectedThread = (t: DemoTicket) =>
  t.messages.filter((m) => m.role !== 'internal').map((m) => [m.role, m.text.replace(/\n{2,}/g, '\n')]);

function selectorsOf(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) selectorsOf(v, into);
  return into;
}

describe('adapter registry', () => {
  it('has one adapter and one fixture per helpdesk (generic is configured by admins instead)', () => {
    for (const { id } of HELPDESKS) {
      if (id === 'generic') continue;
      expect(
        ADAPTERS.filter((a) => a.id === id),
        id,
      ).toHaveLength(1);
      expect(FIXTURE_APPS as readonly string[], id).toContain(id);
      expect(existsSync(path.join(fixturesDir, id, 'page.ts')), `${id}/page.ts`).toBe(true);
      expect(existsSync(path.join(fixturesDir, id, 'app.ts')), `${id}/app.ts`).toBe(true);
      if (id !== 'zendesk') expect(CASES[id], `${id} has no adapter case`).toBeDefined();
    }
  });

  it('serves every fixture under a host the demo server maps', () => {
    for (const c of Object.values(CASES)) {
      const host = new URL(c.url('1001')).hostname;
      const mapped = FIXTURE_HOST_PATTERNS.some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) : host === p));
      expect(mapped, host).toBe(true);
    }
  });

  it('claims no page of another helpdesk or an unrelated site', () => {
    expect(adapterFor(new URL('https://example.com/'))).toBeNull();
    expect(adapterFor(new URL('https://secure.helpscout.net/conversation/1001/1'))?.id).toBe('helpscout');
    expect(adapterFor(new URL('https://support.example.org/conversation/7'))?.id).toBe('freescout');
    expect(adapterFor(new URL('https://chat.example.org/app/accounts/3/conversations/9'))?.id).toBe('chatwoot');
    expect(adapterFor(new URL('https://helpdesk.example.org/#ticket/zoom/12'))?.id).toBe('zammad');
  });

  it('gives a custom domain the adapter its admin named, even before a ticket is open', () => {
    expect(adapterFor(new URL('https://helpdesk.example.org/#dashboard'))).toBeNull();
    const zammadApp = adapterById('zammad');
    expect(zammadApp?.id).toBe('zammad');
    expect(zammadApp?.read(document, new URL('https://helpdesk.example.org/#dashboard'))).toMatchObject({
      problem: 'no-ticket',
    });
    expect(adapterById('generic')).toBeNull();
    expect(
      adapterById('generic', { customerMessage: '.c', agentMessage: '.a', composer: 'textarea', send: 'button' })?.id,
    ).toBe('generic');
  });
});

describe.each(Object.entries(CASES) as [string, AdapterCase][])('%s adapter on its fixture', (id, c) => {
  it('matches each selector as often as the fixture page expects', () => {
    const doc = loadFixturePage(c.page(T1001));
    const listed = Object.keys(c.counts).sort();
    expect([...selectorsOf(c.selectors)].sort(), 'every selector has an expected count').toEqual(listed);
    const actual = Object.fromEntries(listed.map((s) => [s, queryAllDeep(doc, s).length]));
    expect(actual).toEqual(c.counts);
  });

  it('is the adapter the registry picks for the fixture URL', () => {
    const url = new URL(c.url('1001'));
    expect(c.adapter.matches(url)).toBe(true);
    expect(adapterFor(url)?.id).toBe(id);
  });

  it('reads the thread in order with authors, the composer and every control', () => {
    const snap = snapshot(c, T1001);
    expect(snap.helpdesk).toBe(id);
    expect(snap.ticketId).toMatch(/1001$/);
    expect(snap.thread.map((m) => [m.author, m.text])).toEqual(expectedThread(T1001));
    expect(snap.composer.tagName).toBe(c.composerTag);
    expect(snap.composer.ownerDocument !== document).toBe(!!c.inFrame);
    expect(snap.sendControls.length).toBeGreaterThan(0);
    expect(snap.aiControls.map((a) => a.shape).sort()).toEqual([...c.aiShapes].sort());
    expect(snap.discardControls).toHaveLength(c.discard);
    expect(snap.escalationControls.length).toBeGreaterThan(0);
    if (c.suggestion) {
      expect(snap.suggestion?.shape).toBe(c.suggestion);
      expect(snap.suggestion?.text).toContain('We guarantee this will be fixed');
    } else expect(snap.suggestion).toBeNull();
  });

  it('reads the other ticket as its own conversation', () => {
    const snap = snapshot(c, T1002);
    expect(snap.ticketId).toMatch(/1002$/);
    expect(snap.thread.map((m) => [m.author, m.text])).toEqual(expectedThread(T1002));
  });

  it('says why it cannot work instead of failing silently', () => {
    document.body.innerHTML = '<main><p>Loading…</p></main>';
    expect(c.adapter.read(document, new URL(c.url('1001')))).toMatchObject({ problem: 'no-composer' });
    const home = new URL(c.url('1001'));
    home.pathname = '/';
    home.hash = '';
    expect(c.adapter.ticketId(home)).toBeNull();
  });
});

describe('the customer’s name', () => {
  it('is read from FreeScout’s customer card, for the grounding rules’ greeting check', () => {
    expect(snapshot(CASES.freescout as AdapterCase, T1001).customerName).toBe(T1001.requester);
  });
});

describe('active ticket only', () => {
  it('Zammad reads the active task, not the other open tasks', () => {
    const c = CASES.zammad as AdapterCase;
    const snap = snapshot(c, T1001, (doc) =>
      doc.querySelector('.content.active')?.insertAdjacentHTML('beforebegin', zammadTask(T1002, false)),
    );
    expect(snap.thread.map((m) => m.text)).toEqual(expectedThread(T1001).map(([, text]) => text));
  });

  it('Salesforce reads the shown workspace tab through shadow roots, not hidden tabs', () => {
    const c = CASES.salesforce as AdapterCase;
    const doc = loadFixturePage(
      c
        .page(T1001)
        .replace(
          '<div class="oneWorkspace active"',
          `${salesforceWorkspace(T1002, false)}<div class="oneWorkspace active"`,
        ),
    );
    const snap = c.adapter.read(doc, new URL(c.url('1001')));
    if (isProblem(snap)) throw new Error(snap.detail);
    expect(snap.thread).toHaveLength(3);
    expect(snap.composer.closest('body')?.classList.contains('cke_editable')).toBe(true);
  });
});

describe('fallbacks', () => {
  it('Intercom: author type when the part-group categories are gone (2026 markup)', () => {
    document.body.innerHTML = `<div class="inbox-2__conversation">
      <div data-author-type="user"><div data-part-body><p>Where is my order?</p></div></div>
      <div data-author-type="admin"><div data-part-body><p>Checking.</p></div></div>
      <div data-author-type="note"><div data-part-body><p>internal</p></div></div>
      <div role="textbox" contenteditable="true"><p>Hi</p></div></div>`;
    const snap = intercom.read(document, new URL('https://app.intercom.com/a/inbox/x/inbox/conversation/5'));
    if (isProblem(snap)) throw new Error(snap.detail);
    expect(snap.thread.map((m) => [m.author, m.text])).toEqual([
      ['customer', 'Where is my order?'],
      ['agent', 'Checking.'],
    ]);
    expect(snap.composer.getAttribute('role')).toBe('textbox');
  });
});

describe('generic adapter (admin selectors)', () => {
  const config = {
    customerMessage: '.thread-type-customer .thread-content',
    agentMessage: '.thread-type-message .thread-content',
    composer: '.note-editable',
    send: '.btn-send-text',
    aiControl: '.ai-use-draft',
  };

  it('reads a page from its configured selectors', () => {
    const doc = loadFixturePage(freescoutPage(T1001));
    const adapter = createGenericAdapter(config);
    const snap = adapter.read(doc, new URL('https://help.example.net/conversation/1001'));
    if (isProblem(snap)) throw new Error(snap.detail);
    expect(snap.helpdesk).toBe('generic');
    expect(snap.ticketId).toBe('1001');
    // Document order: FreeScout shows newest first, and the generic adapter cannot know that.
    expect(snap.thread.map((m) => m.author)).toEqual(['customer', 'agent', 'customer']);
    expect(snap.aiControls.map((a) => a.shape)).toEqual(['draft-in-composer']);
    expect(snap.sendControls).toHaveLength(1);
  });

  it('takes the ticket id from the path, the hash or an element', () => {
    expect(createGenericAdapter(config).ticketId(new URL('https://h.example/t/77?x=1'))).toBe('77');
    const byHash = createGenericAdapter({ ...config, ticketIdFrom: 'hash' });
    expect(byHash.ticketId(new URL('https://h.example/app#/tickets/88'))).toBe('88');
    const bySelector = createGenericAdapter({ ...config, ticketIdFrom: '.ticket-number' });
    const doc = loadFixturePage(freescoutPage(T1001));
    doc.body.insertAdjacentHTML('afterbegin', '<span class="ticket-number">#4711</span>');
    const snap = bySelector.read(doc, new URL('https://h.example/app'));
    expect(isProblem(snap) ? snap.problem : snap.ticketId).toBe('4711');
  });

  it('says which admin selector is not valid CSS instead of failing', () => {
    document.body.innerHTML = '<p>page</p>';
    const result = createGenericAdapter({ ...config, composer: 'div[' }).read(
      document,
      new URL('https://h.example/t/1'),
    );
    expect(result).toMatchObject({ problem: 'no-composer' });
    expect(isProblem(result) && result.detail).toMatch(/not valid CSS/);
  });

  it('reports a missing composer', () => {
    document.body.innerHTML = '<p>nothing</p>';
    expect(createGenericAdapter(config).read(document, new URL('https://h.example/t/1'))).toMatchObject({
      problem: 'no-composer',
    });
  });
});
