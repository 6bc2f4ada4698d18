import { describe, expect, it } from 'vitest';
import { createGenericAdapter } from '@/lib/hosts/generic';
import { isProblem } from '@/lib/hosts/types';
import { checkOverrides } from '@/lib/settings/check';
import { customHelpdeskFor } from '@/lib/settings/custom-helpdesks';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { editorLabPage, LAB_EDITORS, LAB_HOST, LAB_SELECTORS } from '@/tests/fixtures/editors/page';
import { DEMO_TICKETS, type DemoTicket } from '@/tests/fixtures/tickets';
import { loadFixturePage } from './dom';

/**
 * The editor lab (tests/fixtures/editors) is an in-house helpdesk on the generic adapter: the
 * admin's entry must be valid settings, and the selectors must read the lab's page as its
 * editors leave it. The editors themselves run in the end-to-end tests (editors.e2e.ts).
 */
const T1001 = DEMO_TICKETS[0] as DemoTicket;
const entry = { pattern: `https://${LAB_HOST}/*`, adapter: 'generic', selectors: LAB_SELECTORS };

describe('editor lab on the generic adapter', () => {
  it("is a custom helpdesk entry an admin can save, and it covers the lab's pages", () => {
    const { value, problems } = checkOverrides({ customHelpdesks: [entry] }, 'user');
    expect(problems).toEqual([]);
    const settings = { ...DEFAULT_SETTINGS, customHelpdesks: value.customHelpdesks ?? [] };
    expect(customHelpdeskFor(new URL(`https://${LAB_HOST}/slate/tickets/1001`), settings)?.adapter).toBe('generic');
  });

  it.each(LAB_EDITORS)(
    'reads the %s page: thread in order without the note, the composer, send and AI controls',
    (editor) => {
      const doc = loadFixturePage(editorLabPage(editor, T1001));
      // The editor renders into its mount point in the browser; stand in for its editable element
      // (TinyMCE's mount is a textarea until it adds its iframe).
      let editable = doc.getElementById('composer-mount') as HTMLElement;
      if (editor === 'textarea') editable = editable.appendChild(doc.createElement('textarea'));
      else if (editor !== 'tinymce') editable.setAttribute('contenteditable', 'true');
      const snap = createGenericAdapter(LAB_SELECTORS).read(doc, new URL(`https://${LAB_HOST}/${editor}/tickets/1001`));
      if (isProblem(snap)) throw new Error(snap.detail);
      expect(snap.ticketId).toBe('1001');
      expect(snap.thread.map((m) => [m.author, m.text])).toEqual(
        T1001.messages.filter((m) => m.role !== 'internal').map((m) => [m.role, m.text.replace(/\n{2,}/g, '\n')]),
      );
      expect(snap.composer).toBe(editable);
      expect(snap.sendControls).toHaveLength(1);
      expect(snap.aiControls.map((c) => c.shape)).toEqual(['draft-in-composer']);
    },
  );
});
