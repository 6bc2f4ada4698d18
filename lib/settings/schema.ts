import type { HelpdeskId } from '../hosts/helpdesks';

/** What the send-guard does when the agent sends a reply with an unresolved critical finding. */
export type SendGuardMode = 'off' | 'warn' | 'block';

/** How much of the suggestion and sent text the override log keeps. */
export type PrivacyMode = 'full' | 'redacted' | 'none';

/** The effective settings every surface reads. Stored settings hold only what differs from these. */
export interface Settings {
  /** Helpdesks the content script works on. @default every known helpdesk */
  helpdesks: Record<HelpdeskId, boolean>;
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
}

export type SettingsOverrides = Partial<Settings>;
