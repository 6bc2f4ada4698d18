import type { TextModel } from '../hosts/text-model';
import { HIGHLIGHT_CSS } from './highlights';

/** A plain form field composer: its text lives in `value`, which no DOM range can reach. */
export type FieldComposer = HTMLTextAreaElement | HTMLInputElement;

export function isFieldComposer(el: Element): el is FieldComposer {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/** Styles that decide where each character of the field lands. */
const COPIED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'textAlign',
  'wordSpacing',
  'tabSize',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'boxSizing',
  'direction',
] as const;

/**
 * A transparent copy of a `<textarea>` laid exactly over it, inside ReplyGuard's shadow root.
 * Findings are painted on the copy's text with the same highlight names; the field itself is
 * never touched, so typing, undo and the helpdesk's own handlers behave as without us.
 */
export class TextareaMirror {
  readonly element: HTMLDivElement;
  readonly #text: Text;

  constructor(
    readonly field: FieldComposer,
    host: ParentNode & Node,
  ) {
    const doc = host.ownerDocument ?? (host as unknown as Document);
    this.element = doc.createElement('div');
    this.element.className = 'rg-mirror';
    this.element.setAttribute('aria-hidden', 'true');
    this.#text = doc.createTextNode('');
    this.element.append(this.#text);
    if (!host.querySelector?.('style[data-replyguard="mirror-highlights"]')) {
      const style = doc.createElement('style');
      style.dataset.replyguard = 'mirror-highlights';
      // ::highlight() rules apply per tree: the shadow root needs its own copy.
      style.textContent = `${HIGHLIGHT_CSS}
.rg-mirror { position: fixed; z-index: 2147482000; pointer-events: none; overflow: hidden; color: transparent;
  background: transparent; border-color: transparent; border-style: solid; white-space: pre-wrap;
  overflow-wrap: break-word; margin: 0; }`;
      host.append(style);
    }
    host.append(this.element);
  }

  /** Copies the field's text, geometry and scroll position; returns the text model of the copy. */
  sync(): TextModel {
    const { field, element } = this;
    const value = field.value;
    if (this.#text.data !== value) this.#text.data = value;
    const view = field.ownerDocument.defaultView;
    const computed = view?.getComputedStyle(field);
    if (computed) for (const key of COPIED) element.style[key] = computed[key];
    if (field.tagName === 'INPUT') element.style.whiteSpace = 'pre';
    const rect = field.getBoundingClientRect();
    element.style.top = `${rect.top}px`;
    element.style.left = `${rect.left}px`;
    element.style.width = `${rect.width}px`;
    element.style.height = `${rect.height}px`;
    element.scrollTop = field.scrollTop;
    element.scrollLeft = field.scrollLeft;
    return { text: value, segments: [{ node: this.#text, start: 0 }] };
  }

  dispose(): void {
    this.element.remove();
  }
}
