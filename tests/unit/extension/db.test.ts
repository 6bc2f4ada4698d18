import { describe, expect, it } from 'vitest';
import { handleMessage } from '@/lib/background/handle-message';
import { purgeExpired, RETENTION_ALARM, RETENTION_PERIOD_MINUTES, scheduleRetention } from '@/lib/background/retention';
import type { ReplyGuardDb } from '@/lib/db/database';
import { applyEvents, putOverrides, recentOverrides } from '@/lib/db/overrides';
import { analyzeCustomer } from '@/lib/engine/signals';
import type { TabStatus } from '@/lib/messaging/protocol';
import { overrideEvent, reasonEvent } from '@/lib/overrides/events';
import { backgroundDeps } from '../../fixtures/background';
import { freshDatabases, liveRow, row } from '../../fixtures/rows';

const freshDb = freshDatabases('test');

describe('putOverrides', () => {
  it('stores new rows and treats a repeated id as a no-op', async () => {
    const db = freshDb();
    const a = row();
    const b = row();
    expect(await putOverrides(db, [a, b])).toBe(2);
    expect(await putOverrides(db, [a, { ...b, outcome: 'rejected' }])).toBe(0);
    expect(await db.overrides.count()).toBe(2);
    expect((await db.overrides.get(b.id))?.outcome).toBe('accepted');
  });

  it('keeps one row when a batch repeats an id', async () => {
    const db = freshDb();
    const a = row();
    expect(await putOverrides(db, [a, a, a])).toBe(1);
    expect(await db.overrides.count()).toBe(1);
  });

  it('lists newest decisions first', async () => {
    const db = freshDb();
    await putOverrides(db, [row({ decidedAt: 10 }), row({ decidedAt: 30 }), row({ decidedAt: 20 })]);
    expect((await recentOverrides(db)).map((r) => r.decidedAt)).toEqual([30, 20, 10]);
  });
});

describe('handleMessage', () => {
  const deps = (db: ReplyGuardDb) => backgroundDeps(db);
  const page = { extensionPage: true };

  it('records rows from the content script and answers how many were new', async () => {
    const db = freshDb();
    const d = deps(db);
    const rows = [liveRow(), liveRow()];
    expect(await handleMessage({ type: 'content→background:record-overrides', rows }, { tabId: 1 }, d)).toEqual({
      stored: 2,
      refused: [],
    });
    expect(await handleMessage({ type: 'content→background:record-overrides', rows }, { tabId: 1 }, d)).toEqual({
      stored: 0,
      refused: [],
    });
  });

  it('keeps the status each tab reports for the popup', async () => {
    const d = deps(freshDb());
    const status: TabStatus = { helpdesk: 'zendesk', host: 'acme.zendesk.com', state: 'active', detail: '' };
    await handleMessage({ type: 'content→background:tab-status', status }, { tabId: 7 }, d);
    expect(await handleMessage({ type: 'popup→background:tab-status', tabId: 7 }, page, d)).toEqual({ status });
    expect(await handleMessage({ type: 'popup→background:tab-status', tabId: 8 }, page, d)).toEqual({ status: null });
  });

  it("reads the customer's messages with the same engine as the CLI", async () => {
    const d = deps(freshDb());
    const messages = ['My card was charged twice.', 'This is useless. I want to speak to your manager.'];
    const answer = await handleMessage({ type: 'content→background:analyze-customer', messages }, { tabId: 3 }, d);
    expect(answer).toEqual({ customer: analyzeCustomer(messages) });
    expect(answer.customer?.escalation.kinds).toContain('manager');
    expect(await handleMessage({ type: 'content→background:analyze-customer', messages: [] }, { tabId: 3 }, d)).toEqual(
      {
        customer: null,
      },
    );
  });

  it('refuses an analyze-customer request that is not a list of texts', async () => {
    const d = deps(freshDb());
    const bad = { type: 'content→background:analyze-customer', messages: [42] } as unknown as Parameters<
      typeof handleMessage
    >[0];
    await expect(handleMessage(bad, { tabId: 3 }, d)).rejects.toThrow(/list of message texts/);
  });

  it("counts today's decisions by outcome", async () => {
    const db = freshDb();
    const now = Date.now();
    await putOverrides(db, [
      row({ decidedAt: now, outcome: 'accepted' }),
      row({ decidedAt: now, outcome: 'edited' }),
      row({ decidedAt: now - 3 * 86_400_000, outcome: 'rejected' }),
    ]);
    const today = await handleMessage({ type: 'popup→background:today' }, page, deps(db));
    expect(today).toEqual({ seen: 2, accepted: 1, edited: 1, rejected: 0, escalated: 0 });
  });
});

describe('applyEvents', () => {
  const full = { privacy: 'full', redact: (t: string) => t } as const;
  it('stores rows, then reasons given later, and a repeated delivery changes nothing', async () => {
    const db = freshDb();
    const r = row({ outcome: 'edited' });
    const events = [overrideEvent(r), reasonEvent(r.id, 'tone', 'too chirpy', full)];
    expect(await applyEvents(db, events)).toBe(2);
    expect(await db.overrides.get(r.id)).toMatchObject({ reason: 'tone', note: 'too chirpy' });
    await applyEvents(db, events);
    expect(await db.overrides.count()).toBe(1);
  });

  it('drops a reason whose row is gone instead of blocking the queue', async () => {
    const db = freshDb();
    expect(await applyEvents(db, [reasonEvent('missing', 'policy', null, full)])).toBe(0);
  });
});

describe('retention', () => {
  it('purges rows older than the retention period and keeps the rest', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 26);
    const day = 86_400_000;
    await putOverrides(db, [
      row({ decidedAt: now - 91 * day }),
      row({ decidedAt: now - 89 * day }),
      row({ decidedAt: now }),
    ]);
    expect(await purgeExpired(db, 90, now)).toBe(1);
    expect(await db.overrides.count()).toBe(2);
    expect(await purgeExpired(db, 0, now)).toBe(0);
  });
});

describe('scheduleRetention', () => {
  function fakeAlarms(existing: string[] = []) {
    const created: { name: string; info: object }[] = [];
    let listener: ((alarm: { name: string }) => void) | null = null;
    return {
      created,
      fire: (name: string) => listener?.({ name }),
      api: {
        get: async (name: string) => (existing.includes(name) ? { name } : undefined),
        create: (name: string, info: object) => {
          created.push({ name, info });
        },
        onAlarm: { addListener: (l: (alarm: { name: string }) => void) => (listener = l) },
      },
    };
  }

  it('creates the purge alarm once and purges when it fires', async () => {
    const alarms = fakeAlarms();
    let purges = 0;
    await scheduleRetention(alarms.api, async () => {
      purges += 1;
    });
    expect(alarms.created).toEqual([
      { name: RETENTION_ALARM, info: { delayInMinutes: 1, periodInMinutes: RETENTION_PERIOD_MINUTES } },
    ]);
    alarms.fire('something-else');
    alarms.fire(RETENTION_ALARM);
    expect(purges).toBe(1);
  });

  it('keeps an existing alarm, so a service worker restart does not push the purge back', async () => {
    const alarms = fakeAlarms([RETENTION_ALARM]);
    await scheduleRetention(alarms.api, async () => {});
    expect(alarms.created).toEqual([]);
  });
});
