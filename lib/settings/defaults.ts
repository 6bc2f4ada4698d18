import { HELPDESKS, type HelpdeskId } from '../hosts/helpdesks';
import type { Settings } from './schema';
import { DEFAULT_REVIEW_SHARE } from './targets';

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
  handoverSchedule: 'off',
  handoverRecipients: [],
  handoverFolderHint: '',
  targets: {},
  reviewShare: DEFAULT_REVIEW_SHARE,
  allowUserOverrides: true,
  ticketIdSecret: null,
});
