import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, openHarness, sendDemoSuggestion, setSettings, waitForRows } from './harness';

/**
 * The folder hand-over (issue 17.1) in the production build: the background writes the agent's
 * new decisions to the chosen folder, with their audit file, when "Write now" is clicked and when
 * the schedule is due, and says on the options page and the toolbar icon what stops it.
 *
 * The folder is a real `FileSystemDirectoryHandle` kept in IndexedDB, as the options page keeps
 * the one the agent picks; it comes from the origin private file system, because a headless
 * browser cannot click through the native folder picker (`showDirectoryPicker`). Everything
 * after the pick (keeping the handle, the access check, the background's writes through
 * `createWritable`, the status shown) is the real path.
 */

const FOLDER = 'team-share';

async function optionsPage(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.locator('[data-rg-handover-folder="ready"]').waitFor({ timeout: 20_000 });
  return page;
}

/** Keeps a folder of the origin private file system as the hand-over folder, as a pick would. */
async function keepFolder(page: Page): Promise<void> {
  await page.evaluate(async (name) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('replyguard');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('handover', 'readwrite');
        tx.objectStore('handover').put({ name: 'folder', handle: dir, chosenAt: Date.now() });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, FOLDER);
}

/** The folder's files and their text. */
function folderFiles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async (name) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
    const out: Record<string, string> = {};
    for await (const [file, handle] of dir as unknown as AsyncIterable<[string, FileSystemFileHandle]>) {
      out[file] = await (await handle.getFile()).text();
    }
    return out;
  }, FOLDER);
}

/** Asks the background for a scheduled check, as its alarm does. */
function scheduledCheck(page: Page): Promise<{ run: { rows: number; problem: string | null } | null }> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }
    ).chrome.runtime.sendMessage({ type: 'options→background:handover', force: false }),
  );
}

function badge(page: Page): Promise<string> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

describe('the folder hand-over', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
  });

  it('writes the new decisions and their audit file to the chosen folder, now and when the schedule is due, once', async () => {
    h = await openHarness();
    await setSettings(h, { agentLabel: 'Ana Lima' });
    await sendDemoSuggestion(h, '1001', 'Best regards');
    await sendDemoSuggestion(h, '1002', 'Kind regards');
    const rows = await waitForRows(h, 2);

    const page = await optionsPage(h);
    expect(await page.locator('[data-rg-folder]').getAttribute('data-rg-folder')).toBe('');
    await expect.poll(() => page.locator('[data-rg-folder-write]').isDisabled()).toBe(true);
    await keepFolder(page);
    await page.reload();
    await page.locator('[data-rg-handover-folder="ready"]').waitFor();
    expect(await page.locator('[data-rg-folder]').getAttribute('data-rg-folder')).toBe(FOLDER);
    expect(await page.locator('[data-rg-folder]').getAttribute('data-rg-folder-access')).toBe('granted');

    await page.locator('[data-rg-folder-write]').click();
    const note = page.locator('[data-rg-handover-note]');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.getAttribute('data-rg-handover-note')).toBe('ok');
    expect(await note.innerText()).toMatch(/^Wrote 2 decisions: replyguard-ana-lima-\d{8}-\d{6}\.ndjson and /);

    const files = await folderFiles(page);
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(2);
    const rowsName = names.find((n) => n.endsWith('.ndjson')) as string;
    expect(names).toContain(`${rowsName}.audit`);
    const lines = (files[rowsName] ?? '').trim().split('\n');
    const written = lines.map((l) => JSON.parse(l) as { id?: string }).filter((r) => typeof r.id === 'string');
    expect(written.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(await page.locator('[data-rg-handover-last]').getAttribute('data-rg-handover-last')).toBe(rowsName);

    // The schedule: daily, already written today, so the alarm's check writes nothing more.
    await page.locator('select[name="handoverSchedule"]').selectOption('daily');
    expect((await scheduledCheck(page)).run).toBeNull();
    // "Write now" with nothing new says so, and writes no file.
    await page.locator('[data-rg-folder-write]').click();
    await expect.poll(() => note.innerText()).toBe('Nothing new since the last file.');
    expect(Object.keys(await folderFiles(page))).toHaveLength(2);
    expect(await badge(page)).toBe('');
  }, 180_000);

  it('waits for a folder when the schedule is due and none was chosen, and says so on the page and the icon', async () => {
    h = await openHarness();
    await setSettings(h, { handoverSchedule: 'daily' });
    await sendDemoSuggestion(h, '1001', 'Best regards');
    await waitForRows(h, 1);
    const page = await optionsPage(h);
    const { run } = await scheduledCheck(page);
    expect(run?.problem).toMatch(/choose a hand-over folder/);
    expect(await badge(page)).toBe('!');
    await page.reload();
    await expect
      .poll(() => page.locator('[data-rg-handover-problem]').innerText(), { timeout: 15_000 })
      .toMatch(/The hand-over is waiting: choose a hand-over folder/);

    // Once a folder is kept, the next check writes and the icon clears.
    await keepFolder(page);
    expect((await scheduledCheck(page)).run).toMatchObject({ rows: 1, problem: null });
    expect(await badge(page)).toBe('');
  }, 180_000);
});
