import type { HostAdapter } from './types';
import { zendesk } from './zendesk';

/** Every adapter, in the order they are tried. */
export const ADAPTERS: readonly HostAdapter[] = [zendesk];

export function adapterFor(url: URL): HostAdapter | null {
  return ADAPTERS.find((a) => a.matches(url)) ?? null;
}
