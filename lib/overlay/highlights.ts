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
const STYLE = `
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

  constructor(win: Window & typeof globalThis) {
    this.#win = win;
  }

  get supported(): boolean {
    return supportsHighlights(this.#win);
  }

  /** Replaces what is painted for `kind` under `scope` (so the thread and the composer paint separately). */
  paint(kind: HighlightKind, scope: string, ranges: readonly Range[]): void {
    if (!this.supported) return;
    this.#ensureStyle();
    const name = `${HIGHLIGHT_NAMES[kind]}${scope ? `-${scope}` : ''}`;
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
    this.#ensureNamedStyle(kind, name);
  }

  clear(): void {
    if (!this.supported) return;
    for (const name of this.#owned) this.#win.CSS.highlights.delete(name);
    this.#owned.clear();
  }

  dispose(): void {
    this.clear();
    this.#style?.remove();
    this.#style = null;
  }

  #ensureStyle(): void {
    if (this.#style?.isConnected) return;
    const style = this.#win.document.createElement('style');
    style.dataset.replyguard = 'highlights';
    style.textContent = STYLE;
    (this.#win.document.head ?? this.#win.document.documentElement).append(style);
    this.#style = style;
  }

  /** Scoped names reuse the base style: `::highlight()` matches names exactly, so add a rule per name. */
  #ensureNamedStyle(kind: HighlightKind, name: string): void {
    if (!this.#style || name === HIGHLIGHT_NAMES[kind] || this.#style.textContent?.includes(`(${name})`)) return;
    const base = new RegExp(`::highlight\\(${HIGHLIGHT_NAMES[kind]}\\) \\{([^}]*)\\}`).exec(STYLE)?.[1] ?? '';
    this.#style.textContent += `::highlight(${name}) {${base}}\n`;
  }
}
