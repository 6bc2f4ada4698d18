import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { controlsCoveredByReplyGuard } from './controls';
import { type Harness, openHarness, openTicket, overlay } from './harness';

/**
 * The agent's control over where ReplyGuard sits: it folds to a pill, can be dragged, and keeps
 * its place per helpdesk across page loads, as long as that place covers none of the helpdesk's
 * controls.
 */
/** The box once it has stopped moving: two reads 400 ms apart agree. */
async function settledBox(el: Locator): Promise<{ x: number; y: number }> {
  let before = await el.boundingBox();
  for (let i = 0; i < 25; i++) {
    await new Promise((r) => setTimeout(r, 400));
    const now = await el.boundingBox();
    if (before && now && before.x === now.x && before.y === now.y) return now;
    before = now;
  }
  throw new Error(`the overlay never settled (last at ${JSON.stringify(before)})`);
}

const TICKET = 'https://acme.zendesk.com/agent/tickets/1001';

describe('the overlay’s place', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('folds to a pill, is dragged, and stays where the agent dropped it after a reload', async () => {
    h = await openHarness();
    const page = h.page;
    await openTicket(page, TICKET);
    await overlay(page, '[data-rg-mode="panel"]').waitFor();
    await overlay(page, 'button[aria-label="Collapse ReplyGuard"]').click();
    const pill = overlay(page, '[data-rg-mode="pill"]');
    await pill.waitFor();
    await page.waitForTimeout(500); // placed, and not moving any more
    const from = await pill.boundingBox();
    if (!from) throw new Error('no pill');
    // Drag it by its text to an empty area near the bottom left.
    const grab = { x: from.x + 30, y: from.y + from.height / 2 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(120, 780, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await pill.boundingBox())?.x ?? 0).toBeLessThan(200);
    // Where it settles, not where the drop first put it: placement may still snap it to the
    // nearest free spot a moment later (placement runs at most every few hundred ms).
    const dropped = await settledBox(pill);
    expect(await controlsCoveredByReplyGuard(page)).toEqual([]);

    await page.reload();
    await page.waitForSelector('body[data-fixture-ready]');
    await pill.waitFor();
    await page.waitForTimeout(1500); // the saved place is read from storage after the first placement
    await settledBox(pill);
    await expect
      .poll(
        async () => {
          const box = await pill.boundingBox();
          return box && dropped ? Math.hypot(box.x - dropped.x, box.y - dropped.y) : Number.POSITIVE_INFINITY;
        },
        { timeout: 5000 },
      )
      .toBeLessThan(24);
    expect(await controlsCoveredByReplyGuard(page)).toEqual([]);

    // Unfolded, the panel takes the free spot nearest the agent's place, and still covers nothing.
    await overlay(page, 'button[aria-label="Expand ReplyGuard"]').click();
    await overlay(page, '[data-rg-mode="panel"]').waitFor();
    expect(await controlsCoveredByReplyGuard(page)).toEqual([]);
  });
});
