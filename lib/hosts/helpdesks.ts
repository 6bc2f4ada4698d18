/**
 * The helpdesks ReplyGuard knows, and the hosts each one runs on. The manifest's host
 * permissions and the content script's match patterns are both generated from this list, so
 * adding a helpdesk here is what makes the extension run on it.
 */
export type HelpdeskId =
  | 'zendesk'
  | 'intercom'
  | 'freshdesk'
  | 'salesforce'
  | 'hubspot'
  | 'gorgias'
  | 'helpscout'
  | 'front'
  | 'zohodesk'
  | 'chatwoot'
  | 'zammad'
  | 'freescout'
  | 'generic';

export interface HelpdeskInfo {
  id: HelpdeskId;
  /** Shown to people (popup, options, dashboard). */
  name: string;
  /** Match patterns of the vendor's cloud; self-hosted installs are added as custom domains. */
  matches: readonly string[];
}

const ZOHO_TLDS = ['com', 'eu', 'in', 'com.au', 'jp', 'ca'] as const;

export const HELPDESKS: readonly HelpdeskInfo[] = [
  { id: 'zendesk', name: 'Zendesk', matches: ['https://*.zendesk.com/*'] },
  { id: 'intercom', name: 'Intercom', matches: ['https://app.intercom.com/*'] },
  { id: 'freshdesk', name: 'Freshdesk', matches: ['https://*.freshdesk.com/*'] },
  {
    id: 'salesforce',
    name: 'Salesforce Service Cloud',
    matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  },
  { id: 'hubspot', name: 'HubSpot', matches: ['https://app.hubspot.com/*'] },
  { id: 'gorgias', name: 'Gorgias', matches: ['https://*.gorgias.com/*'] },
  { id: 'helpscout', name: 'Help Scout', matches: ['https://secure.helpscout.net/*'] },
  { id: 'front', name: 'Front', matches: ['https://app.frontapp.com/*'] },
  { id: 'zohodesk', name: 'Zoho Desk', matches: ZOHO_TLDS.map((tld) => `https://desk.zoho.${tld}/*`) },
  { id: 'chatwoot', name: 'Chatwoot', matches: ['https://app.chatwoot.com/*'] },
  { id: 'zammad', name: 'Zammad', matches: ['https://*.zammad.com/*'] },
  // FreeScout is self-hosted only: it runs where an admin adds its domain.
  { id: 'freescout', name: 'FreeScout', matches: [] },
  { id: 'generic', name: 'Other helpdesk (admin selectors)', matches: [] },
];

/** Every built-in match pattern: the manifest's host permissions and the content script's matches. */
export const HELPDESK_MATCHES: readonly string[] = HELPDESKS.flatMap((h) => h.matches);

export function helpdeskName(id: string): string {
  return HELPDESKS.find((h) => h.id === id)?.name ?? id;
}
