import { describe, expect, it } from 'vitest';
import { readText } from '@/lib/hosts/query';
import { buildTextModel, offsetOf, rangeFor, type TextModel } from '@/lib/hosts/text-model';

/**
 * The visible-text model on the DOM real editors render (copied from the editor lab's pages:
 * tests/fixtures/editors, the versions in package.json), empty with their placeholder on, and
 * filled. An empty composer reads empty; placeholders and fillers are never text; offsets still
 * land on the right characters after what was skipped.
 */
function mount(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild as Element;
}

/** The DOM text a model range covers, for text offsets [start, end). */
function covered(model: TextModel, start: number, end: number): string | undefined {
  return rangeFor(model, start, end)?.toString();
}

/** Every occurrence of `part` in the model's text maps back to exactly that text in the DOM. */
function expectRanges(model: TextModel, part: string): void {
  const at = model.text.indexOf(part);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(covered(model, at, at + part.length)).toBe(part);
}

const SLATE_PLACEHOLDER =
  '<span data-slate-placeholder="true" aria-hidden="true" contenteditable="false" style="position: absolute; top: 0px; pointer-events: none; user-select: none;">Write your reply to the customer…</span>';
const slateLine = (inner: string) =>
  `<div data-slate-node="element" style="position: relative;"><span data-slate-node="text"><span data-slate-leaf="true">${inner}</span></span></div>`;
const slateText = (text: string) => slateLine(`<span data-slate-string="true">${text}</span>`);
const SLATE_EMPTY_LINE = '<span data-slate-zero-width="n" data-slate-length="0">\ufeff<br></span>';
const slate = (lines: string) =>
  `<div role="textbox" aria-placeholder="Write your reply to the customer…" data-slate-editor="true" data-slate-node="value" contenteditable="true">${lines}</div>`;

describe('placeholders and fillers are never text', () => {
  it('Slate: the placeholder span and the zero-width filler of an empty editor', () => {
    const model = buildTextModel(mount(slate(slateLine(SLATE_EMPTY_LINE + SLATE_PLACEHOLDER))));
    expect(model.text).toBe('');
    expect(model.segments).toEqual([]);
  });

  it('Slate: empty lines between paragraphs hold a U+FEFF that is skipped, offsets after it stay right', () => {
    const el = mount(
      slate(
        slateText('Hi {{first_name}},') +
          slateLine(SLATE_EMPTY_LINE) +
          slateText('We guarantee a fix.') +
          slateLine(SLATE_EMPTY_LINE) +
          slateText('Best regards,'),
      ),
    );
    const model = buildTextModel(el);
    expect(model.text).toBe('Hi {{first_name}},\nWe guarantee a fix.\nBest regards,');
    expectRanges(model, '{{first_name}}');
    expectRanges(model, 'guarantee');
    expectRanges(model, 'Best regards');
  });

  it('Slate: a placeholder in a Slate-like editor marked only by a boolean data-*-placeholder', () => {
    const el = mount('<div contenteditable="true"><p><span data-acme-placeholder="">Type here</span><br></p></div>');
    expect(buildTextModel(el).text).toBe('');
  });

  it('Lexical: an empty paragraph with its managed line break; the placeholder is outside the editable', () => {
    document.body.innerHTML = `<div class="wrap"><div contenteditable="true" data-lexical-editor="true" aria-placeholder="Write your reply…"><p dir="auto"><br data-lexical-managed-linebreak="true"></p></div><div class="desk-placeholder">Write your reply…</div></div>`;
    const editable = document.querySelector('[data-lexical-editor]') as Element;
    expect(buildTextModel(editable).text).toBe('');
  });

  it('Lexical: decorator nodes (contenteditable=false) are not read; the text around them maps right', () => {
    const el = mount(
      '<div contenteditable="true" data-lexical-editor="true"><p dir="auto"><span data-lexical-text="true">Hello </span><span data-lexical-decorator="true" contenteditable="false"><button>Poll: yes / no</button></span><span data-lexical-text="true"> we refund today.</span></p></div>',
    );
    const model = buildTextModel(el);
    expect(model.text).toBe('Hello  we refund today.');
    expectRanges(model, 'refund today');
  });

  it('Quill: ql-blank with data-placeholder (drawn by CSS) reads empty; the caret filler is skipped', () => {
    const empty = mount(
      '<div class="ql-editor ql-blank" contenteditable="true" data-placeholder="Write your reply…"><p><br></p></div>',
    );
    expect(buildTextModel(empty).text).toBe('');
    const el = mount(
      '<div class="ql-editor" contenteditable="true" data-placeholder="Write your reply…"><p>We ref<span class="ql-cursor"><span class="ql-cursor-inner">\ufeff</span></span>und you.</p><ol><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>Item</li></ol></div>',
    );
    const model = buildTextModel(el);
    expect(model.text).toBe('We refund you.\nItem');
    expect(covered(model, 3, 9)).toBe('ref\ufeffund');
  });

  it('Tiptap / ProseMirror: the is-empty placeholder paragraph reads empty; widget decorations are skipped', () => {
    const empty = mount(
      '<div contenteditable="true" class="tiptap ProseMirror"><p data-placeholder="Write your reply…" class="is-empty is-editor-empty"><br class="ProseMirror-trailingBreak"></p></div>',
    );
    expect(buildTextModel(empty).text).toBe('');
    const el = mount(
      '<div contenteditable="true" class="ProseMirror"><p>Hi<span class="ProseMirror-widget" contenteditable="false">Suggested: Dana</span>, the <em>refund</em> is on its way.</p><p><img class="ProseMirror-separator" alt=""><br class="ProseMirror-trailingBreak"></p></div>',
    );
    const model = buildTextModel(el);
    expect(model.text).toBe('Hi, the refund is on its way.');
    expectRanges(model, 'the refund is');
  });

  it('TinyMCE: the iframe body with data-mce-placeholder, bogus nodes, bookmarks and caret fillers', () => {
    const empty = mount(
      '<div id="tinymce" class="mce-content-body" contenteditable="true" data-mce-placeholder="Write your reply…"><p><br data-mce-bogus="1"></p></div>',
    );
    expect(buildTextModel(empty).text).toBe('');
    const el = mount(
      '<div class="mce-content-body" contenteditable="true"><p data-mce-caret="before" data-mce-bogus="all"><br data-mce-bogus="1"></p><p>We <span data-mce-type="bookmark" id="mce_1_start" data-mce-style="overflow:hidden;line-height:0px" style="overflow:hidden;line-height:0px">\ufeff</span>guarantee it.</p><div data-mce-bogus="all" class="mce-offscreen-selection">Image</div><p><span data-mce-bogus="1">Spell</span>ing kept</p></div>',
    );
    const model = buildTextModel(el);
    expect(model.text).toBe('We guarantee it.\nSpelling kept');
    expectRanges(model, 'guarantee it');
    expectRanges(model, 'Spelling');
  });

  it('TinyMCE in iframe mode: the editable body of a design-mode or contenteditable document', () => {
    const frame = document.implementation.createHTMLDocument('editor');
    frame.body.setAttribute('contenteditable', 'true');
    frame.body.innerHTML = '<p>Refund <span contenteditable="false">[chip]</span>sent.</p>';
    expect(buildTextModel(frame.body).text).toBe('Refund sent.');
  });

  it("CKEditor 5: the inline filler (U+2060 ×7), the fake selection container, a widget's editable caption", () => {
    const el = mount(
      '<div class="ck-editor__editable" contenteditable="true"><p>Hello\u2060\u2060\u2060\u2060\u2060\u2060\u2060 there</p><figure class="image ck-widget" contenteditable="false"><img alt="x"><div class="ck ck-widget__type-around"><div class="ck-widget__type-around__button">Insert paragraph</div></div><figcaption class="ck-editor__editable ck-editor__nested-editable" contenteditable="true">A caption</figcaption></figure><p>We guarantee it.</p><div class="ck-fake-selection-container" style="position: fixed; left: -9999px">image widget</div></div>',
    );
    const model = buildTextModel(el);
    expect(model.text).toBe('Hello there\nA caption\nWe guarantee it.');
    expectRanges(model, 'Hello there'.slice(6));
    expect(covered(model, 0, 11)).toBe('Hello\u2060\u2060\u2060\u2060\u2060\u2060\u2060 there');
    expectRanges(model, 'A caption');
    expectRanges(model, 'guarantee');
  });

  it('aria-hidden and hidden elements are decorations, inside an editor or a thread message', () => {
    const el = mount(
      '<div><span aria-hidden="true">DW</span><p>Dana wrote:</p><p hidden>Show quoted text</p><p>Where is my refund?</p></div>',
    );
    expect(readText(el)).toBe('Dana wrote:\nWhere is my refund?');
  });

  it('keeps zero-width joiners (emoji, scripts) and reads contenteditable=false outside editors', () => {
    const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}';
    const el = mount(
      `<div><p>Our family ${family} is upset.</p><p><span contenteditable="false">Locked</span> text</p></div>`,
    );
    expect(buildTextModel(el).text).toBe(`Our family ${family} is upset.\nLocked text`);
  });

  it('zero-width characters in a customer message are not text; cue offsets map through them', () => {
    const el = mount('<div><p>I want a re\u200bfund\u200b now\ufeff!</p></div>');
    const model = buildTextModel(el);
    expect(model.text).toBe('I want a refund now!');
    expect(covered(model, 9, 15)).toBe('re\u200bfund');
    expect(covered(model, 16, 20)).toBe('now\ufeff!');
  });
});

describe('offsets of DOM positions', () => {
  it('maps a caret on or beside a skipped filler to the next character kept', () => {
    const el = mount('<div contenteditable="true"><p>ab\ufeff\ufeffcd</p></div>');
    const model = buildTextModel(el);
    const node = el.querySelector('p')?.firstChild as Text;
    expect(model.text).toBe('abcd');
    expect([0, 1, 2, 3, 4, 5, 6].map((o) => offsetOf(model, node, o))).toEqual([0, 1, 2, 2, 2, 3, 4]);
    expect(offsetOf(model, el, 0)).toBe(-1);
  });

  it('a node made only of fillers is not in the model', () => {
    const el = mount(`${slate(slateLine(SLATE_EMPTY_LINE))}`);
    const filler = el.querySelector('[data-slate-zero-width]')?.firstChild as Text;
    expect(offsetOf(buildTextModel(el), filler, 0)).toBe(-1);
  });
});

describe('bounds', () => {
  it('stops at the character limit inside a run between fillers', () => {
    const el = mount(`<div><p>${'a'.repeat(10)}\u200b${'b'.repeat(10)}</p><p>${'c'.repeat(10)}</p></div>`);
    const model = buildTextModel(el, 15);
    expect(model.text).toBe(`${'a'.repeat(10)}${'b'.repeat(5)}`);
    expect(covered(model, 8, 15)).toBe('aa\u200bbbbbb');
  });
});
