import type { SuggestionShape } from '@/lib/db/schema';
import { CHATWOOT_SELECTORS, chatwoot } from '@/lib/hosts/chatwoot';
import { FREESCOUT_SELECTORS, freescout } from '@/lib/hosts/freescout';
import { FRESHDESK_SELECTORS, freshdesk } from '@/lib/hosts/freshdesk';
import { FRONT_SELECTORS, front } from '@/lib/hosts/front';
import { GORGIAS_SELECTORS, gorgias } from '@/lib/hosts/gorgias';
import type { HelpdeskId } from '@/lib/hosts/helpdesks';
import { HELPSCOUT_SELECTORS, helpscout } from '@/lib/hosts/helpscout';
import { HUBSPOT_SELECTORS, hubspot } from '@/lib/hosts/hubspot';
import { INTERCOM_SELECTORS, intercom } from '@/lib/hosts/intercom';
import { SALESFORCE_SELECTORS, salesforce } from '@/lib/hosts/salesforce';
import type { AdapterSelectors } from '@/lib/hosts/selector-adapter';
import type { HostAdapter } from '@/lib/hosts/types';
import { ZAMMAD_SELECTORS, zammad } from '@/lib/hosts/zammad';
import { ZOHODESK_SELECTORS, zohodesk } from '@/lib/hosts/zohodesk';
import { chatwootPage, chatwootUrl } from '@/tests/fixtures/chatwoot/page';
import { freescoutPage, freescoutUrl } from '@/tests/fixtures/freescout/page';
import { freshdeskPage, freshdeskUrl } from '@/tests/fixtures/freshdesk/page';
import { frontPage, frontUrl } from '@/tests/fixtures/front/page';
import { gorgiasPage, gorgiasUrl } from '@/tests/fixtures/gorgias/page';
import { helpscoutPage, helpscoutUrl } from '@/tests/fixtures/helpscout/page';
import { hubspotPage, hubspotUrl } from '@/tests/fixtures/hubspot/page';
import { intercomPage, intercomUrl } from '@/tests/fixtures/intercom/page';
import { salesforcePage, salesforceUrl } from '@/tests/fixtures/salesforce/page';
import type { DemoTicket } from '@/tests/fixtures/tickets';
import { zammadPage } from '@/tests/fixtures/zammad/page';
import { zohodeskPage, zohodeskUrl } from '@/tests/fixtures/zohodesk/page';
import { COUNTS } from './counts';

/**
 * Every adapter beside its fixture page: the page's real URL, and for each selector the number of
 * elements it matches on ticket 1001's page (piercing shadow roots where the adapter does). When a
 * helpdesk redesign changes the markup, the fixture is updated and exactly these numbers move.
 */
export interface AdapterCase {
  adapter: HostAdapter;
  selectors: AdapterSelectors;
  page(ticket: DemoTicket): string;
  url(id: string): string;
  /** selector → matches on the 1001 page; every selector of the adapter must be listed. */
  counts: Record<string, number>;
  aiShapes: SuggestionShape[];
  suggestion: 'separate-editor' | 'side-panel' | null;
  discard: number;
  composerTag: string;
  /** Whether the composer lives in an iframe document. */
  inFrame?: boolean;
}

export const CASES: Partial<Record<HelpdeskId, AdapterCase>> = {};

CASES.intercom = {
  adapter: intercom,
  selectors: INTERCOM_SELECTORS,
  page: intercomPage,
  url: (id) => `https://app.intercom.com${intercomUrl(id)}`,
  counts: COUNTS.intercom,
  aiShapes: ['side-panel'],
  suggestion: 'side-panel',
  discard: 0,
  composerTag: 'DIV',
};

CASES.freshdesk = {
  adapter: freshdesk,
  selectors: FRESHDESK_SELECTORS,
  page: freshdeskPage,
  url: (id) => `https://acme.freshdesk.com${freshdeskUrl(id)}`,
  counts: COUNTS.freshdesk,
  aiShapes: ['side-panel'],
  suggestion: 'side-panel',
  discard: 0,
  composerTag: 'BODY',
  inFrame: true,
};

CASES.salesforce = {
  adapter: salesforce,
  selectors: SALESFORCE_SELECTORS,
  page: salesforcePage,
  url: (id) => `https://acme.lightning.force.com${salesforceUrl(id)}`,
  counts: COUNTS.salesforce,
  aiShapes: ['side-panel'],
  suggestion: 'side-panel',
  discard: 0,
  composerTag: 'BODY',
  inFrame: true,
};

CASES.hubspot = {
  adapter: hubspot,
  selectors: HUBSPOT_SELECTORS,
  page: hubspotPage,
  url: (id) => `https://app.hubspot.com${hubspotUrl(id)}`,
  counts: COUNTS.hubspot,
  aiShapes: ['separate-editor'],
  suggestion: 'separate-editor',
  discard: 1,
  composerTag: 'DIV',
};

CASES.gorgias = {
  adapter: gorgias,
  selectors: GORGIAS_SELECTORS,
  page: gorgiasPage,
  url: (id) => `https://acme.gorgias.com${gorgiasUrl(id)}`,
  counts: COUNTS.gorgias,
  aiShapes: ['separate-editor'],
  suggestion: 'separate-editor',
  discard: 1,
  composerTag: 'DIV',
};

CASES.helpscout = {
  adapter: helpscout,
  selectors: HELPSCOUT_SELECTORS,
  page: helpscoutPage,
  url: (id) => `https://secure.helpscout.net${helpscoutUrl(id)}`,
  counts: COUNTS.helpscout,
  aiShapes: ['draft-in-composer'],
  suggestion: null,
  discard: 0,
  composerTag: 'DIV',
};

CASES.front = {
  adapter: front,
  selectors: FRONT_SELECTORS,
  page: frontPage,
  url: (id) => `https://app.frontapp.com${frontUrl(id)}`,
  counts: COUNTS.front,
  aiShapes: ['side-panel'],
  suggestion: 'side-panel',
  discard: 0,
  composerTag: 'TEXTAREA',
};

CASES.zohodesk = {
  adapter: zohodesk,
  selectors: ZOHODESK_SELECTORS,
  page: zohodeskPage,
  url: (id) => `https://desk.zoho.com${zohodeskUrl(id)}`,
  counts: COUNTS.zohodesk,
  aiShapes: ['in-place-rewrite'],
  suggestion: null,
  discard: 0,
  composerTag: 'DIV',
};

CASES.chatwoot = {
  adapter: chatwoot,
  selectors: CHATWOOT_SELECTORS,
  page: chatwootPage,
  url: (id) => `https://app.chatwoot.com${chatwootUrl(id)}`,
  counts: COUNTS.chatwoot,
  aiShapes: ['separate-editor', 'in-place-rewrite'],
  suggestion: 'separate-editor',
  discard: 1,
  composerTag: 'DIV',
};

CASES.zammad = {
  adapter: zammad,
  selectors: ZAMMAD_SELECTORS,
  page: zammadPage,
  url: (id) => `https://acme.zammad.com/#ticket/zoom/${id}`,
  counts: COUNTS.zammad,
  aiShapes: ['in-place-rewrite'],
  suggestion: null,
  discard: 0,
  composerTag: 'DIV',
};

CASES.freescout = {
  adapter: freescout,
  selectors: FREESCOUT_SELECTORS,
  page: freescoutPage,
  url: (id) => `https://help.acme-freescout.com${freescoutUrl(id)}`,
  counts: COUNTS.freescout,
  aiShapes: ['draft-in-composer'],
  suggestion: null,
  discard: 1,
  composerTag: 'DIV',
};
