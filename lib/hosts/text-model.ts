/**
 * A plain-text view of a DOM subtree with a map back to its text nodes, so findings can be kept
 * as text offsets and painted as DOM ranges without touching the editor's DOM.
 *
 * Block boundaries become one "\n"; text is taken as it is (no collapsing), with no-break spaces
 * read as spaces. What a person does not read as the message is left out, and the map skips it:
 *
 * - editor placeholders and decorations: `aria-hidden="true"` and `hidden` elements, boolean
 *   `data-*-placeholder` markers (Slate's `data-slate-placeholder="true"`), TinyMCE's bogus nodes
 *   (`data-mce-bogus="all"`, `data-mce-type="bookmark"`), CKEditor 5's fake selection container;
 * - inside an editable area, `contenteditable="false"` islands (ProseMirror and Tiptap widget
 *   decorations, Slate voids, Lexical decorators, placeholder spans), except the editable areas
 *   nested in them (a CKEditor 5 image caption);
 * - zero-width fillers editors keep in empty lines and around the caret: U+200B, U+FEFF (Slate,
 *   TinyMCE, Quill) and U+2060 (CKEditor 5's inline filler). U+200C/U+200D are kept: they join
 *   letters and emoji.
 *
 * Placeholders drawn by CSS (`::before` with `content: attr(data-placeholder)`: Quill's `ql-blank`,
 * Tiptap's `is-empty`, CKEditor 5, TinyMCE's `data-mce-placeholder`) have no text node to read.
 * Every character of `text` maps to exactly one character of one text node (separators map to
 * none).
 */
export interface TextModel {
  text: string;
  segments: TextSegment[];
}

/** A run of characters of one text node that appears unbroken in `text`. */
export interface TextSegment {
  node: Text;
  /** Offset of the run's first character in `text`. */
  start: number;
  /** Offset of the run's first character in the node's data. @default 0 */
  nodeStart?: number;
  /** Characters in the run. @default the rest of the node's data */
  length?: number;
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

/** Decoration classes some editors put inside the editable area without marking them otherwise. */
const SKIP_CLASSES = ['ck-fake-selection-container'];

/** Zero-width fillers (see above): a text node without one is taken whole. */
const ZERO_WIDTH = /[\u200b\ufeff\u2060]/;

function isZeroWidth(code: number): boolean {
  return code === 0x200b || code === 0xfeff || code === 0x2060;
}

/** Upper bound on characters read, so a 1 MB paste never stalls the page. */
export const MAX_MODEL_CHARS = 200_000;

/** How an element's subtree is read. */
type Reading = 'skip' | 'editable' | 'non-editable' | 'inherit';

/** One pass over the attributes: a decoration to skip, or a change of editability. */
function readingOf(el: Element): Reading {
  let reading: Reading = 'inherit';
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const { name, value } = attrs[i] as Attr;
    if (name === 'contenteditable') {
      const v = value.toLowerCase();
      reading =
        v === 'false' ? 'non-editable' : v === '' || v === 'true' || v === 'plaintext-only' ? 'editable' : reading;
    } else if (name === 'hidden') return 'skip';
    else if (name === 'aria-hidden') {
      if (value === 'true') return 'skip';
    } else if (name === 'data-mce-bogus') {
      if (value === 'all') return 'skip';
    } else if (name === 'data-mce-type') {
      if (value === 'bookmark') return 'skip';
    } else if (name.startsWith('data-') && name.endsWith('-placeholder') && (value === 'true' || value === '')) {
      // A boolean marker says "this element is the placeholder"; a text value (TinyMCE's
      // `data-mce-placeholder="Write…"`) names what CSS draws, and the element holds the content.
      return 'skip';
    } else if (name === 'class' && SKIP_CLASSES.some((c) => el.classList.contains(c))) return 'skip';
  }
  return reading;
}

/** Whether `root` sits in an editable area: its nearest `contenteditable` says so, or design mode. */
function startsEditable(root: Node): boolean {
  const el = root.nodeType === 1 ? (root as Element) : root.parentElement;
  const host = el?.closest('[contenteditable]');
  if (host) return (host.getAttribute('contenteditable') ?? '').toLowerCase() !== 'false';
  return root.ownerDocument?.designMode === 'on';
}

export function buildTextModel(root: Node, maxChars: number = MAX_MODEL_CHARS): TextModel {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let pendingBreak = false;

  const breakLine = () => {
    if (length > 0) pendingBreak = true;
  };

  /** Appends characters [from, to) of a text node as one run. */
  const take = (node: Text, data: string, from: number, to: number) => {
    if (to <= from) return;
    if (pendingBreak) {
      parts.push('\n');
      length += 1;
      pendingBreak = false;
    }
    const end = Math.min(to, from + maxChars - length);
    segments.push({ node, start: length, nodeStart: from, length: end - from });
    parts.push(data.slice(from, end).replace(/\u00a0/g, ' '));
    length += end - from;
  };

  const readText = (node: Text) => {
    const data = node.data;
    if (!ZERO_WIDTH.test(data)) {
      take(node, data, 0, data.length);
      return;
    }
    let from = 0;
    for (let i = 0; i < data.length && length < maxChars; i++) {
      if (!isZeroWidth(data.charCodeAt(i))) continue;
      take(node, data, from, i);
      from = i + 1;
    }
    if (length < maxChars) take(node, data, from, data.length);
  };

  /**
   * `editable`: inside an editable area. `reading`: this subtree's text is part of the message
   * (false inside a non-editable island of an editor, until an editable area nested in it).
   */
  const visit = (node: Node, editable: boolean, reading: boolean): boolean => {
    if (length >= maxChars) return false;
    if (node.nodeType === 3) {
      if (reading) readText(node as Text);
      return true;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return true;
    let childEditable = editable;
    let childReading = reading;
    let block = false;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag)) return true;
      // The root is what the caller asked for: only what is inside it can be a decoration.
      const how = node === root ? 'inherit' : readingOf(el);
      if (how === 'skip') return true;
      if (how === 'editable') {
        childEditable = true;
        childReading = true;
      } else if (how === 'non-editable') {
        if (editable) childReading = false;
        childEditable = false;
      }
      block = childReading && BLOCK_TAGS.has(tag);
    }
    if (block) breakLine();
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!visit(child, childEditable, childReading)) return false;
    }
    if (block) breakLine();
    return true;
  };

  visit(root, startsEditable(root), true);
  return { text: parts.join(''), segments };
}

function segmentBounds(seg: TextSegment): { from: number; length: number } {
  const from = seg.nodeStart ?? 0;
  return { from, length: seg.length ?? seg.node.data.length - from };
}

/** Finds the text node and offset holding `offset`; `preferNext` picks the following run at a boundary. */
function locate(model: TextModel, offset: number, preferNext: boolean): { node: Text; offset: number } | null {
  const { segments } = model;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid] as TextSegment;
    const { from, length } = segmentBounds(seg);
    const end = seg.start + length;
    if (offset < seg.start) hi = mid - 1;
    else if (offset > end || (offset === end && preferNext && mid + 1 < segments.length)) lo = mid + 1;
    else return { node: seg.node, offset: from + offset - seg.start };
  }
  const seg = segments[Math.min(lo, segments.length - 1)];
  if (!seg) return null;
  const { from, length } = segmentBounds(seg);
  return { node: seg.node, offset: offset < seg.start ? from : from + length };
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

/**
 * The model offset of a DOM position (a text node and an offset in it), or -1 when the node is not
 * in the model. A position on a skipped character (a zero-width filler) reads as the next one kept.
 */
export function offsetOf(model: TextModel, node: Node, offset: number): number {
  let last = -1;
  for (const seg of model.segments) {
    if (seg.node !== node) {
      if (last >= 0) break; // a node's runs are consecutive
      continue;
    }
    const { from, length } = segmentBounds(seg);
    if (offset <= from) return seg.start;
    if (offset <= from + length) return seg.start + offset - from;
    last = seg.start + length;
  }
  return last;
}
