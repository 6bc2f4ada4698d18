import { chatwoot } from './chatwoot';
import { freescout } from './freescout';
import { freshdesk } from './freshdesk';
import { front } from './front';
import { createGenericAdapter, type GenericSelectors } from './generic';
import { gorgias } from './gorgias';
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
