import type { Severity } from '../engine/types';

/** Highlight names registered in `CSS.highlights`; DESIGN.md's test hooks rely on the prefix. */
export const HIGHLIGHT_NAMES = {
  critical: 'replyguard-critical',
  warning: 'replyguard-warning',
  info: 'replyguard-info',
  cue: 'replyguard-cue',
  focus: 'replyguard-focus',
} as const;

export type HighlightKind = Severity | 'cue' | 'focus';

/** Underlines, not fills, so ours stay distinct from Grammarly's and from the editor's selection. */
export const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAMES.critical}) { text-decoration: underline wavy #d93025 2px; text-underline-offset: 3px; background-color: rgba(217, 48, 37, 0.12); }
::highlight(${HIGHLIGHT_NAMES.warning}) { text-decoration: underline wavy #e37400 2px; text-underline-offset: 3px; background-color: rgba(227, 116, 0, 0.10); }
::highlight(${HIGHLIGHT_NAMES.info}) { text-decoration: underline dotted #1a73e8 2px; text-underline-offset: 3px; }
::highlight(${HIGHLIGHT_NAMES.cue}) { background-color: rgba(142, 36, 170, 0.18); text-decoration: underline dashed #8e24aa 1px; }
::highlight(${HIGHLIGHT_NAMES.focus}) { background-color: rgba(255, 213, 0, 0.55); }
`;

/** Whether this document can paint highlights without touching the DOM. */
export function supportsHighlights(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

/**
 * Paints text ranges with the CSS Custom Highlight API. The registry is per document, so one
 * painter per document (and frame); the `::highlight()` styles go in a single `<style>` of ours.
 */
export class HighlightPainter {
  readonly #win: Window & typeof globalThis;
  #style: HTMLStyleElement | null = null;
  readonly #owned = new Set<string>();
  readonly #layer: (() => (ParentNode & Node) | null) | undefined;
  readonly #boxes = new Map<HighlightKind, readonly Range[]>();
  #boxLayer: HTMLDivElement | null = null;
  #frame = 0;
  #listening = false;

  /**
   * @param layer where positioned fallback boxes go when the Highlight API is missing (our
   *   shadow root); without one, nothing is painted there.
   */
  constructor(win: Window & typeof globalThis, layer?: () => (ParentNode & Node) | null) {
    this.#win = win;
    this.#layer = layer;
  }

  get supported(): boolean {
    return supportsHighlights(this.#win);
  }

  /** Replaces what is painted for `kind` (cues in the thread; severities and focus in the composer). */
  paint(kind: HighlightKind, ranges: readonly Range[]): void {
    if (!this.supported) {
      this.#boxes.set(kind, ranges);
      this.#scheduleBoxes();
      return;
    }
    this.#ensureStyle();
    const name = HIGHLIGHT_NAMES[kind];
    if (ranges.length === 0) {
      this.#win.CSS.highlights.delete(name);
      this.#owned.delete(name);
      return;
    }
    const highlight = new this.#win.Highlight(...ranges);
    // Focus sits above severities, severities above cues.
    highlight.priority = kind === 'focus' ? 3 : kind === 'critical' ? 2 : kind === 'cue' ? 0 : 1;
    this.#win.CSS.highlights.set(name, highlight);
    this.#owned.add(name);
  }

  clear(): void {
    if (!this.supported) {
      this.#boxes.clear();
      this.#boxLayer?.replaceChildren();
      return;
    }
    for (const name of this.#owned) this.#win.CSS.highlights.delete(name);
    this.#owned.clear();
  }

  dispose(): void {
    this.clear();
    this.#style?.remove();
    this.#style = null;
    this.#boxLayer?.remove();
    this.#boxLayer = null;
    this.#win.cancelAnimationFrame(this.#frame);
    if (this.#listening) {
      this.#win.removeEventListener('scroll', this.#onMove, true);
      this.#win.removeEventListener('resize', this.#onMove);
    }
  }

  readonly #onMove = () => this.#scheduleBoxes();

  /** Fallback: boxes from `Range.getClientRects()`, redrawn on the next frame and on scroll/resize. */
  #scheduleBoxes(): void {
    if (!this.#listening) {
      this.#listening = true;
      this.#win.addEventListener('scroll', this.#onMove, { capture: true, passive: true });
      this.#win.addEventListener('resize', this.#onMove, { passive: true });
    }
    this.#win.cancelAnimationFrame(this.#frame);
    this.#frame = this.#win.requestAnimationFrame(() => this.#drawBoxes());
  }

  #drawBoxes(): void {
    const host = this.#layer?.();
    if (!host) return;
    if (!this.#boxLayer?.isConnected) {
      this.#boxLayer = this.#win.document.createElement('div');
      this.#boxLayer.className = 'rg-boxes';
      this.#boxLayer.setAttribute('aria-hidden', 'true');
      host.append(this.#boxLayer);
    }
    const boxes: HTMLElement[] = [];
    for (const [kind, ranges] of this.#boxes) {
      for (const range of ranges) {
        for (const rect of Array.from(range.getClientRects())) {
          const box = this.#win.document.createElement('div');
          box.className = `rg-box rg-box--${kind}`;
          box.dataset.rgBox = kind;
          box.style.cssText = `top:${rect.top}px;left:${rect.left}px;width:${rect.width}px;height:${rect.height}px`;
          boxes.push(box);
        }
      }
    }
    this.#boxLayer.replaceChildren(...boxes);
  }

  #ensureStyle(): void {
    if (this.#style?.isConnected) return;
    const style = this.#win.document.createElement('style');
    style.dataset.replyguard = 'highlights';
    style.textContent = HIGHLIGHT_CSS;
    (this.#win.document.head ?? this.#win.document.documentElement).append(style);
    this.#style = style;
  }
}
