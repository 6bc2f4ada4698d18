import type { RulePack, SeverityOverride } from '../engine/packs/types';
import type { HelpdeskId } from '../hosts/helpdesks';
import type { Target } from './targets';

/** What the send-guard does when the agent sends a reply with an unresolved critical finding. */
export type SendGuardMode = 'off' | 'warn' | 'block';

/** How much of the suggestion and sent text the override log keeps. */
export type PrivacyMode = 'full' | 'redacted' | 'none';

/** How often the hand-over writes the log's new rows to the folder the agent chose. */
export type HandoverSchedule = 'off' | 'daily' | 'weekly';

/** A rule's severity as the admin set it: `off` switches the rule off. */
export type RuleSeverityOverride = SeverityOverride;

/** Adapters that can read a helpdesk on a domain the admin adds (self-hosted installs, or any site). */
export type CustomAdapterId = 'chatwoot' | 'zammad' | 'freescout' | 'generic';

/**
 * CSS selectors the generic adapter reads a helpdesk with. Only selectors: the generic adapter
 * reads the page and never writes to it, so no selector can make ReplyGuard act on a page.
 */
export interface GenericSelectors {
  /** Each customer message in the thread. */
  customerMessage: string;
  /** Each earlier agent reply in the thread. */
  agentMessage: string;
  /** The reply editor (contenteditable or textarea). */
  composer: string;
  /** The send button(s). */
  send: string;
  /** The control that inserts an AI suggestion, when the helpdesk has one. @default none */
  aiControl?: string;
  /** Where the ticket id comes from: `path`, `hash`, or a selector of an element holding it. @default 'path' */
  ticketIdFrom?: string;
}

/** A self-hosted or otherwise unlisted helpdesk the admin adds by domain. */
export interface CustomHelpdesk {
  /**
   * An https match pattern naming the origin, such as `https://help.acme.com/*` or
   * `https://*.acme.com/*`. It is asked for as an optional host permission, so it must be a
   * pattern the browser can grant.
   */
  pattern: string;
  adapter: CustomAdapterId;
  /** Required for `generic`, and only allowed there: the other adapters know their helpdesk. */
  selectors?: GenericSelectors;
}

/** The effective settings every surface reads. Stored settings hold only what differs from these. */
export interface Settings {
  /** Helpdesks the content script works on. @default every known helpdesk */
  helpdesks: Record<HelpdeskId, boolean>;
  /**
   * Whether signals and findings are shown on a helpdesk. When off, ReplyGuard stays on the
   * page only to log what agents did with AI suggestions. @default on for every helpdesk
   */
  analysis: Record<HelpdeskId, boolean>;
  /** @default 'warn' — a confirmation, never a dead end, until an admin chooses otherwise. */
  sendGuard: SendGuardMode;
  /** Rows older than this are purged. @default 90 */
  retentionDays: number;
  /** @default 'redacted' — PII is masked before any text is stored. */
  privacyMode: PrivacyMode;
  /** Names the agent in exports merged across a team. @default '' (shown as "me") */
  agentLabel: string;
  /** Hostnames where the agent paused ReplyGuard. @default [] */
  pausedSites: string[];
  /** Severity per built-in (or `pack:…`) rule id; a missing id keeps the rule's default. @default {} */
  ruleSeverity: Record<string, RuleSeverityOverride>;
  /** Team rule packs, validated before they are stored (lib/engine/packs). @default [] */
  rulePacks: RulePack[];
  /** Self-hosted or unlisted helpdesks, by origin pattern. @default [] */
  customHelpdesks: CustomHelpdesk[];
  /**
   * Writes the log's new rows (and their audit file) to the hand-over folder the agent chose, this
   * often; a policy can require it. @default 'off'
   */
  handoverSchedule: HandoverSchedule;
  /**
   * Team public keys (age recipients, `age1…`): every export, handed over or downloaded, is
   * encrypted to them, so only a dashboard holding one of the private keys reads it. Empty: exports
   * are plain, or encrypted with a passphrase typed at export. @default []
   */
  handoverRecipients: string[];
  /** Where to choose the hand-over folder, in the admin's words (a team share, a synced folder). @default '' */
  handoverFolderHint: string;
  /**
   * Targets the dashboard and the review report hold the figures to, by figure
   * (`overrideRate`, `unresolvedCriticalShare`, `medianDecisionMs`, `falseAlarmRate`) or by rule
   * (`falseAlarmRate:<rule id>`): lib/settings/targets.ts. A lead sets them in the dashboard; a
   * policy locks the entries it names. @default {} (no targets)
   */
  targets: Record<string, Target>;
  /**
   * Share in [0, 1] of the suggestions sent as suggested that the dashboard queues for a lead's
   * review (0: no review sampling). @default 0.05
   */
  reviewShare: number;
  /**
   * Set only by enterprise policy: `false` locks every setting at the policy's value or the
   * default, and the user's own choices are ignored. @default true
   */
  allowUserOverrides: boolean;
  /**
   * Set only by enterprise policy: the organisation's secret for ticket hashes. Every agent's
   * rows then hash a ticket the same way, so a lead's merged log groups by ticket; without it,
   * each install hashes with its own key (lib/background/keys.ts). At least 24 characters; a
   * random string (`openssl rand -base64 32`). @default null
   */
  ticketIdSecret: string | null;
}

/** Settings only the admin's policy may set. */
export const POLICY_ONLY_KEYS = ['allowUserOverrides', 'ticketIdSecret'] as const;

/** Keys a person may store; `allowUserOverrides` and `ticketIdSecret` belong to the admin's policy alone. */
export type UserSettingKey = Exclude<keyof Settings, (typeof POLICY_ONLY_KEYS)[number]>;

/**
 * What is stored: only what differs from the defaults. Map-like settings store only the entries
 * that differ, so a helpdesk added in a later release is on for everyone who did not switch it off.
 * `null` means "back to the default", like a missing key.
 */
export interface SettingsOverrides {
  helpdesks?: Partial<Record<HelpdeskId, boolean>> | null;
  analysis?: Partial<Record<HelpdeskId, boolean>> | null;
  sendGuard?: SendGuardMode | null;
  retentionDays?: number | null;
  privacyMode?: PrivacyMode | null;
  agentLabel?: string | null;
  pausedSites?: string[] | null;
  ruleSeverity?: Record<string, RuleSeverityOverride> | null;
  rulePacks?: RulePack[] | null;
  customHelpdesks?: CustomHelpdesk[] | null;
  handoverSchedule?: HandoverSchedule | null;
  handoverRecipients?: string[] | null;
  handoverFolderHint?: string | null;
  targets?: Record<string, Target> | null;
  reviewShare?: number | null;
  /** Honoured only from policy; a user file carrying it is rejected. */
  allowUserOverrides?: boolean | null;
  /** Honoured only from policy; a user file carrying it is rejected. */
  ticketIdSecret?: string | null;
}

/** A managed (enterprise policy) value: the same keys as the settings, plus `allowUserOverrides`. */
export type PolicyValues = SettingsOverrides;

/** A setting that could not be applied, with where it is and what to do about it. */
export interface SettingsProblem {
  /** Dotted path of the key: `retentionDays`, `customHelpdesks[1].selectors`, `rulePacks[0].phrases[2].id`. */
  path: string;
  message: string;
}
