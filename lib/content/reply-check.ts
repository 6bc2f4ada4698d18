import type { CheckOptions } from '../engine/rules/check-reply';
import { createReplyChecker } from '../engine/rules/reply-checker';
import type { CustomerSignals, Finding } from '../engine/types';
import { buildTextModel, rangeFor, type TextModel } from '../hosts/text-model';
import type { HighlightPainter } from '../overlay/highlights';
import type { OverlayStore } from '../overlay/overlay-store';
import { isFieldComposer, TextareaMirror } from '../overlay/textarea-mirror';

type Win = Window & typeof globalThis;

export interface ReplyCheckOptions {
  store: OverlayStore;
  /** Makes the highlight painter for a document (the page's, or an editor iframe's). */
  createPainter(win: Win): HighlightPainter;
  /** ReplyGuard's own shadow root: a `<textarea>` composer's mirror lives there. */
  overlayRoot?: () => (ParentNode & Node) | null;
  checkOptions?: () => CheckOptions;
  analysisOn(): boolean;
  onPainted?: () => void;
}

/** What the reply is checked against: the ticket as last read. */
export interface ReplyContext {
  customer: CustomerSignals | null;
  customerMessages: string[];
  agent: string[];
  /** The customer's name as the helpdesk shows it, when the adapter reads it. */
  customerName?: string | null;
}

/**
 * Checking the reply: reads the composer into a text model (its DOM for rich editors, a mirror
 * for `<textarea>` fields), runs the reply rules incrementally (only the sentences an edit
 * touched, so keystrokes stay well under a frame), and paints the findings and the customer's
 * cues with the CSS Custom Highlight API, never touching the editor's DOM.
 */
export class ReplyCheck {
  readonly #opts: ReplyCheckOptions;
  readonly #painters = new Map<Document, HighlightPainter>();
  readonly #checker = createReplyChecker();
  #mirror: TextareaMirror | null = null;
  /** The composer's text model as last checked; null before the first check. */
  model: TextModel | null = null;
  #composer: Element | null = null;

  constructor(options: ReplyCheckOptions) {
    this.#opts = options;
  }

  painterFor(d: Document): HighlightPainter | null {
    const view = d.defaultView as Win | null;
    if (!view) return null;
    let painter = this.#painters.get(d);
    if (!painter) {
      painter = this.#opts.createPainter(view);
      this.#painters.set(d, painter);
    }
    return painter;
  }

  clearPaint(): void {
    for (const painter of this.#painters.values()) painter.clear();
  }

  /** The composer's text model: its DOM for rich editors, a mirror's for `<textarea>` fields. */
  readComposer(el: Element): TextModel {
    if (!isFieldComposer(el)) return buildTextModel(el);
    const host = this.#opts.overlayRoot?.();
    if (this.#mirror?.field !== el) {
      this.#mirror?.dispose();
      this.#mirror = host ? new TextareaMirror(el, host) : null;
    }
    return this.#mirror ? this.#mirror.sync() : { text: el.value, segments: [] };
  }

  /** The composer's text without building ranges (confirmations compare texts only). */
  composerText(el: Element): string {
    return isFieldComposer(el) ? el.value : buildTextModel(el).text;
  }

  /** Checks the composer's text, publishes the findings and repaints; returns the text checked. */
  check(composer: Element, context: ReplyContext): string {
    this.#composer = composer;
    this.model = this.readComposer(composer);
    const reply = this.model.text;
    const { store } = this.#opts;
    const findings =
      reply.trim() && this.#opts.analysisOn()
        ? this.#checker.check(
            {
              reply,
              customer: context.customer,
              customerMessages: context.customerMessages,
              agent: context.agent,
              customerName: context.customerName ?? null,
            },
            this.#opts.checkOptions?.(),
          )
        : [];
    // Most keystrokes leave the findings as they were: skip the overlay's re-render then.
    if (!sameFindings(findings, store.getState().findings)) store.setState({ findings });
    // Which checks could read the reply's language (the panel says so when some could not).
    const coverage = reply.trim() && this.#opts.analysisOn() ? this.#checker.coverage() : null;
    if (coverage !== store.getState().coverage) store.setState({ coverage });
    this.paintComposer();
    return reply;
  }

  /** Paints the findings the agent has not dismissed, by severity, plus the one in focus. */
  paintComposer(): void {
    const { findings, dismissed, focused } = this.#opts.store.getState();
    const bySeverity: Record<'critical' | 'warning' | 'info', Range[]> = { critical: [], warning: [], info: [] };
    const focusRanges: Range[] = [];
    const model = this.model;
    if (model) {
      for (const f of findings) {
        if (dismissed.has(f.fingerprint)) continue;
        const range = rangeFor(model, f.start, f.end);
        if (!range) continue;
        bySeverity[f.severity].push(range);
        if (f.fingerprint === focused) focusRanges.push(range.cloneRange());
      }
    }
    const painter = this.#composer && this.painterFor(this.#composer.ownerDocument);
    if (!painter) return;
    painter.paint('critical', bySeverity.critical);
    painter.paint('warning', bySeverity.warning);
    painter.paint('info', bySeverity.info);
    painter.paint('focus', focusRanges);
    this.#opts.onPainted?.();
  }

  /**
   * Paints the customer's sarcasm and escalation cues. A cue points into the text it was read
   * from: it is skipped when that message has changed since.
   */
  paintCues(doc: Document, customer: CustomerSignals | null, models: readonly TextModel[], readTexts: string[]): void {
    const ranges: Range[] = [];
    const cues = [...(customer?.sarcasm.cues ?? []), ...(customer?.escalation.cues ?? [])];
    for (const cue of cues) {
      const model = models[cue.message];
      if (!model || model.text !== readTexts[cue.message]) continue;
      const range = rangeFor(model, cue.start, cue.end);
      if (range) ranges.push(range);
    }
    this.painterFor(doc)?.paint('cue', ranges);
  }

  /** Another ticket: the incremental checker starts over. */
  reset(): void {
    this.#checker.reset();
  }

  dispose(): void {
    for (const painter of this.#painters.values()) painter.dispose();
    this.#mirror?.dispose();
  }
}

/** Same findings at the same places: nothing for the overlay to re-render. */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Finding;
    const y = b[i] as Finding;
    if (x.fingerprint !== y.fingerprint || x.start !== y.start || x.end !== y.end || x.severity !== y.severity)
      return false;
  }
  return true;
}
