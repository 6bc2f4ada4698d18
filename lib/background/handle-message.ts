import type { ReplyGuardDb } from '../db/database';
import { applyEvents, putOverrides } from '../db/overrides';
import { PHONE_METADATA } from '../engine/pii/phone-metadata';
import { analyzeCustomer } from '../engine/signals';
import type { Message, MessageType, Response, TabStatus } from '../messaging/protocol';

/** What the handler needs from its surroundings, passed in so tests can use a plain database. */
export interface BackgroundDeps {
  db: ReplyGuardDb;
  tabStatus: Map<number, TabStatus>;
  now: () => number;
  /**
   * Settles once the models are installed (the background fetches the packaged blob at start);
   * a customer reading waits for it. Absent when they are installed before the first message.
   */
  modelsReady?: Promise<void>;
}

/** The sender as far as the handler cares: which tab a content-script message came from. */
export interface SenderInfo {
  tabId?: number;
}

/**
 * Answers one message. Kept apart from `runtime.onMessage` plumbing so it can be unit-tested
 * with a real (fake-indexeddb) database.
 */
export async function handleMessage<T extends MessageType>(
  message: Message<T>,
  sender: SenderInfo,
  deps: BackgroundDeps,
): Promise<Response<T>> {
  const m = message as Message;
  switch (m.type) {
    case 'content→background:record-overrides': {
      const stored = await putOverrides(deps.db, m.rows);
      return { stored } as Response<T>;
    }
    case 'content→background:record-events': {
      const stored = await applyEvents(deps.db, m.events);
      return { stored } as Response<T>;
    }
    case 'content→background:tab-status': {
      if (sender.tabId !== undefined) deps.tabStatus.set(sender.tabId, m.status);
      return { ok: true } as Response<T>;
    }
    case 'content→background:analyze-customer': {
      // Structured cloning hands over plain data; anything else is not a list of messages.
      if (!Array.isArray(m.messages) || !m.messages.every((t) => typeof t === 'string')) {
        throw new Error('analyze-customer needs a list of message texts');
      }
      await deps.modelsReady;
      return { customer: analyzeCustomer(m.messages) } as Response<T>;
    }
    case 'content→background:phone-metadata':
      return { metadata: PHONE_METADATA } as Response<T>;
    case 'popup→background:tab-status':
      return { status: deps.tabStatus.get(m.tabId) ?? null } as Response<T>;
    case 'popup→background:today': {
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
