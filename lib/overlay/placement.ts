/** A rectangle in the top window's viewport coordinates. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Where the overlay goes and in which form. */
export interface Placement {
  /** `panel`: findings and the customer chip; `pill`: a small handle; `hidden`: no free spot at all. */
  mode: 'panel' | 'pill' | 'hidden';
  top: number;
  left: number;
  width: number;
  /** The height the panel may take (it scrolls inside); the pill's own height. */
  height: number;
  /** Where it went relative to the composer, for styling and tests. */
  side: 'right' | 'left' | 'above' | 'below' | 'free';
}

export interface PlaceRequest {
  viewport: { width: number; height: number };
  /** The composer, never covered; null when the page has none open (the pill shows then). */
  composer: Box | null;
  /** The helpdesk's visible controls (buttons, links, inputs, menus, editor toolbars): never covered. */
  obstacles: readonly Box[];
  /** The panel's natural height (its content). */
  panelHeight: number;
  /** False when the agent collapsed the panel to the pill. */
  wantPanel: boolean;
  /** Top-left of where the agent last moved the overlay on this helpdesk: preferred while it is free. */
  preferred?: { left: number; top: number } | null;
  pill?: { width: number; height: number };
}

export const PANEL_WIDTH = 320;
const PANEL_WIDTHS = [PANEL_WIDTH, 280, 256] as const;
/** Below this the panel is not worth showing; the pill takes its place. */
const MIN_PANEL_HEIGHT = 140;
const MAX_PANEL_SHARE = 0.6;
export const PILL_SIZE = { width: 168, height: 32 } as const;
/** Space kept around the helpdesk's controls and from the viewport's edges. */
const GAP = 8;
/** The free-space grid's cell: fine enough to fit between controls, coarse enough to search fast. */
const CELL = 8;

/**
 * Marks the viewport cells any obstacle touches (grown by GAP) and answers "is this rectangle
 * free?" in constant time from 2-D prefix sums. Conservative: a rectangle that shares a cell
 * with an obstacle counts as blocked.
 */
class FreeSpace {
  readonly #cols: number;
  readonly #rows: number;
  readonly #sums: Int32Array;

  constructor(viewport: { width: number; height: number }, obstacles: readonly Box[]) {
    const cols = Math.max(1, Math.ceil(viewport.width / CELL));
    const rows = Math.max(1, Math.ceil(viewport.height / CELL));
    const grid = new Uint8Array(cols * rows);
    for (const b of obstacles) {
      const c0 = Math.max(0, Math.floor((b.left - GAP) / CELL));
      const c1 = Math.min(cols - 1, Math.floor((b.left + b.width + GAP - 1) / CELL));
      const r0 = Math.max(0, Math.floor((b.top - GAP) / CELL));
      const r1 = Math.min(rows - 1, Math.floor((b.top + b.height + GAP - 1) / CELL));
      for (let r = r0; r <= r1; r++) grid.fill(1, r * cols + c0, r * cols + c1 + 1);
    }
    const sums = new Int32Array((cols + 1) * (rows + 1));
    for (let r = 0; r < rows; r++) {
      let row = 0;
      for (let c = 0; c < cols; c++) {
        row += grid[r * cols + c] as number;
        sums[(r + 1) * (cols + 1) + c + 1] = (sums[r * (cols + 1) + c + 1] as number) + row;
      }
    }
    this.#cols = cols;
    this.#rows = rows;
    this.#sums = sums;
  }

  /** Whether cells [c0, c0+w) × [r0, r0+h) hold no obstacle. */
  free(c0: number, r0: number, w: number, h: number): boolean {
    const c1 = c0 + w;
    const r1 = r0 + h;
    if (c0 < 0 || r0 < 0 || c1 > this.#cols || r1 > this.#rows) return false;
    const W = this.#cols + 1;
    const s = this.#sums;
    return (
      (s[r1 * W + c1] as number) -
        (s[r0 * W + c1] as number) -
        (s[r1 * W + c0] as number) +
        (s[r0 * W + c0] as number) ===
      0
    );
  }

  get cols(): number {
    return this.#cols;
  }

  get rows(): number {
    return this.#rows;
  }
}

/** Gap between two boxes (0 when they touch or overlap). */
function distance(a: Box, b: Box): number {
  const dx = Math.max(0, b.left - (a.left + a.width), a.left - (b.left + b.width));
  const dy = Math.max(0, b.top - (a.top + a.height), a.top - (b.top + b.height));
  return Math.hypot(dx, dy);
}

function sideOf(box: Box, composer: Box | null): Placement['side'] {
  if (!composer) return 'free';
  if (box.left >= composer.left + composer.width) return 'right';
  if (box.left + box.width <= composer.left) return 'left';
  if (box.top + box.height <= composer.top) return 'above';
  if (box.top >= composer.top + composer.height) return 'below';
  return 'free';
}

/**
 * The best free spot for a box of `width` × `height` px, or null when none is free. Best: nearest
 * the agent's own place when they moved it, else beside the composer (right first, its top
 * aligned with the composer's), else the bottom-right corner.
 */
function bestSpot(
  space: FreeSpace,
  width: number,
  height: number,
  score: (box: Box) => number,
): { left: number; top: number } | null {
  const w = Math.ceil(width / CELL);
  const h = Math.ceil(height / CELL);
  const edge = Math.ceil(GAP / CELL);
  let best: { left: number; top: number } | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let r = edge; r + h + edge <= space.rows; r++) {
    for (let c = edge; c + w + edge <= space.cols; c++) {
      if (!space.free(c, r, w, h)) continue;
      const box = { left: c * CELL, top: r * CELL, width, height };
      const s = score(box);
      if (s < bestScore) {
        bestScore = s;
        best = { left: box.left, top: box.top };
      }
    }
  }
  return best;
}

/**
 * Where the overlay goes so that it never covers the composer or any of the helpdesk's visible
 * controls. The panel when the agent wants it and a spot is free (trying narrower and shorter
 * panels before giving up), else the pill in a free spot, else nothing (`hidden`) until room
 * appears. Runs on layout changes only, never per keystroke.
 */
export function placeOverlay(req: PlaceRequest): Placement {
  const { viewport, composer } = req;
  const pill = req.pill ?? PILL_SIZE;
  const space = new FreeSpace(viewport, composer ? [composer, ...req.obstacles] : req.obstacles);
  const corner = { left: viewport.width - GAP, top: viewport.height - GAP, width: 0, height: 0 };
  const preferred = req.preferred ? { left: req.preferred.left, top: req.preferred.top, width: 0, height: 0 } : null;
  const score = (box: Box): number => {
    if (preferred) return Math.hypot(box.left - preferred.left, box.top - preferred.top);
    if (composer) {
      const side = sideOf(box, composer);
      // Beside the composer, top aligned with it, right before left before above or below.
      const penalty = side === 'right' ? 0 : side === 'left' ? 40 : 120;
      return distance(box, composer) * 4 + Math.abs(box.top - composer.top) + penalty;
    }
    return distance(box, corner) * 4;
  };

  if (req.wantPanel && composer) {
    const natural = Math.min(req.panelHeight, Math.floor(viewport.height * MAX_PANEL_SHARE));
    const heights = [...new Set([natural, Math.round(natural * 0.66), MIN_PANEL_HEIGHT])].filter(
      (h) => h >= Math.min(MIN_PANEL_HEIGHT, natural),
    );
    for (const height of heights) {
      for (const width of PANEL_WIDTHS) {
        if (width > viewport.width - 2 * GAP) continue;
        const spot = bestSpot(space, width, height, score);
        if (spot) {
          const box = { ...spot, width, height };
          return { mode: 'panel', ...box, side: sideOf(box, composer) };
        }
      }
    }
  }
  const spot = bestSpot(space, pill.width, pill.height, score);
  if (!spot) return { mode: 'hidden', top: 0, left: 0, width: pill.width, height: pill.height, side: 'free' };
  const box = { ...spot, width: pill.width, height: pill.height };
  return { mode: 'pill', ...box, side: sideOf(box, composer) };
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
