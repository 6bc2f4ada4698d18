import type { ReplyGuardDb } from '../db/database';
import { applyEvents } from '../db/overrides';
import { redactPii } from '../engine/pii';
import { PHONE_METADATA } from '../engine/pii/phone-metadata';
import { analyzeCustomer } from '../engine/signals';
import type { HandoverRun } from '../handover/folder';
import type { Message, MessageType, Response, TabStatus } from '../messaging/protocol';
import type { LogEvent } from '../overrides/events';
import { protectRow, protectText, stricterMode } from '../overrides/privacy';
import type { Settings } from '../settings/schema';
import type { BackgroundAudit } from './audit';
import { checkEvents } from './check-events';
import type { TicketKeys } from './keys';
import type { WriteLimiter } from './rate-limit';

/** What the handler needs from its surroundings, passed in so tests can use a plain database. */
export interface BackgroundDeps {
  db: ReplyGuardDb;
  tabStatus: Map<number, TabStatus>;
  now: () => number;
  /** The audit trail every live write is chained in (lib/background/audit.ts); tests may leave it out. */
  audit?: BackgroundAudit;
  /**
   * Settles once the models are installed (the background fetches the packaged blob at start);
   * a customer reading waits for it. Absent when they are installed before the first message.
   */
  modelsReady?: Promise<void>;
  /**
   * The effective settings, as the background reads them itself: the privacy mode and agent
   * label a row is stored under come from here, whatever the row says.
   */
  settings: () => Promise<Settings>;
  /** Keyed ticket hashes (lib/background/keys.ts). */
  ticketKeys: TicketKeys;
  /** Writes per tab (lib/background/rate-limit.ts). */
  writeLimit: WriteLimiter;
  /** The folder hand-over, one run at a time (lib/background/handover-schedule.ts); absent in tests that do not need it. */
  handover?: (force: boolean) => Promise<HandoverRun | null>;
}

/**
 * The sender as far as the handler cares. The listener fills it from `runtime.MessageSender`:
 * a content script's message comes with its tab and the helpdesk page's URL; a page of the
 * extension (popup, options, dashboard, also when opened in a tab) has a URL on the extension's
 * own origin, which no web page can have.
 */
export interface SenderInfo {
  tabId?: number;
  /** True only for a page of this extension (its URL is on the extension's origin). */
  extensionPage?: boolean;
}

/** The longest status detail the popup is given. */
const MAX_STATUS_CHARS = 1000;
/** Ticket ids longer than this are not ticket ids. */
const MAX_TICKET_ID_CHARS = 500;
/** Bounds on a customer reading request: a thread, not a book. */
const MAX_CUSTOMER_MESSAGES = 1000;
const MAX_CUSTOMER_CHARS = 5_000_000;

function tabOf(sender: SenderInfo): number {
  if (sender.tabId === undefined || sender.extensionPage) {
    throw new Error('content-script messages come from a helpdesk tab');
  }
  return sender.tabId;
}

function requireExtensionPage(sender: SenderInfo): void {
  if (sender.extensionPage !== true) {
    throw new Error('this question is answered to the extension page (popup, options) only');
  }
}

function isTabStatus(v: unknown): v is TabStatus {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    (s.helpdesk === null || (typeof s.helpdesk === 'string' && s.helpdesk.length <= 100)) &&
    typeof s.host === 'string' &&
    s.host.length <= 253 &&
    typeof s.state === 'string' &&
    ['active', 'paused-by-user', 'paused-error', 'waiting', 'switched-off'].includes(s.state) &&
    typeof s.detail === 'string'
  );
}

/**
 * Checks, protects and writes a tab's events: refused events are named in the answer, the rest
 * are written under the background's own privacy mode and agent label, in one transaction.
 */
async function recordEvents(input: unknown, sender: SenderInfo, deps: BackgroundDeps) {
  const tab = tabOf(sender);
  const checked = checkEvents(input, deps.now());
  if (!deps.writeLimit.take(tab, checked.events.length + checked.refused.length)) {
    throw new Error('too many writes from this tab; they are kept and retried later');
  }
  return writeChecked(checked, deps);
}

/**
 * Events a page left in its outbox as it unloaded (lib/background/outbox-drain.ts): checked and
 * protected exactly like a tab's, without a tab to limit.
 */
export async function recordOrphanedEvents(input: unknown, deps: BackgroundDeps) {
  return writeChecked(checkEvents(input, deps.now()), deps);
}

async function writeChecked({ events, refused }: ReturnType<typeof checkEvents>, deps: BackgroundDeps) {
  const settings = await deps.settings();
  const protectedEvents = events.map(
    (e): LogEvent =>
      e.kind === 'override'
        ? { ...e, row: { ...protectRow(e.row, settings.privacyMode, redactPii), agent: settings.agentLabel } }
        : e,
  );
  const stored = await applyEvents(deps.db, protectedEvents, {
    // A note given later follows the stricter of the row's mode and the settings'.
    note: (row, note) => protectText(note, stricterMode(row.privacy, settings.privacyMode), redactPii),
    chain: await deps.audit?.context(),
  });
  if (stored) deps.audit?.afterWrite();
  return { stored, refused };
}

/**
 * Answers one message. Kept apart from `runtime.onMessage` plumbing so it can be unit-tested
 * with a real (fake-indexeddb) database. A message the sender may not send, or that does not
 * hold what its type says, is answered with an error (the listener sends it back as data).
 */
export async function handleMessage<T extends MessageType>(
  message: Message<T>,
  sender: SenderInfo,
  deps: BackgroundDeps,
): Promise<Response<T>> {
  const m = message as Message;
  switch (m.type) {
    case 'content→background:record-overrides': {
      const rows: unknown = m.rows;
      if (!Array.isArray(rows)) throw new Error('record-overrides needs a list of rows');
      const events = rows.map((row: unknown, i) => ({
        kind: 'override',
        id: (row as { id?: unknown } | null)?.id,
        seq: i,
        row,
      }));
      return (await recordEvents(events, sender, deps)) as Response<T>;
    }
    case 'content→background:record-events':
      return (await recordEvents(m.events, sender, deps)) as Response<T>;
    case 'content→background:ticket-hash': {
      tabOf(sender);
      const { helpdesk, ticketId } = m as { helpdesk: unknown; ticketId: unknown };
      if (typeof helpdesk !== 'string' || typeof ticketId !== 'string' || ticketId.length > MAX_TICKET_ID_CHARS) {
        throw new Error('ticket-hash needs a helpdesk and a ticket id');
      }
      const settings = await deps.settings();
      return { ticketHash: await deps.ticketKeys.hash(helpdesk, ticketId, settings.ticketIdSecret) } as Response<T>;
    }
    case 'content→background:tab-status': {
      const tab = tabOf(sender);
      if (!isTabStatus(m.status)) throw new Error('tab-status needs a status');
      // Kept as data (never markup), and short: the popup shows it.
      deps.tabStatus.set(tab, { ...m.status, detail: m.status.detail.slice(0, MAX_STATUS_CHARS) });
      return { ok: true } as Response<T>;
    }
    case 'content→background:analyze-customer': {
      tabOf(sender);
      // Structured cloning hands over plain data; anything else is not a list of messages.
      if (!Array.isArray(m.messages) || !m.messages.every((t) => typeof t === 'string')) {
        throw new Error('analyze-customer needs a list of message texts');
      }
      const chars = m.messages.reduce((n, t) => n + t.length, 0);
      if (m.messages.length > MAX_CUSTOMER_MESSAGES || chars > MAX_CUSTOMER_CHARS) {
        throw new Error('analyze-customer takes at most 1,000 messages and 5 million characters');
      }
      await deps.modelsReady;
      return { customer: analyzeCustomer(m.messages) } as Response<T>;
    }
    case 'content→background:phone-metadata':
      return { metadata: PHONE_METADATA } as Response<T>;
    case 'popup→background:tab-status':
      requireExtensionPage(sender);
      return { status: deps.tabStatus.get(m.tabId) ?? null } as Response<T>;
    case 'options→background:handover': {
      requireExtensionPage(sender);
      if (typeof m.force !== 'boolean') throw new Error('handover: force must be true or false');
      if (!deps.handover) throw new Error('the hand-over is not available here');
      return { run: await deps.handover(m.force) } as Response<T>;
    }
    case 'popup→background:today': {
      requireExtensionPage(sender);
      // This browser's own decisions only: `overrides` holds the live rows; rows imported from
      // a team's files (the `imported` table) are other agents' days, not "decided today" here.
      const start = new Date(deps.now());
      start.setHours(0, 0, 0, 0);
      const rows = await deps.db.overrides.where('decidedAt').aboveOrEqual(start.getTime()).toArray();
      const count = (o: string) => rows.filter((r) => r.outcome === o).length;
      return {
        seen: rows.length,
        accepted: count('accepted'),
        edited: count('edited'),
        rejected: count('rejected'),
        escalated: count('escalated'),
      } as Response<T>;
    }
  }
}
