import { buildTextModel, type TextModel } from './text-model';

/**
 * Text models of page elements (thread messages), kept until something changes inside them.
 * A long ticket (hundreds of messages, one of them a 1 MB paste) is re-read every few hundred
 * milliseconds while the page changes; walking every message's DOM each time cost more than a
 * frame. The owner reports the page's mutations (`invalidate`), and only the messages they touched
 * are read again.
 */
export class TextModelCache {
  #models = new WeakMap<Node, TextModel>();

  /** The element's model, built on first use and after a change inside it. */
  model(element: Element): TextModel {
    let model = this.#models.get(element);
    if (!model) {
      model = buildTextModel(element);
      this.#models.set(element, model);
    }
    return model;
  }

  /** The element's text as `readText` gives it (trimmed). */
  text(element: Element): string {
    return this.model(element).text.trim();
  }

  /** Forgets every cached element that holds one of the records' targets. */
  invalidate(records: readonly MutationRecord[]): void {
    for (const record of records) {
      for (let node: Node | null = record.target; node; node = node.parentNode ?? hostOf(node)) {
        this.#models.delete(node);
      }
    }
  }

  clear(): void {
    this.#models = new WeakMap();
  }
}

/** A shadow root's host: mutations inside a web component's tree change the message around it. */
function hostOf(node: Node): Node | null {
  return node.nodeType === 11 && 'host' in node ? ((node as ShadowRoot).host ?? null) : null;
}
