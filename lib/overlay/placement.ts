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
  side: 'right' | 'left' | 'above' | 'corner';
  /** Set when the panel must shrink to fit (above a composer near the top). */
  maxHeight?: number;
}

export const PANEL_WIDTH = 320;
const GAP = 8;
/** Less room than this above the composer is not worth a squeezed panel. */
const MIN_ABOVE = 160;

/**
 * Where the findings panel goes so it never covers the composer or the controls under it:
 * beside the composer (right, else left), else above it, else docked in the top-right corner.
 * Below is never chosen: send buttons live there.
 */
export function placePanel(anchor: Box, viewport: { width: number; height: number }, panelHeight: number): Placement {
  const top = Math.min(
    Math.max(GAP, anchor.top),
    Math.max(GAP, viewport.height - Math.min(panelHeight, viewport.height) - GAP),
  );
  const right = anchor.left + anchor.width + GAP;
  if (viewport.width - right - GAP >= PANEL_WIDTH) return { top, left: right, width: PANEL_WIDTH, side: 'right' };
  if (anchor.left - GAP - GAP >= PANEL_WIDTH)
    return { top, left: anchor.left - GAP - PANEL_WIDTH, width: PANEL_WIDTH, side: 'left' };
  const width = Math.min(PANEL_WIDTH, viewport.width - 2 * GAP);
  const room = anchor.top - 2 * GAP;
  if (room >= Math.min(panelHeight, MIN_ABOVE)) {
    const height = Math.min(panelHeight, room);
    return {
      top: anchor.top - GAP - height,
      left: Math.max(GAP, Math.min(anchor.left, viewport.width - width - GAP)),
      width,
      side: 'above',
    };
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
