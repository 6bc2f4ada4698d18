import { describe, expect, it } from 'vitest';
import { buildTextModel, rangeFor } from '@/lib/hosts/text-model';
import { isProblem } from '@/lib/hosts/types';
import { zendesk } from '@/lib/hosts/zendesk';

function item(type: string, html: string): string {
  return `<article data-test-id="omni-log-comment-item"><div data-test-id="omni-log-item-message" type="${type}">
    <div data-test-id="omni-log-message-content"><div class="zd-comment">${html}</div></div></div></article>`;
}

function zendeskDom(): Document {
  document.body.innerHTML = `
    <div id="main_panes">
      <div class="ticket-panes-grid-layout" data-is-active="false">
        ${item('end-user', '<p>Other ticket, must not be read</p>')}
        <div data-test-id="omnicomposer-rich-text-ckeditor" contenteditable="true"><p>other</p></div>
      </div>
      <div class="ticket-panes-grid-layout" data-is-active="true">
        ${item('end-user', '<p>My invoice is wrong.</p>')}
        ${item('agent', '<p>Sorry, checking now.</p>')}
        ${item('internal', '<p>Private note</p>')}
        ${item('end-user', '<p>Still &lt;b&gt;wrong&lt;/b&gt;!</p><p>Second paragraph</p>')}
        <div data-test-id="omnicomposer-rich-text-ckeditor" contenteditable="true"><p>Hi <b>Ana</b>,</p><p>fixed.</p></div>
        <button data-test-id="submit_button-button">Submit</button>
      </div>
    </div>`;
  return document;
}

describe('zendesk adapter', () => {
  const url = new URL('https://acme.zendesk.com/agent/tickets/1001');

  it('reads only the active pane: customer and agent messages in order, no internal notes', () => {
    const snap = zendesk.read(zendeskDom(), url);
    if (isProblem(snap)) throw new Error(snap.detail);
    expect(snap.ticketId).toBe('1001');
    expect(snap.thread.map((m) => [m.author, m.text])).toEqual([
      ['customer', 'My invoice is wrong.'],
      ['agent', 'Sorry, checking now.'],
      ['customer', 'Still <b>wrong</b>!\nSecond paragraph'],
    ]);
    expect(buildTextModel(snap.composer).text).toBe('Hi Ana,\nfixed.');
    expect(snap.sendControls).toHaveLength(1);
  });

  it('says why it cannot work instead of failing silently', () => {
    document.body.innerHTML = '<div id="main_panes"></div>';
    expect(zendesk.read(document, url)).toMatchObject({ problem: 'no-composer' });
    expect(zendesk.read(document, new URL('https://acme.zendesk.com/agent/home'))).toMatchObject({
      problem: 'no-ticket',
    });
  });
});

describe('text model', () => {
  it('maps text offsets back to DOM ranges across inline elements', () => {
    document.body.innerHTML = '<div id="c"><p>We <b>guarantee</b> a refund.</p><p>Thanks</p></div>';
    const model = buildTextModel(document.getElementById('c') as Element);
    expect(model.text).toBe('We guarantee a refund.\nThanks');
    const start = model.text.indexOf('guarantee a');
    const range = rangeFor(model, start, start + 'guarantee a'.length);
    expect(range?.toString()).toBe('guarantee a');
    const thanks = rangeFor(model, model.text.indexOf('Thanks'), model.text.length);
    expect(thanks?.toString()).toBe('Thanks');
  });

  it('never reads scripts and bounds huge content', () => {
    document.body.innerHTML = `<div id="c"><script>alert(1)</script><p>${'a'.repeat(5000)}</p></div>`;
    const model = buildTextModel(document.getElementById('c') as Element, 1000);
    expect(model.text).toBe('a'.repeat(1000));
  });
});
