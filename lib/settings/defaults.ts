import { HELPDESKS, type HelpdeskId } from '../hosts/helpdesks';
import type { Settings } from './schema';

const everyHelpdesk = (on: boolean): Record<HelpdeskId, boolean> =>
  Object.fromEntries(HELPDESKS.map((h) => [h.id, on])) as Record<HelpdeskId, boolean>;

/** What everyone gets until they or their admin choose otherwise. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  helpdesks: everyHelpdesk(true),
  analysis: everyHelpdesk(true),
  sendGuard: 'warn',
  retentionDays: 90,
  privacyMode: 'redacted',
  agentLabel: '',
  pausedSites: [],
  ruleSeverity: {},
  rulePacks: [],
  customHelpdesks: [],
  allowUserOverrides: true,
  ticketIdSecret: null,
});
