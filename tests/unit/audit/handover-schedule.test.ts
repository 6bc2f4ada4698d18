import { describe, expect, it } from 'vitest';
import { handleMessage } from '@/lib/background/handle-message';
import {
  type BadgeApi,
  createHandover,
  HANDOVER_ALARM,
  HANDOVER_CHECK_MINUTES,
  scheduledHandover,
  scheduleHandover,
} from '@/lib/background/handover-schedule';
import { handoverStatus } from '@/lib/handover/state';
import { resolveSettings } from '@/lib/settings/effective';
import { agentLog, memoryFolder, NOW } from '../../fixtures/handover';
import { freshDatabases } from '../../fixtures/rows';

const freshDb = freshDatabases('handover-schedule');

function fakeBadge() {
  const state = { text: '', title: '', color: '' };
  const api: BadgeApi = {
    setBadgeText: ({ text }) => {
      state.text = text;
    },
    setBadgeBackgroundColor: ({ color }) => {
      state.color = color;
    },
    setTitle: ({ title }) => {
      state.title = title;
    },
  };
  return { api, state };
}

describe('the scheduled folder hand-over', () => {
  it('writes when the schedule is due, once a day, and never when it is off', async () => {
    const agent = await agentLog(freshDb(), 3);
    const folder = memoryFolder();
    const daily = resolveSettings({ handoverSchedule: 'daily' });
    expect(await scheduledHandover(agent.db, resolveSettings({}), NOW, folder.handle)).toBeNull();
    expect(await scheduledHandover(agent.db, daily, NOW, folder.handle)).toMatchObject({ rows: 3, problem: null });
    // Later the same day: not due.
    expect(await scheduledHandover(agent.db, daily, NOW + 3_600_000, folder.handle)).toBeNull();
    expect(folder.files.size).toBe(2);
    expect(await handoverStatus(agent.db)).toMatchObject({ lastWrittenAt: NOW });
  });

  it('shows a run that could not write on the toolbar icon, and clears it once one works', async () => {
    const agent = await agentLog(freshDb(), 1);
    const badge = fakeBadge();
    let now = NOW;
    const handover = createHandover(agent.db, {
      settings: async () => resolveSettings({ handoverSchedule: 'daily' }),
      now: () => now,
      action: badge.api,
    });
    const run = await handover(false);
    expect(run?.problem).toMatch(/choose a hand-over folder/);
    expect(badge.state).toMatchObject({ text: '!', title: expect.stringContaining('choose a hand-over folder') });
    // Runs one at a time: two at once give two answers, in order, and neither is lost.
    now += 1000;
    const both = await Promise.all([handover(true), handover(false)]);
    expect(both.map((r) => r?.needsPermission)).toEqual([false, false]);
  });

  it('checks on an alarm created once, so the service worker starting again never pushes it back', async () => {
    const created: { name: string; info: object }[] = [];
    const listeners: ((a: { name: string }) => void)[] = [];
    let checks = 0;
    const alarms = {
      get: async (name: string) => created.find((a) => a.name === name),
      create: (name: string, info: object) => void created.push({ name, info }),
      onAlarm: { addListener: (l: (a: { name: string }) => void) => void listeners.push(l) },
    };
    const check = async () => {
      checks++;
    };
    await scheduleHandover(alarms, check);
    await scheduleHandover(alarms, check);
    expect(created).toEqual([
      { name: HANDOVER_ALARM, info: { delayInMinutes: 1, periodInMinutes: HANDOVER_CHECK_MINUTES } },
    ]);
    for (const l of listeners) l({ name: 'something-else' });
    expect(checks).toBe(0);
    listeners[0]?.({ name: HANDOVER_ALARM });
    expect(checks).toBe(1);
  });

  it('answers "write now" to pages of the extension only', async () => {
    const agent = await agentLog(freshDb(), 1);
    const deps = {
      db: agent.db,
      tabStatus: new Map(),
      now: () => NOW,
      settings: async () => resolveSettings({}),
      ticketKeys: { hash: async () => 'x' },
      writeLimit: { allow: () => true, forget: () => {} },
      handover: async (force: boolean) => ({ written: [], rows: force ? 1 : 0, problem: null, needsPermission: false }),
    } as unknown as Parameters<typeof handleMessage>[2];
    const message = { type: 'options→background:handover', force: true } as const;
    await expect(handleMessage(message, { tabId: 3 }, deps)).rejects.toThrow(/extension page/);
    expect(await handleMessage(message, { extensionPage: true }, deps)).toEqual({
      run: { written: [], rows: 1, problem: null, needsPermission: false },
    });
    await expect(
      handleMessage({ type: 'options→background:handover', force: 'yes' } as never, { extensionPage: true }, deps),
    ).rejects.toThrow(/force/);
  });
});
