import { buildTextModel } from './text-model';

/**
 * Ordered selector fallbacks: the first selector that matches anything wins. Helpdesks rename
 * their markup; a list keeps the adapter working on both sides of a redesign.
 */
export function queryFirst<E extends Element = Element>(
  root: ParentNode,
  selectors: readonly string[],
): { elements: E[]; selector: string | null } {
  for (const selector of selectors) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length > 0) return { elements: Array.from(found), selector };
  }
  return { elements: [], selector: null };
}

export function queryOne<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E | null {
  return queryFirst<E>(root, selectors).elements[0] ?? null;
}

/** Text of an element as the text model reads it (block breaks as newlines), trimmed. */
export function readText(element: Element): string {
  return buildTextModel(element).text.trim();
}
