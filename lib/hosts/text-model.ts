/**
 * A plain-text view of a DOM subtree with a map back to its text nodes, so findings can be kept
 * as text offsets and painted as DOM ranges without touching the editor's DOM.
 *
 * Block boundaries become one "\n"; text nodes are taken as they are (no collapsing), with
 * no-break spaces read as spaces, so every character of `text` maps to exactly one character of
 * one text node (separators map to none).
 */
export interface TextModel {
  text: string;
  segments: TextSegment[];
}

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `text`. */
  start: number;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** Elements whose text is never part of what a person reads as the message. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'REPLYGUARD-OVERLAY']);

/** Upper bound on characters read, so a 1 MB paste never stalls the page. */
export const MAX_MODEL_CHARS = 200_000;

export function buildTextModel(root: Node, maxChars: number = MAX_MODEL_CHARS): TextModel {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let pendingBreak = false;

  const breakLine = () => {
    if (length > 0) pendingBreak = true;
  };

  const visit = (node: Node): boolean => {
    if (length >= maxChars) return false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) return true;
      if (pendingBreak) {
        parts.push('\n');
        length += 1;
        pendingBreak = false;
      }
      const take = data.length > maxChars - length ? data.slice(0, maxChars - length) : data;
      segments.push({ node: node as Text, start: length });
      parts.push(take.replace(/\u00a0/g, ' '));
      length += take.length;
      return true;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return true;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP_TAGS.has(tag)) return true;
    const block = BLOCK_TAGS.has(tag);
    if (block) breakLine();
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!visit(child)) return false;
    }
    if (block) breakLine();
    return true;
  };

  visit(root);
  return { text: parts.join(''), segments };
}

/** Finds the text node and offset holding `offset`; `preferNext` picks the following node at a boundary. */
function locate(model: TextModel, offset: number, preferNext: boolean): { node: Text; offset: number } | null {
  const { segments } = model;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid] as TextSegment;
    const end = seg.start + seg.node.data.length;
    if (offset < seg.start) hi = mid - 1;
    else if (offset > end || (offset === end && preferNext && mid + 1 < segments.length)) lo = mid + 1;
    else return { node: seg.node, offset: offset - seg.start };
  }
  const seg = segments[Math.min(lo, segments.length - 1)];
  return seg ? { node: seg.node, offset: offset < seg.start ? 0 : seg.node.data.length } : null;
}

/** A DOM Range for text offsets [start, end) of the model, or null when the text has changed under it. */
export function rangeFor(model: TextModel, start: number, end: number): Range | null {
  if (start >= end) return null;
  const a = locate(model, start, true);
  const b = locate(model, end, false);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return null;
  const doc = a.node.ownerDocument;
  const range = doc.createRange();
  try {
    range.setStart(a.node, Math.min(a.offset, a.node.data.length));
    range.setEnd(b.node, Math.min(b.offset, b.node.data.length));
  } catch {
    return null;
  }
  return range;
}

/** The model offset of a DOM position (a text node and an offset in it), or -1 when it is not in the model. */
export function offsetOf(model: TextModel, node: Node, offset: number): number {
  for (const seg of model.segments) if (seg.node === node) return seg.start + Math.min(offset, seg.node.data.length);
  return -1;
}
