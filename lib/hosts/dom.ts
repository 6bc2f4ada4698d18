/**
 * DOM reading helpers for adapters whose helpdesk hides parts of the page in open shadow roots
 * (Salesforce Lightning web components, reportedly Intercom) or in same-origin iframes (old
 * CKEditor 4 publishers, Froala in iframe mode). Read-only: nothing here writes to the page.
 */

/** Every open shadow root under `root`, depth first (closed roots cannot be read, by design). */
export function shadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: ParentNode) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      const shadow = (el as Element).shadowRoot;
      if (shadow) {
        found.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(root);
  return found;
}

/**
 * `querySelectorAll` that also looks inside open shadow roots, in document order per tree. Pass
 * the roots when they are already known: finding them walks the whole subtree.
 */
export function queryAllDeep<E extends Element = Element>(
  root: ParentNode,
  selector: string,
  shadows: readonly ShadowRoot[] = shadowRoots(root),
): E[] {
  const out = Array.from(root.querySelectorAll<E>(selector));
  for (const shadow of shadows) out.push(...Array.from(shadow.querySelectorAll<E>(selector)));
  return out;
}

/**
 * Ordered fallbacks like `queryFirst`; with `shadows` (the open shadow roots under `root`) it
 * pierces them too.
 */
export function queryFirstIn<E extends Element = Element>(
  root: ParentNode,
  selectors: readonly string[],
  shadows?: readonly ShadowRoot[],
): { elements: E[]; selector: string | null } {
  for (const selector of selectors) {
    const found = shadows ? queryAllDeep<E>(root, selector, shadows) : Array.from(root.querySelectorAll<E>(selector));
    if (found.length > 0) return { elements: found, selector };
  }
  return { elements: [], selector: null };
}

/**
 * The editable element of an editor: the element itself, or, for an `<iframe>` editor, the
 * editable body (or first editable) of its same-origin document. A cross-origin frame reads as
 * null, so the adapter reports "no composer" instead of throwing.
 */
export function editableOf(element: Element | null): Element | null {
  if (!element) return null;
  if (element.tagName !== 'IFRAME') return element;
  let doc: Document | null = null;
  try {
    doc = (element as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
  if (!doc?.body) return null;
  if (doc.body.isContentEditable || doc.body.getAttribute('contenteditable') === 'true') return doc.body;
  return doc.querySelector('[contenteditable="true"], [contenteditable=""]');
}

/**
 * Whether an element is shown: rendered (not `display: none` itself or through an ancestor, as
 * Bootstrap's `.hidden` does to FreeScout's closed reply form) and not inside a `hidden` /
 * `aria-hidden="true"` ancestor within its tree.
 */
export function isShown(element: Element): boolean {
  // `checkVisibility` (Chromium 105, Firefox 106) sees the page's style sheets; DOMs without
  // layout (unit tests) fall back to the attributes.
  if (typeof element.checkVisibility === 'function' && !element.checkVisibility()) return false;
  for (let el: Element | null = element; el; el = el.parentElement ?? hostOf(el)) {
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return false;
  }
  return true;
}

function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}
