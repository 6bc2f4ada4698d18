import { describe, expect, it } from 'vitest';
import { drainOrphanedOutbox, ORPHAN_AFTER_MS } from '@/lib/background/outbox-drain';
import { type LogEvent, overrideEvent } from '@/lib/overrides/events';
import { row } from '../../fixtures/rows';

function storage(entries: Record<string, unknown>) {
  const data = new Map(Object.entries(entries));
  return {
    data,
    get: async () => Object.fromEntries(data),
    remove: async (keys: string[]) => {
      for (const k of keys) data.delete(k);
    },
  };
}

describe('events a closed page left in its outbox', () => {
  it('are written by the background, oldest first, and removed; fresh ones are left to their page', async () => {
    const now = 10_000_000;
    const at = (ms: number, id: string): LogEvent => ({ ...overrideEvent(row({ id })), seq: ms * 1000 });
    const s = storage({
      'outbox:b': at(now - 10_000, 'b'),
      'outbox:a': at(now - 20_000, 'a'),
      'outbox:fresh': at(now - ORPHAN_AFTER_MS / 2, 'fresh'),
      settings: { privacyMode: 'none' },
    });
    const written: string[] = [];
    const n = await drainOrphanedOutbox(s, async (events) => written.push(...events.map((e) => e.id)), now);
    expect(n).toBe(2);
    expect(written).toEqual(['a', 'b']);
    expect([...s.data.keys()].sort()).toEqual(['outbox:fresh', 'settings']);
  });

  it('keeps them when the write fails, for the next try', async () => {
    const s = storage({ 'outbox:a': { ...overrideEvent(row({ id: 'a' })), seq: 1 } });
    await expect(drainOrphanedOutbox(s, () => Promise.reject(new Error('disk full')), 10_000_000)).rejects.toThrow(
      'disk full',
    );
    expect(s.data.has('outbox:a')).toBe(true);
  });
});
