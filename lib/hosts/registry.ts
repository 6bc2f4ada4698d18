import { chatwoot } from './chatwoot';
import { freescout } from './freescout';
import { freshdesk } from './freshdesk';
import { front } from './front';
import { createGenericAdapter, type GenericSelectors } from './generic';
import { gorgias } from './gorgias';
import type { HelpdeskId } from './helpdesks';
import { helpscout } from './helpscout';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import { salesforce } from './salesforce';
import type { HostAdapter } from './types';
import { zammad } from './zammad';
import { zendesk } from './zendesk';
import { zohodesk } from './zohodesk';

/**
 * Every built-in adapter, in the order they are tried: those that recognise their vendor's host
 * first, then the self-hosted ones that recognise a page by its route shape (Chatwoot, Zammad,
 * FreeScout), which could otherwise claim a vendor's page with a similar path.
 */
export const ADAPTERS: readonly HostAdapter[] = [
  zendesk,
  intercom,
  freshdesk,
  salesforce,
  hubspot,
  gorgias,
  helpscout,
  front,
  zohodesk,
  chatwoot,
  zammad,
  freescout,
];

/**
 * The adapter for a page: a built-in one, else the generic adapter when the admin configured
 * selectors for this domain.
 */
export function adapterFor(url: URL, custom?: GenericSelectors): HostAdapter | null {
  return ADAPTERS.find((a) => a.matches(url)) ?? (custom ? createGenericAdapter(custom) : null);
}

/**
 * The adapter an admin named for a custom domain, whatever page of the app is open. Self-hosted
 * Chatwoot and Zammad are single-page apps that often load on their dashboard (`/app/accounts/1/
 * dashboard`, `/#dashboard`), where route-shape matching cannot recognise them yet; the content
 * script must still start so it follows the agent into a ticket. `generic` needs its selectors.
 */
export function adapterById(id: HelpdeskId, selectors?: GenericSelectors): HostAdapter | null {
  if (id === 'generic') return selectors ? createGenericAdapter(selectors) : null;
  return ADAPTERS.find((a) => a.id === id) ?? null;
}
