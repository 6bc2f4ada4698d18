import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, handleMessage, type SenderInfo } from '@/lib/background/handle-message';
import { WriteLimiter } from '@/lib/background/rate-limit';
import type { OverrideRow } from '@/lib/db/schema';
import { fingerprint } from '@/lib/engine/fingerprint';
import type { Message, TabStatus } from '@/lib/messaging/protocol';
import { type LogEvent, overrideEvent } from '@/lib/overrides/events';
import type { PrivacyMode } from '@/lib/settings/schema';
import { backgroundDeps } from '../../fixtures/background';
import { MALFORMED_ROWS, SENSITIVE_NOTE, SENSITIVE_PARTS } from '../../fixtures/hostile';
import { freshDatabases, liveRow } from '../../fixtures/rows';

const freshDb = freshDatabases('background-messages');
const TAB: SenderInfo = { tabId: 12 };
const EXTENSION_PAGE: SenderInfo = { extensionPage: true };

const deps = backgroundDeps;

const send = (events: LogEvent[], d: BackgroundDeps, sender: SenderInfo = TAB) =>
  handleMessage({ type: 'content→background:record-events', events }, sender, d);

/**
 * Issue 14, case 8: the background trusted its messages. It now checks every row (shape, sizes,
 * time bounds), refuses a bad one without losing the rest, applies the privacy mode from its own
 * settings, answers the popup's questions only to extension pages, and limits writes per tab.
 */
describe('the background checks what it is sent (hostile corpus)', () => {
  it('masks a row that claims "redacted" but carries an unmasked card number', async () => {
    const db = freshDb();
    const text = 'Your card 4111 1111 1111 1111 is charged.';
    await send(
      [overrideEvent(liveRow({ id: 'claims-redacted', privacy: 'redacted', suggestionText: text, sentText: text }))],
      deps(db),
    );
    const stored = await db.overrides.get('claims-redacted');
    expect(stored?.suggestionText).toBe('Your card [CARD] is charged.');
    expect(stored?.sentText).toBe('Your card [CARD] is charged.');
  });

  it.each([
    ['redacted', 'full', 'redacted', 'Call [PHONE].'],
    ['none', 'full', 'none', null],
    ['none', 'redacted', 'none', null],
    ['full', 'redacted', 'redacted', 'Call [PHONE].'],
    ['redacted', 'none', 'none', null],
  ] as const)('with %s in its settings, a row claiming %s is stored as %s', async (mode, claimed, kept, text) => {
    const db = freshDb();
    const r = liveRow({
      privacy: claimed as PrivacyMode,
      sentText: claimed === 'none' ? null : 'Call (415) 555-2671.',
    });
    await send([overrideEvent(r)], deps(db, { privacyMode: mode }));
    const stored = await db.overrides.get(r.id);
    expect([stored?.privacy, stored?.sentText]).toEqual([kept, claimed === 'none' ? null : text]);
  });

  it('masks a reason note as its settings say (case 1)', async () => {
    for (const mode of ['redacted', 'none'] as const) {
      const db = freshDb();
      const d = deps(db, { privacyMode: mode });
      const r = liveRow({ outcome: 'rejected', privacy: mode });
      await send(
        [
          overrideEvent(r),
          {
            kind: 'reason',
            id: `${r.id}:reason`,
            seq: Date.now() * 1000 + 5,
            overrideId: r.id,
            reason: 'other',
            note: SENSITIVE_NOTE,
          },
        ],
        d,
      );
      const note = (await db.overrides.get(r.id))?.note ?? null;
      if (mode === 'none') expect(note).toBeNull();
      else for (const part of SENSITIVE_PARTS) expect(note, part).not.toContain(part);
      const [day] = await db.summary.toArray();
      for (const part of SENSITIVE_PARTS) expect(JSON.stringify(day?.note), part).not.toContain(part);
    }
  });

  it('recomputes the fingerprints of privacy findings, whatever the row claims (case 2)', async () => {
    const db = freshDb();
    const leaked = fingerprint('pii-ssn', '536-22-1234');
    const r = liveRow({
      findings: [
        { rule: 'pii-ssn', category: 'privacy', severity: 'critical', fingerprint: leaked, dismissed: true },
        {
          rule: 'pii-ssn',
          category: 'privacy',
          severity: 'critical',
          fingerprint: fingerprint('pii-ssn', '219-09-9999'),
          dismissed: false,
        },
      ],
    });
    await send([overrideEvent(r)], deps(db));
    const stored = (await db.overrides.get(r.id))?.findings ?? [];
    expect(stored.map((f) => f.fingerprint)).not.toContain(leaked);
    expect(stored.map((f) => f.dismissed)).toEqual([true, false]);
    // Two SSNs, two occurrences: told apart by position among the rule's findings, not by value.
    expect(new Set(stored.map((f) => f.fingerprint)).size).toBe(2);
  });

  it.each(MALFORMED_ROWS.map(([name, mutate]) => [name, mutate] as const))(
    'refuses a row with %s, names it, and stores the rest',
    async (_name, mutate) => {
      const db = freshDb();
      const good = [liveRow(), liveRow()];
      const bad = mutate(liveRow({ id: 'the-bad-one' }) as unknown as Record<string, unknown>);
      const events = [
        overrideEvent(good[0] as OverrideRow),
        { kind: 'override', id: 'the-bad-one', seq: Date.now() * 1000 + 1, row: bad } as unknown as LogEvent,
        overrideEvent(good[1] as OverrideRow),
      ];
      const answer = await send(events, deps(db));
      expect(answer).toMatchObject({ stored: 2 });
      expect((answer as { refused?: { id: string; reason: string }[] }).refused?.map((r) => r.id)).toEqual([
        'the-bad-one',
      ]);
      expect(await db.overrides.count()).toBe(2);
      expect(await db.overrides.get('the-bad-one')).toBeUndefined();
    },
  );

  it('refuses events that are not events, without storing anything of them', async () => {
    const db = freshDb();
    const good = liveRow();
    const answer = await send(
      [
        { kind: 'delete-all' } as unknown as LogEvent,
        {
          kind: 'reason',
          id: 'x:reason',
          seq: 1,
          overrideId: good.id,
          reason: 'because',
          note: null,
        } as unknown as LogEvent,
        overrideEvent(good),
      ],
      deps(db),
    );
    expect(answer).toMatchObject({ stored: 1 });
    expect((answer as { refused?: unknown[] }).refused).toHaveLength(2);
  });

  it('answers the popup and options questions only to extension pages', async () => {
    const d = deps(freshDb());
    const status: TabStatus = {
      helpdesk: 'zendesk',
      host: 'acme.zendesk.com',
      state: 'active',
      detail: 'Checking ticket 1001',
    };
    await handleMessage({ type: 'content→background:tab-status', status }, { tabId: 7 }, d);
    const ask: Message<'popup→background:tab-status'> = { type: 'popup→background:tab-status', tabId: 7 };
    await expect(handleMessage(ask, { tabId: 9 }, d)).rejects.toThrow(/extension page/);
    await expect(handleMessage({ type: 'popup→background:today' }, { tabId: 9 }, d)).rejects.toThrow(/extension page/);
    await expect(handleMessage(ask, {}, d)).rejects.toThrow(/extension page/);
    expect(await handleMessage(ask, EXTENSION_PAGE, d)).toEqual({ status });
    // The popup page opened in a tab is still an extension page (its URL says so).
    expect(await handleMessage(ask, { tabId: 3, extensionPage: true }, d)).toEqual({ status });
  });

  it('takes content-script messages only from a tab', async () => {
    const d = deps(freshDb());
    await expect(send([overrideEvent(liveRow())], d, EXTENSION_PAGE)).rejects.toThrow(/tab/);
    await expect(send([overrideEvent(liveRow())], d, { tabId: 3, extensionPage: true })).rejects.toThrow(/tab/);
  });

  it('limits writes per tab, and another tab still gets through', async () => {
    const db = freshDb();
    let t = 0;
    const d = deps(db, {}, { writeLimit: new WriteLimiter({ capacity: 10, perSecond: 1, now: () => t }) });
    const burst = (n: number) => Array.from({ length: n }, () => overrideEvent(liveRow()));
    expect(await send(burst(10), d)).toMatchObject({ stored: 10 });
    await expect(send(burst(1), d)).rejects.toThrow(/too many/i);
    expect(await send(burst(5), d, { tabId: 13 })).toMatchObject({ stored: 5 });
    t += 2_000;
    expect(await send(burst(2), d)).toMatchObject({ stored: 2 });
    expect(await db.overrides.count()).toBe(17);
  });
});
