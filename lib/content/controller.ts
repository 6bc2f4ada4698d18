import type { SuggestionShape } from '../db/schema';
import type { CheckOptions } from '../engine/rules/check-reply';
import { createReplyChecker } from '../engine/rules/reply-checker';
import type { CustomerSignals, Finding } from '../engine/types';
import { buildTextModel, offsetOf, rangeFor, type TextModel } from '../hosts/text-model';
import { type HostAdapter, type HostSnapshot, isProblem } from '../hosts/types';
import type { TabStatus } from '../messaging/protocol';
import type { HighlightPainter } from '../overlay/highlights';
import { type CustomerReading, type OverlayStore, unresolvedCritical } from '../overlay/overlay-store';
import { isFieldComposer, TextareaMirror } from '../overlay/textarea-mirror';
import { similarity } from '../overrides/similarity';
import { type Decision, SuggestionTracker } from '../overrides/tracker';
import type { SendGuardMode } from '../settings/schema';
import { createGuard } from './guard';

type Win = Window & typeof globalThis;

export interface ControllerOptions {
  win: Win;
  adapter: HostAdapter;
  store: OverlayStore;
  /** Makes the highlight painter for a document (the page's, or an editor iframe's). */
  createPainter(win: Win): HighlightPainter;
  /**
   * Reads the customer's messages (oldest first). The content script asks the background, so
   * the language model stays out of the page; tests pass the engine's `analyzeCustomer`. It is
   * called once per change of the customer's messages, never per keystroke.
   */
  analyzeCustomer(messages: string[]): Promise<CustomerSignals | null>;
  /**
   * Waits before each retry of a failed or timed-out reading (a service worker starting up or
   * stopped mid-answer); once they are used up the chip says the reading is unavailable.
   * @default [250, 1000, 4000]
   */
  analysisRetryDelays?: readonly number[];
  /**
   * An attempt at reading the customer that has not answered by then counts as failed. A message
   * can hang while its service worker is being stopped; this bounds the wait for the chip to
   * about 17 s in the worst case (four attempts plus the retry delays). @default 3000
   */
  analysisTimeoutMs?: number;
  /** A confirmed decision about an AI suggestion: the caller turns it into a row and stores it. */
  onDecision(decision: Decision, context: DecisionContext): void;
  onStatus(status: TabStatus): void;
  /** Rule packs and severity choices in force; read on every check so policy changes apply live. */
  checkOptions?: () => CheckOptions;
  /** The send-guard policy in force; read at each send attempt. @default () => 'warn' */
  sendGuardMode?: () => SendGuardMode;
  /**
   * Whether signals and findings are shown; when an admin turns analysis off for a helpdesk,
   * ReplyGuard only follows suggestions to their outcome. Read on every refresh. @default () => true
   */
  analysisEnabled?: () => boolean;
  /** ReplyGuard's own shadow root: a `<textarea>` composer's mirror lives there. */
  overlayRoot?: () => (ParentNode & Node) | null;
  /** Called after the composer's highlights were repainted (the in-page hook benchmarks time). */
  onPainted?: () => void;
  signal: AbortSignal;
}

/** What the page looked like when a decision was made. */
export interface DecisionContext {
  helpdesk: string;
  ticketId: string;
  customer: CustomerSignals | null;
  findings: Finding[];
  dismissed: { has(fingerprint: string): boolean };
}

/** Wait after the last DOM change before re-reading the page. */
const DEBOUNCE_MS = 120;
/** However busy the page, re-read at least this often while it changes. */
const MAX_DEBOUNCE_MS = 400;
/** An AI control click counts for insertions that land within this time. */
const AI_INSERT_WINDOW_MS = 4000;
/** A send is forgotten if the helpdesk has not confirmed it by then (validation failed, undo used). */
const SEND_CONFIRM_WINDOW_MS = 30_000;
/** An insertion this close to a suggestion already shown is that suggestion being inserted. */
const SAME_SUGGESTION = 0.6;
const ANALYSIS_RETRY_DELAYS_MS: readonly number[] = [250, 1000, 4000];
const ANALYSIS_TIMEOUT_MS = 3000;
/** After the reading was unavailable, the next page change this much later asks again. */
const ANALYSIS_RETRY_AFTER_UNAVAILABLE_MS = 30_000;

interface PendingSend {
  at: number;
  agentCount: number;
  context: DecisionContext;
}

/** How a held-back send is replayed once the agent confirms. */
type SendVia = { kind: 'click'; target: HTMLElement } | { kind: 'submit'; form: HTMLFormElement } | { kind: 'key' };

/**
 * Watches one helpdesk tab: reads the active ticket through the adapter, analyses it, pushes the
 * result into the overlay store, paints highlights, holds back risky sends per policy, and
 * follows AI suggestions to an outcome. Everything it starts stops when `signal` aborts.
 */
export function startController(opts: ControllerOptions): { refresh(): void } {
  const { win, adapter, store, signal } = opts;
  const doc = win.document;
  const painters = new Map<Document, HighlightPainter>();
  const painterFor = (d: Document): HighlightPainter | null => {
    const view = d.defaultView as Win | null;
    if (!view) return null;
    let painter = painters.get(d);
    if (!painter) {
      painter = opts.createPainter(view);
      painters.set(d, painter);
    }
    return painter;
  };
  const clearPaint = () => {
    for (const painter of painters.values()) painter.clear();
  };

  const guard = createGuard((error) => {
    clearPaint();
    const detail = `it hit an internal error and stepped aside (${error instanceof Error ? error.message : 'unknown error'}). Sending works as usual; reload the page to try again.`;
    store.setState({ status: 'paused', detail, findings: [], customer: null, guard: null });
    opts.onStatus({ helpdesk: adapter.id, host: win.location.hostname, state: 'paused-error', detail });
  });

  const analysisOn = () => opts.analysisEnabled?.() ?? true;
  let mirror: TextareaMirror | null = null;
  /** The composer's text model: its DOM for rich editors, a mirror's for `<textarea>` fields. */
  const readComposer = (el: Element): TextModel => {
    if (!isFieldComposer(el)) return buildTextModel(el);
    const host = opts.overlayRoot?.();
    if (mirror?.field !== el) {
      mirror?.dispose();
      mirror = host ? new TextareaMirror(el, host) : null;
    }
    return mirror ? mirror.sync() : { text: el.value, segments: [] };
  };
  const composerText = (el: Element): string => (isFieldComposer(el) ? el.value : buildTextModel(el).text);
  const tracker = new SuggestionTracker();
  // Re-checks only the sentences an edit touched: keystrokes stay well under a frame.
  const checker = createReplyChecker();
  let agentTexts: string[] = [];
  let customerTexts: string[] = [];
  let snapshot: HostSnapshot | null = null;
  let ticketKey: string | null = null;
  let customerKey = '';
  /** The reading in force, the texts it describes (its cue offsets point into them) and where it stands. */
  let customer: CustomerSignals | null = null;
  let readTexts: string[] = [];
  let reading: CustomerReading = 'none';
  let unavailableAt = 0;
  /** Bumped by every new question about the customer and by ticket changes: older answers are stale. */
  let readingSeq = 0;
  let customerModels: TextModel[] = [];
  let composerModel: TextModel | null = null;
  let lastComposerText = '';
  let lastSighting = '';
  let aiArmedAt = Number.NEGATIVE_INFINITY;
  let aiShape: SuggestionShape = 'draft-in-composer';
  let pendingSend: PendingSend | null = null;
  let heldSend: SendVia | null = null;
  let bypassGuard = false;
  let lastStatus = '';

  const reportStatus = (status: TabStatus) => {
    const key = `${status.state}|${status.detail}`;
    if (key === lastStatus) return;
    lastStatus = key;
    opts.onStatus(status);
  };

  const contextNow = (snap: HostSnapshot): DecisionContext => {
    const state = store.getState();
    return {
      helpdesk: snap.helpdesk,
      ticketId: snap.ticketId,
      customer: state.customer,
      findings: state.findings,
      dismissed: new Map(state.dismissed),
    };
  };

  const emit = (decision: Decision | null, context: DecisionContext | null) => {
    if (decision && context) opts.onDecision(decision, context);
  };

  const resetTicket = (key: string | null) => {
    if (snapshot) emit(tracker.discarded(Date.now()), contextNow(snapshot));
    ticketKey = key;
    checker.reset();
    customerKey = '';
    customerTexts = [];
    agentTexts = [];
    customer = null;
    readTexts = [];
    reading = 'none';
    readingSeq++;
    lastComposerText = '';
    lastSighting = '';
    pendingSend = null;
    heldSend = null;
    aiArmedAt = Number.NEGATIVE_INFINITY;
    store.setState({
      dismissed: new Map(),
      findings: [],
      customer: null,
      customerReading: 'none',
      customerMessages: [],
      guard: null,
    });
  };

  const paintComposer = () => {
    const { findings, dismissed, focused } = store.getState();
    const bySeverity: Record<'critical' | 'warning' | 'info', Range[]> = { critical: [], warning: [], info: [] };
    const focusRanges: Range[] = [];
    if (composerModel) {
      for (const f of findings) {
        if (dismissed.has(f.fingerprint)) continue;
        const range = rangeFor(composerModel, f.start, f.end);
        if (!range) continue;
        bySeverity[f.severity].push(range);
        if (f.fingerprint === focused) focusRanges.push(range.cloneRange());
      }
    }
    const painter = snapshot && painterFor(snapshot.composer.ownerDocument);
    if (!painter) return;
    painter.paint('critical', bySeverity.critical);
    painter.paint('warning', bySeverity.warning);
    painter.paint('info', bySeverity.info);
    painter.paint('focus', focusRanges);
    opts.onPainted?.();
  };

  const paintCues = () => {
    const ranges: Range[] = [];
    const cues = [...(customer?.sarcasm.cues ?? []), ...(customer?.escalation.cues ?? [])];
    for (const cue of cues) {
      const model = customerModels[cue.message];
      // A cue points into the text it was read from; skip it if that message has changed since.
      if (!model || model.text !== readTexts[cue.message]) continue;
      const range = rangeFor(model, cue.start, cue.end);
      if (range) ranges.push(range);
    }
    painterFor(doc)?.paint('cue', ranges);
  };

  /** A large insertion right after an AI control was used is the suggestion arriving. */
  const detectSuggestion = (text: string) => {
    const now = Date.now();
    const grown = text.trim().length - lastComposerText.trim().length;
    const armed = now - aiArmedAt < AI_INSERT_WINDOW_MS;
    const arrived = aiShape === 'in-place-rewrite' ? text !== lastComposerText && text.trim() !== '' : grown >= 20;
    if (armed && arrived) {
      aiArmedAt = Number.NEGATIVE_INFINITY;
      const current = tracker.current;
      // Inserting a card or panel answer that was already being followed keeps its baseline and start time.
      const sameAsShown =
        current && current.shape !== 'draft-in-composer' && similarity(current.text, text) >= SAME_SUGGESTION;
      if (!sameAsShown) tracker.show({ id: crypto.randomUUID(), shape: aiShape, text, shownAt: now });
    }
    lastComposerText = text;
  };

  const analyzeComposer = () => {
    if (!snapshot) return;
    composerModel = readComposer(snapshot.composer);
    const reply = composerModel.text;
    const findings =
      reply.trim() && analysisOn()
        ? checker.check({ reply, customer, customerMessages: customerTexts, agent: agentTexts }, opts.checkOptions?.())
        : [];
    // Most keystrokes leave the findings as they were: skip the overlay's re-render then.
    if (!sameFindings(findings, store.getState().findings)) store.setState({ findings });
    const coverage = reply.trim() && analysisOn() ? checker.coverage() : null;
    if (coverage !== store.getState().coverage) store.setState({ coverage });
    paintComposer();
    detectSuggestion(reply);
  };

  /** AI text shown outside the composer (a card, a panel answer) starts tracking when it first appears. */
  const followSighting = (snap: HostSnapshot) => {
    const text = snap.suggestion?.text.trim() ?? '';
    if (!snap.suggestion || !text || text === lastSighting) return;
    lastSighting = text;
    if (tracker.current && similarity(tracker.current.text, text) >= SAME_SUGGESTION) return;
    tracker.show({ id: crypto.randomUUID(), shape: snap.suggestion.shape, text, shownAt: Date.now() });
  };

  const confirmSend = (snap: HostSnapshot) => {
    if (!pendingSend) return;
    if (Date.now() - pendingSend.at > SEND_CONFIRM_WINDOW_MS) {
      pendingSend = null;
      return;
    }
    const agents = snap.thread.filter((m) => m.author === 'agent');
    const composerEmpty = composerText(snap.composer).trim() === '';
    if (agents.length <= pendingSend.agentCount || !composerEmpty) return;
    const sentText = agents[agents.length - 1]?.text ?? '';
    const { context } = pendingSend;
    pendingSend = null;
    emit(tracker.sent(sentText, Date.now()), context);
  };

  const refresh = guard.run(() => {
    const url = new URL(win.location.href);
    const result = adapter.read(doc, url);
    if (isProblem(result)) {
      clearPaint();
      if (ticketKey !== null) resetTicket(null);
      snapshot = null;
      store.setState({ status: 'paused', detail: result.detail, ticketId: null, anchor: null });
      reportStatus({
        helpdesk: adapter.id,
        host: win.location.hostname,
        state: result.problem === 'no-ticket' ? 'waiting' : 'paused-error',
        detail: result.detail,
      });
      return;
    }
    const key = `${result.helpdesk}:${result.ticketId}`;
    if (key !== ticketKey) resetTicket(key);
    const composerChanged = snapshot?.composer !== result.composer;
    snapshot = result;
    if (composerChanged) {
      store.setState({ anchor: result.composer });
      watchDocument(result.composer.ownerDocument);
    }
    const avoid = [
      ...result.sendControls,
      ...result.aiControls.map((c) => c.element),
      ...result.discardControls,
      ...result.escalationControls,
      ...(result.suggestion ? [result.suggestion.element] : []),
    ];
    const previousAvoid = store.getState().avoid;
    if (avoid.length !== previousAvoid.length || avoid.some((el, i) => el !== previousAvoid[i]))
      store.setState({ avoid });

    customerModels = result.thread.filter((m) => m.author === 'customer').map((m) => buildTextModel(m.element));
    const texts = customerModels.map((m) => m.text);
    const nextKey = `${analysisOn()}\u0000${texts.join('\u0000')}`;
    if (nextKey !== customerKey) {
      customerKey = nextKey;
      customerTexts = texts;
      if (analysisOn() && texts.length > 0) readCustomer(texts);
      else {
        readingSeq++;
        customer = null;
        readTexts = texts;
        reading = 'none';
      }
    } else if (reading === 'unavailable' && Date.now() - unavailableAt > ANALYSIS_RETRY_AFTER_UNAVAILABLE_MS) {
      readCustomer(texts);
    }
    const agents = result.thread.filter((m) => m.author === 'agent').map((m) => m.text);
    if (agents.join('\u0000') !== agentTexts.join('\u0000')) agentTexts = agents;
    const state = store.getState();
    if (
      state.status !== 'active' ||
      state.ticketId !== result.ticketId ||
      state.customer !== customer ||
      state.customerReading !== reading ||
      state.customerMessages !== readTexts
    ) {
      store.setState({
        status: 'active',
        detail: '',
        ticketId: result.ticketId,
        customer,
        customerReading: reading,
        customerMessages: readTexts,
      });
    }
    reportStatus({
      helpdesk: adapter.id,
      host: win.location.hostname,
      state: 'active',
      detail: `Checking ticket ${result.ticketId}`,
    });
    paintCues();
    followSighting(result);
    analyzeComposer();
    confirmSend(result);
  });

  /** An answer about the customer: applied only if nothing newer was asked since (same ticket, same texts). */
  const applyReading = guard.run(
    (seq: number, texts: string[], result: CustomerSignals | null, outcome: 'ready' | 'unavailable') => {
      if (seq !== readingSeq || signal.aborted) return;
      customer = result;
      readTexts = texts;
      reading = outcome === 'ready' && !result ? 'none' : outcome;
      if (outcome === 'unavailable') unavailableAt = Date.now();
      store.setState({ customer, customerMessages: readTexts, customerReading: reading });
      paintCues();
      // Several rules read the customer's mood: the composer's findings change with it.
      analyzeComposer();
    },
  );

  /**
   * Asks for a reading of `texts`, retrying with back-off. On the same ticket the previous
   * reading stays up until the new one arrives, so highlights that depend on it do not flicker;
   * the reply is checked without signals only while there is none yet.
   */
  const readCustomer = (texts: string[]) => {
    const seq = ++readingSeq;
    if (reading !== 'ready') reading = 'pending';
    const delays = opts.analysisRetryDelays ?? ANALYSIS_RETRY_DELAYS_MS;
    const timeoutMs = opts.analysisTimeoutMs ?? ANALYSIS_TIMEOUT_MS;
    void (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await withTimeout(opts.analyzeCustomer(texts), timeoutMs, signal);
          applyReading(seq, texts, result, 'ready');
          return;
        } catch {
          const wait = delays[attempt];
          if (seq !== readingSeq || signal.aborted) return;
          if (wait === undefined) {
            applyReading(seq, texts, null, 'unavailable');
            return;
          }
          await sleep(wait, signal);
          if (seq !== readingSeq || signal.aborted) return;
        }
      }
    })();
  };

  // One debounced observer per document (the page, and an editor iframe when there is one). The
  // debounce has a ceiling so a stream of changes (typing) never starves the analysis.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt = 0;
  const schedule = () => {
    const now = Date.now();
    if (timer) clearTimeout(timer);
    else firstPendingAt = now;
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPendingAt + MAX_DEBOUNCE_MS - now));
    timer = setTimeout(() => {
      timer = null;
      refresh();
    }, wait);
  };
  const catchUp = () => {
    if (!timer) return;
    clearTimeout(timer);
    timer = null;
    refresh();
  };
  const onMutations = guard.run((records: MutationRecord[]) => {
    const composer = snapshot?.composer;
    // Typing or an AI insertion: re-check and repaint now (incrementally), so highlights follow
    // within the same frame and the suggestion is caught before the agent types over it. The rest
    // of the page (thread, navigation) is re-read after a short debounce.
    if (composer?.isConnected && records.some((r) => composer.contains(r.target))) analyzeComposer();
    schedule();
  });

  const inPath = (event: Event, elements: readonly Element[]) =>
    elements.length > 0 && event.composedPath().some((node) => elements.includes(node as Element));

  const beginSend = () => {
    const snap = snapshot;
    if (!snap) return;
    pendingSend = {
      at: Date.now(),
      agentCount: snap.thread.filter((m) => m.author === 'agent').length,
      context: contextNow(snap),
    };
  };

  /**
   * A send attempt: with an unresolved critical finding and a guard policy, hold it back and ask
   * in the overlay; otherwise let it through and wait for the helpdesk to confirm it.
   */
  const attemptSend = (event: Event, via: SendVia) => {
    if (bypassGuard) return;
    catchUp(); // a suggestion inserted a moment ago may still wait in the debounce
    const mode = opts.sendGuardMode?.() ?? 'warn';
    const state = store.getState();
    const critical = state.status === 'active' ? unresolvedCritical(state) : [];
    if (mode === 'off' || critical.length === 0) {
      beginSend();
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    heldSend = via;
    store.setState({ guard: { mode, fingerprints: critical.map((f) => f.fingerprint) }, collapsed: false });
  };

  const replayHeldSend = () => {
    const via = heldSend;
    heldSend = null;
    if (!via || !snapshot) return;
    beginSend();
    bypassGuard = true;
    try {
      if (via.kind === 'click') via.target.click();
      else if (via.kind === 'submit') via.form.requestSubmit();
      else {
        const button = snapshot.sendControls[0] as HTMLElement | undefined;
        if (button) button.click();
        else {
          const init = { key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true, bubbles: true, cancelable: true };
          snapshot.composer.dispatchEvent(new KeyboardEvent('keydown', init));
        }
      }
    } finally {
      bypassGuard = false;
    }
  };

  const onClick = guard.run((event: MouseEvent) => {
    if (!snapshot) return;
    const control = snapshot.aiControls.find((c) => inPath(event, [c.element]));
    if (control) {
      aiArmedAt = Date.now();
      aiShape = control.shape;
    }
    if (inPath(event, snapshot.discardControls)) emit(tracker.discarded(Date.now()), contextNow(snapshot));
    if (inPath(event, snapshot.escalationControls)) emit(tracker.escalated(Date.now()), contextNow(snapshot));
    const send = snapshot.sendControls.find((el) => inPath(event, [el]));
    if (send) attemptSend(event, { kind: 'click', target: send as HTMLElement });
  });
  const onKeyDown = guard.run((event: KeyboardEvent) => {
    if (!snapshot || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    if (inPath(event, [snapshot.composer])) attemptSend(event, { kind: 'key' });
  });
  // Pointing at a highlighted span in the composer emphasises its item in the panel (and back).
  let hoverFrame = 0;
  const onPointerMove = guard.run((event: PointerEvent) => {
    const composer = snapshot?.composer;
    if (!composer || !composerModel || isFieldComposer(composer) || !inPath(event, [composer])) return;
    const d = composer.ownerDocument;
    const view = d.defaultView;
    if (!view || hoverFrame) return;
    hoverFrame = view.requestAnimationFrame(
      guard.run(() => {
        hoverFrame = 0;
        const caret = d.caretRangeFromPoint?.(event.clientX, event.clientY);
        const at = caret && composerModel ? offsetOf(composerModel, caret.startContainer, caret.startOffset) : -1;
        const state = store.getState();
        const hit =
          at < 0
            ? undefined
            : state.findings.find((f) => f.start <= at && at < f.end && !state.dismissed.has(f.fingerprint));
        const focused = hit?.fingerprint ?? null;
        if (focused !== state.focused) state.setFocused(focused);
      }),
    );
  });

  // Form fields change without DOM mutations: follow their input and scroll events instead.
  const onFieldEvent = guard.run((event: Event) => {
    if (!snapshot || !isFieldComposer(snapshot.composer)) return;
    // The mirror is laid over the field: any scroll of the page moves it too.
    if (event.target === snapshot.composer || event.type === 'scroll') analyzeComposer();
  });
  const onSubmit = guard.run((event: SubmitEvent) => {
    const form = event.target as HTMLFormElement | null;
    if (!snapshot || !form?.contains(snapshot.composer)) return;
    attemptSend(event, { kind: 'submit', form });
  });

  const watched = new Set<Document>();
  const observers: MutationObserver[] = [];
  /** Observes a document and listens for sends in it; the page's, and an editor iframe's when the composer lives there. */
  function watchDocument(d: Document) {
    if (watched.has(d) || !d.defaultView) return;
    watched.add(d);
    const view = d.defaultView as Win;
    const observer = new view.MutationObserver(onMutations);
    observer.observe(d.body ?? d.documentElement, { childList: true, subtree: true, characterData: true });
    observers.push(observer);
    // Window capture runs before the helpdesk's own handlers on the document and its elements.
    view.addEventListener('click', onClick, { capture: true, signal });
    view.addEventListener('keydown', onKeyDown, { capture: true, signal });
    view.addEventListener('submit', onSubmit, { capture: true, signal });
    view.addEventListener('input', onFieldEvent, { capture: true, signal });
    view.addEventListener('pointermove', onPointerMove, { capture: true, passive: true, signal });
    view.addEventListener('scroll', onFieldEvent, { capture: true, passive: true, signal });
  }
  watchDocument(doc);
  win.addEventListener('resize', guard.run(paintComposer), { signal });

  const unsubscribe = store.subscribe(
    guard.run((state, previous) => {
      if (state.dismissed !== previous.dismissed || state.focused !== previous.focused) paintComposer();
      if (state.guardRelease !== previous.guardRelease) replayHeldSend();
      if (state.guard === null && previous.guard !== null && state.guardRelease === previous.guardRelease)
        heldSend = null;
    }),
  );

  signal.addEventListener('abort', () => {
    for (const observer of observers) observer.disconnect();
    if (timer) clearTimeout(timer);
    unsubscribe();
    for (const painter of painters.values()) painter.dispose();
    mirror?.dispose();
  });

  refresh();
  return { refresh };
}

/** Resolves after `ms`, or at once when `signal` aborts (the timer goes with it). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** `promise`, or a rejection when it has not settled within `ms` (or `signal` aborts first). */
function withTimeout<T>(promise: Promise<T>, ms: number, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(new Error('stopped'));
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
    signal.addEventListener('abort', abort);
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
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
