import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, openHarness, openTicket, overlay } from './harness';

/**
 * Hostile input is normal input (DESIGN.md): markup in customer messages stays text, RTL, emoji
 * and zero-width characters are read, a 1 MB paste does not freeze the page, and nothing of ours
 * reaches the page as an error.
 */
describe('hostile customer messages and huge pastes (Zendesk)', () => {
  let h: Harness;
  const errors: string[] = [];
  beforeEach(async () => {
    errors.length = 0;
    h = await openHarness();
    h.page.on('pageerror', (e) => errors.push(e.message));
    await openTicket(h.page, 'https://acme.zendesk.com/agent/tickets/1003');
    await overlay(h.page, '[data-rg-customer]').waitFor();
  });
  afterEach(async () => {
    await h?.close();
  });

  it('reads markup, RTL, emoji and zero-width text as text and still finds the escalation', async () => {
    const chip = overlay(h.page, '[data-rg-customer]');
    expect(await chip.getAttribute('data-escalation')).toBe('true');
    expect(await chip.getAttribute('data-sentiment')).toBe('negative');
    expect(await h.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Nothing the customer wrote became markup in our overlay.
    for (const tag of ['img', 'script', 'iframe']) expect(await overlay(h.page, tag).count()).toBe(0);
    expect(await overlay(h.page, '[data-rg-status="active"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('stays responsive with a 1 MB paste in the composer', async () => {
    const huge = `${'Thanks for waiting, we are looking into it. '.repeat(24_000)}We guarantee a full refund.`;
    expect(huge.length).toBeGreaterThan(1_000_000);
    const started = Date.now();
    await h.page.evaluate((text) => {
      (window as unknown as { fixture: { setComposerText(t: string): void } }).fixture.setComposerText(text);
    }, huge);
    await h.page.waitForTimeout(1500);
    // The page still answers quickly, and ReplyGuard is still active (not crashed, not paused).
    const ping = Date.now();
    await h.page.evaluate(() => 1);
    expect(Date.now() - ping).toBeLessThan(2000);
    expect(await overlay(h.page, '[data-rg-status="active"]').count()).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(errors).toEqual([]);
  });
});
