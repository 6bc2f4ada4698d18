import type { Page } from 'playwright-core';

/** A helpdesk control that something of ReplyGuard's covers. */
export interface CoveredControl {
  /** Tag, id, classes and text, enough to find it in the page. */
  control: string;
  /** What `elementFromPoint` found at its centre instead. */
  hit: string;
  x: number;
  y: number;
}

/**
 * Visits every visible interactive element of the helpdesk page (buttons, links, inputs,
 * selects, menus, editor toolbars, anything with a role or a tab stop) and asks
 * `document.elementFromPoint` at its centre what a click there would land on. Returns those
 * where it lands on ReplyGuard (`<replyguard-overlay>` is what the page sees of our shadow root)
 * instead of the control. A control covered by the helpdesk's own elements (a menu over a
 * button) is the helpdesk's business, not ours.
 */
/** What the check visits: everything a person can click, type in or open. */
const CONTROL_SELECTOR = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]:not([tabindex="-1"])',
  '[role="button"]',
  '[role="link"]',
  '[role="menuitem"]',
  '[role="tab"]',
  '[role="option"]',
  '[role="checkbox"]',
  '[role="combobox"]',
  '[role="textbox"]',
].join(', ');

export async function controlsCoveredByReplyGuard(page: Page): Promise<CoveredControl[]> {
  // Let a re-placement that the last change triggered finish (it is throttled to 120 ms).
  await page.waitForTimeout(400);
  // A string, not a function: a bundler's helpers (esbuild's `__name`) do not exist in the page.
  return page.evaluate<CoveredControl[]>(`(() => {
    const SELECTOR = ${JSON.stringify(CONTROL_SELECTOR)};
    const describe = (el) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + (text ? ' "' + text + '"' : '');
    };
    const covered = [];
    for (const el of document.querySelectorAll(SELECTOR)) {
      if (el.closest('replyguard-overlay')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.closest('replyguard-overlay')) covered.push({ control: describe(el), hit: describe(hit), x, y });
    }
    return covered;
  })()`);
}

/**
 * The window sizes the check runs at: a laptop, a small 1024×768 window, and 150 % browser zoom
 * of the laptop window. Zoom is emulated by its effect on layout, a CSS viewport 1.5 times
 * smaller, which is all the page and the overlay see of it.
 */
export const WINDOW_SIZES = [
  { name: '1280×860', width: 1280, height: 860 },
  { name: '1024×768', width: 1024, height: 768 },
  { name: '150 % zoom', width: Math.round(1280 / 1.5), height: Math.round(860 / 1.5) },
] as const;

/** Sizes the page's viewport to one of `WINDOW_SIZES`. */
export async function setWindow(page: Page, size: (typeof WINDOW_SIZES)[number]): Promise<void> {
  await page.setViewportSize({ width: size.width, height: size.height });
}
