/** A rectangle in the top window's viewport coordinates. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  width: number;
  /** Where the panel went, for styling and tests. */
  side: 'right' | 'left' | 'above' | 'below' | 'corner';
  /** Set when the panel must shrink to fit (above a composer near the top). */
  maxHeight?: number;
}

export const PANEL_WIDTH = 320;
const GAP = 8;
/** Less room than this is not worth a squeezed panel. */
const MIN_HEIGHT = 160;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/**
 * Where the findings panel goes so it covers neither the composer nor the helpdesk's controls
 * (send buttons, AI cards and their insert buttons, given in `avoid`): the first of beside the
 * composer (right, left), above it, below it that fits the viewport and clears them, else
 * docked in the top-right corner.
 */
export function placePanel(
  anchor: Box,
  viewport: { width: number; height: number },
  panelHeight: number,
  avoid: readonly Box[] = [],
): Placement {
  const width = Math.min(PANEL_WIDTH, viewport.width - 2 * GAP);
  const height = Math.min(panelHeight, viewport.height - 2 * GAP);
  const top = Math.min(Math.max(GAP, anchor.top), viewport.height - height - GAP);
  const alongside = Math.max(GAP, Math.min(anchor.left, viewport.width - width - GAP));
  const roomAbove = anchor.top - 2 * GAP;
  const below = anchor.top + anchor.height + GAP;
  const candidates: Placement[] = [
    { top, left: anchor.left + anchor.width + GAP, width, side: 'right' },
    { top, left: anchor.left - GAP - width, width, side: 'left' },
    {
      top: anchor.top - GAP - Math.min(height, roomAbove),
      left: alongside,
      width,
      side: 'above',
      maxHeight: Math.min(height, roomAbove),
    },
    { top: below, left: alongside, width, side: 'below', maxHeight: viewport.height - below - GAP },
  ];
  const blocked = [anchor, ...avoid];
  for (const c of candidates) {
    const h = c.maxHeight ?? height;
    const box = { top: c.top, left: c.left, width: c.width, height: h };
    const inside =
      c.left >= GAP && c.left + c.width <= viewport.width - GAP && c.top >= GAP && h >= Math.min(height, MIN_HEIGHT);
    if (inside && !blocked.some((b) => overlaps(box, b))) return c;
  }
  return { top: GAP, left: viewport.width - width - GAP, width, side: 'corner' };
}

/**
 * An element's box in the top window, adding up the offsets of the frames it sits in (an editor
 * inside a same-origin iframe reports its rect in the iframe's own coordinates).
 */
export function boxInTopWindow(el: Element): Box {
  const rect = el.getBoundingClientRect();
  let top = rect.top;
  let left = rect.left;
  let frame = el.ownerDocument.defaultView?.frameElement ?? null;
  while (frame) {
    const f = frame.getBoundingClientRect();
    top += f.top + frame.clientTop;
    left += f.left + frame.clientLeft;
    frame = frame.ownerDocument.defaultView?.frameElement ?? null;
  }
  return { top, left, width: rect.width, height: rect.height };
}
