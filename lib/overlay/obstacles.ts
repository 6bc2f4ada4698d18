import { shadowRoots } from '../hosts/dom';
import { type Box, boxInTopWindow } from './placement';

/**
 * What a person can click, type in or open on a page: the helpdesk's controls that ReplyGuard's
 * overlay must never cover. Elements made interactive only by a script's click handler on a plain
 * `div` cannot be found; everything with a role, a tab stop or a native control can.
 */
export const INTERACTIVE_SELECTOR = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  'iframe',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]:not([tabindex="-1"])',
  ...[
    'button',
    'link',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'option',
    'tab',
    'checkbox',
    'radio',
    'switch',
    'combobox',
    'textbox',
    'slider',
    'spinbutton',
    'searchbox',
    'treeitem',
  ].map((role) => `[role="${role}"]`),
].join(', ');

/**
 * A focusable container bigger than this share of the viewport (a scroll area with a tab stop, a
 * whole-app `tabindex`) is a region, not a control: covering a corner of it hides no control.
 */
const REGION_SHARE = 0.25;

function shown(el: Element): boolean {
  return typeof el.checkVisibility === 'function'
    ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
    : true;
}

/**
 * The composer with the editor around it: its toolbar, status bar and the empty space of its frame
 * (Summernote's `.note-editor`, CKEditor's `.ck-editor`) belong to the reply being written, even
 * where the editable element itself is shorter. Walks up while the parent is about as wide as
 * the editable and not much taller.
 */
export function editorFrame(composer: Element): Element {
  const own = composer.getBoundingClientRect();
  let frame = composer;
  for (let el = composer.parentElement, i = 0; el && i < 4; el = el.parentElement, i++) {
    const r = el.getBoundingClientRect();
    if (r.width > own.width * 1.3 + 40 || r.height > own.height + 240) break;
    frame = el;
  }
  return frame;
}

/**
 * The boxes (top-window coordinates) of the visible controls of `doc` and its open shadow roots,
 * within the viewport, plus `extra` elements (the composer, thread messages, send buttons). The
 * overlay's own host is left out. A few hundred elements on a helpdesk page: a millisecond or two,
 * several on a long ticket; run on layout changes, and not while the agent types (the overlay then
 * keeps the last boxes: components/overlay/Overlay.tsx).
 */
export function obstacleBoxes(
  doc: Document,
  viewport: { width: number; height: number },
  extra: readonly Element[] = [],
  own: Element | null = null,
  // The document's open shadow roots, when the caller keeps them: finding them walks every element.
  shadows: readonly ShadowRoot[] = shadowRoots(doc),
): Box[] {
  const area = viewport.width * viewport.height;
  const boxes: Box[] = [];
  // `contains` stops at shadow boundaries: the overlay's own controls live in its shadow root.
  const isOwn = (el: Element) => {
    const root = el.getRootNode();
    return own !== null && (own.contains(el) || (root instanceof ShadowRoot && own.contains(root.host)));
  };
  const add = (el: Element, region: boolean) => {
    if (isOwn(el) || !el.isConnected) return;
    const box = boxInTopWindow(el);
    if (box.width <= 0 || box.height <= 0) return;
    if (
      box.left >= viewport.width ||
      box.top >= viewport.height ||
      box.left + box.width <= 0 ||
      box.top + box.height <= 0
    )
      return;
    if (region && box.width * box.height > REGION_SHARE * area) return;
    if (!shown(el)) return;
    boxes.push(box);
  };
  const roots: ParentNode[] = [doc, ...shadows.filter((r) => r.host.isConnected)];
  for (const root of roots) {
    for (const el of Array.from(root.querySelectorAll(INTERACTIVE_SELECTOR))) {
      const region = el.hasAttribute('tabindex') || el.tagName === 'IFRAME' || el.hasAttribute('contenteditable');
      add(el, region);
    }
  }
  for (const el of extra) add(el, false);
  return boxes;
}
