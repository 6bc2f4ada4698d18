import type { CheckOptions } from '../engine/rules/check-reply';
import type { CustomerSignals } from '../engine/types';
import { TextModelCache } from '../hosts/text-cache';
import { offsetOf, type TextModel } from '../hosts/text-model';
import { type HostAdapter, type HostSnapshot, isProblem } from '../hosts/types';
import type { TabStatus } from '../messaging/protocol';
import type { HighlightPainter } from '../overlay/highlights';
import type { OverlayStore } from '../overlay/overlay-store';
import { isFieldComposer } from '../overlay/textarea-mirror';
import type { Decision } from '../overrides/tracker';
import type { DecisionContext } from '../overrides/types';
import type { SendGuardMode } from '../settings/schema';
import { CustomerReader, sameTexts } from './customer-reading';
import { createGuard } from './guard';
import { ReplyCheck } from './reply-check';
import { SendGuard, type SendVia } from './send-guard';
import { SuggestionFollower, type SuggestionMemory } from './suggestions';

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
  /**
   * A confirmed decision about an AI suggestion: the caller turns it into a row and stores it.
   * Called synchronously from `pagehide` for a send that made the helpdesk leave the page: the
   * caller must start the write before returning.
   */
  onDecision(decision: Decision, context: DecisionContext): void;
  /** A ticket opened: the caller may prepare what a decision on it will need (its keyed id). */
  onTicket?(helpdesk: string, ticketId: string): void;
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
  /** Keeps a followed suggestion across page loads of the browser session (storage.session). */
  memory?: SuggestionMemory;
  signal: AbortSignal;
}

export type { DecisionContext };

/** Wait after the last DOM change before re-reading the page. */
const DEBOUNCE_MS = 120;
/** However busy the page, re-read at least this often while it changes. */
const MAX_DEBOUNCE_MS = 400;
/**
 * A `<textarea>` whose value a framework sets fires no event and changes no DOM: look at it this
 * often while it is the composer.
 */
const FIELD_POLL_MS = 300;
const ANALYSIS_RETRY_DELAYS_MS: readonly number[] = [250, 1000, 4000];
const ANALYSIS_TIMEOUT_MS = 3000;
/** After the reading was unavailable, the next page change this much later asks again. */
const ANALYSIS_RETRY_AFTER_UNAVAILABLE_MS = 30_000;

/**
 * Watches one helpdesk tab. This file wires the parts together: reading the page through the
 * adapter (here: debounced observation, ticket changes, the thread with its text cache), the
 * customer reading (`customer-reading.ts`), checking and painting the reply (`reply-check.ts`),
 * following suggestions to their outcome (`suggestions.ts`) and the send-guard
 * (`send-guard.ts`). Everything it starts stops when `signal` aborts.
 */
export function startController(opts: ControllerOptions): { refresh(): void; recheck(): void } {
  const { win, adapter, store, signal } = opts;
  const doc = win.document;
  const analysisOn = () => opts.analysisEnabled?.() ?? true;

  const guard = createGuard((error) => {
    check.clearPaint();
    const detail = `it hit an internal error and stepped aside (${error instanceof Error ? error.message : 'unknown error'}). Sending works as usual; reload the page to try again.`;
    store.setState({ status: 'paused', detail, findings: [], customer: null, guard: null });
    opts.onStatus({ helpdesk: adapter.id, host: win.location.hostname, state: 'paused-error', detail });
  });

  const check = new ReplyCheck({
    store,
    createPainter: opts.createPainter,
    overlayRoot: opts.overlayRoot,
    checkOptions: opts.checkOptions,
    analysisOn,
    onPainted: opts.onPainted,
  });
  const texts = new TextModelCache();
  const reader = new CustomerReader({
    analyzeCustomer: opts.analyzeCustomer,
    retryDelays: opts.analysisRetryDelays ?? ANALYSIS_RETRY_DELAYS_MS,
    timeoutMs: opts.analysisTimeoutMs ?? ANALYSIS_TIMEOUT_MS,
    retryAfterUnavailableMs: ANALYSIS_RETRY_AFTER_UNAVAILABLE_MS,
    signal,
    onChange: guard.run(() => {
      publishReading();
      paintCues();
      // Several rules read the customer's mood: the composer's findings change with it.
      analyzeComposer();
    }),
  });
  const follower = new SuggestionFollower({
    onDecision: opts.onDecision,
    wakeAfter: (ms) => {
      const timer = setTimeout(() => refresh(), ms);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    },
    memory: opts.memory,
  });
  const sendGuard = new SendGuard({
    store,
    mode: () => opts.sendGuardMode?.() ?? 'warn',
    onSend: () => {
      if (snapshot) follower.sendAttempt(contextNow(snapshot), agentCount(snapshot));
    },
  });

  let agentTexts: string[] = [];
  let snapshot: HostSnapshot | null = null;
  let ticketKey: string | null = null;
  let customerModels: TextModel[] = [];
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
  const agentCount = (snap: HostSnapshot) => snap.thread.filter((m) => m.author === 'agent').length;

  const publishReading = () => {
    const state = store.getState();
    if (
      state.customer !== reader.customer ||
      state.customerReading !== reader.state ||
      state.customerMessages !== reader.texts
    ) {
      store.setState({ customer: reader.customer, customerMessages: reader.texts, customerReading: reader.state });
    }
  };

  const paintCues = () => check.paintCues(doc, reader.customer, customerModels, reader.texts);

  /** The ticket shown changed (or closed): decide what was left on the old one, start the new one clean. */
  const changeTicket = (next: HostSnapshot | null) => {
    if (ticketKey !== null) follower.leaveTicket(snapshot ? contextNow(snapshot) : null);
    ticketKey = next ? `${next.helpdesk}:${next.ticketId}` : null;
    check.reset();
    reader.reset();
    agentTexts = [];
    sendGuard.drop();
    store.setState({
      dismissed: new Map(),
      findings: [],
      customer: null,
      customerReading: 'none',
      customerMessages: [],
      guard: null,
    });
    if (next && ticketKey) {
      follower.openTicket(ticketKey, check.composerText(next.composer));
      opts.onTicket?.(next.helpdesk, next.ticketId);
    }
  };

  const analyzeComposer = () => {
    if (!snapshot) return;
    const reply = check.check(snapshot.composer, {
      customer: reader.customer,
      customerMessages: reader.current,
      agent: agentTexts,
      customerName: snapshot.customerName,
    });
    follower.composerChanged(reply);
  };

  const refresh = guard.run(() => {
    const url = new URL(win.location.href);
    const result = adapter.read(doc, url, texts);
    if (isProblem(result)) {
      check.clearPaint();
      // A composer that closed right after a send is one way a helpdesk says it went.
      if (follower.sending) follower.followThread(agentTexts, false);
      // The reply editor closed (or not opened yet) on the same ticket: keep following it.
      const waiting = result.problem !== 'no-thread';
      if (ticketKey !== null && result.problem !== 'no-composer') changeTicket(null);
      snapshot = null;
      store.setState({ status: waiting ? 'waiting' : 'paused', detail: result.detail, anchor: null });
      reportStatus({
        helpdesk: adapter.id,
        host: win.location.hostname,
        state: waiting ? 'waiting' : 'paused-error',
        detail: result.detail,
      });
      return;
    }
    const key = `${result.helpdesk}:${result.ticketId}`;
    const newTicket = key !== ticketKey;
    if (newTicket) changeTicket(result);
    const composerChanged = snapshot?.composer !== result.composer;
    if (composerChanged && !newTicket) follower.composerAppeared(check.composerText(result.composer));
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
      // The customer's messages are what the agent reads while replying.
      ...result.thread.map((m) => m.element),
    ];
    const previousAvoid = store.getState().avoid;
    if (avoid.length !== previousAvoid.length || avoid.some((el, i) => el !== previousAvoid[i]))
      store.setState({ avoid });

    customerModels = result.thread.filter((m) => m.author === 'customer').map((m) => texts.model(m.element));
    reader.update(
      customerModels.map((m) => m.text),
      analysisOn(),
      Date.now(),
    );
    const agents = result.thread.filter((m) => m.author === 'agent').map((m) => m.text);
    if (!sameTexts(agents, agentTexts)) agentTexts = agents;
    const state = store.getState();
    if (state.status !== 'active' || state.ticketId !== result.ticketId) {
      store.setState({ status: 'active', detail: '', ticketId: result.ticketId });
    }
    publishReading();
    reportStatus({
      helpdesk: adapter.id,
      host: win.location.hostname,
      state: 'active',
      detail: `Checking ticket ${result.ticketId}`,
    });
    paintCues();
    follower.sighting(result.suggestion);
    analyzeComposer();
    follower.followThread(agentTexts, true);
  });

  // One debounced observer per document (the page, and an editor iframe when there is one). The
  // debounce has a ceiling so a stream of changes never starves the page read.
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
    const inComposer = (r: MutationRecord) => !!composer?.isConnected && composer.contains(r.target);
    const outside = records.filter((r) => !inComposer(r));
    // Typing or an insertion: re-check and repaint now (incrementally), so highlights follow
    // within the same frame and an insertion is seen before the agent types over it. Changes
    // elsewhere (thread, navigation, the composer opening or closing) re-read the page after a
    // short debounce; changes inside the composer alone never do, so typing in a long ticket
    // never re-reads its thread.
    if (outside.length < records.length) analyzeComposer();
    if (outside.length > 0) {
      texts.invalidate(outside);
      schedule();
    }
  });

  const inPath = (event: Event, elements: readonly Element[]) =>
    elements.length > 0 && event.composedPath().some((node) => elements.includes(node as Element));
  const inComposer = (event: Event) => !!snapshot && inPath(event, [snapshot.composer]);

  const attemptSend = (event: Event, via: SendVia) => {
    catchUp(); // an insertion a moment ago may still wait in the debounce
    analyzeComposer();
    sendGuard.attempt(event, via);
  };

  const onClick = guard.run((event: MouseEvent) => {
    if (!snapshot) return;
    const control = snapshot.aiControls.find((c) => inPath(event, [c.element]));
    if (control) follower.noteAiControl(control.shape);
    if (inPath(event, snapshot.macroControls ?? [])) follower.noteMacro();
    if (inPath(event, snapshot.discardControls)) follower.discarded(contextNow(snapshot));
    if (inPath(event, snapshot.escalationControls)) follower.escalated(contextNow(snapshot));
    const send = snapshot.sendControls.find((el) => inPath(event, [el]));
    if (send) attemptSend(event, { kind: 'click', target: send as HTMLElement });
  });
  const onKeyDown = guard.run((event: KeyboardEvent) => {
    if (!inComposer(event)) return;
    follower.noteKey(event);
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) attemptSend(event, { kind: 'key' });
  });
  const onComposerInput = guard.run((event: Event) => {
    if (!inComposer(event)) return;
    if (event.type === 'beforeinput') follower.noteInput(event as InputEvent);
    else if (event.type === 'paste' || event.type === 'drop') follower.notePaste();
    else follower.noteComposition(event as CompositionEvent);
  });
  // Pointing at a highlighted span in the composer emphasises its item in the panel (and back).
  let hoverFrame = 0;
  const onPointerMove = guard.run((event: PointerEvent) => {
    const composer = snapshot?.composer;
    if (!composer || !check.model || isFieldComposer(composer) || !inPath(event, [composer])) return;
    const d = composer.ownerDocument;
    const view = d.defaultView;
    if (!view || hoverFrame) return;
    hoverFrame = view.requestAnimationFrame(
      guard.run(() => {
        hoverFrame = 0;
        const caret = d.caretRangeFromPoint?.(event.clientX, event.clientY);
        const model = check.model;
        const at = caret && model ? offsetOf(model, caret.startContainer, caret.startOffset) : -1;
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
  // A send that made the helpdesk leave the page (FreeScout goes back to the folder) is decided
  // now: nothing runs after this.
  const onPageHide = guard.run(() => follower.pageHidden());

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
    const capture = { capture: true, signal };
    view.addEventListener('click', onClick, capture);
    view.addEventListener('keydown', onKeyDown, capture);
    for (const type of ['beforeinput', 'paste', 'drop', 'compositionstart', 'compositionend']) {
      view.addEventListener(type, onComposerInput, capture);
    }
    view.addEventListener('submit', onSubmit, capture);
    view.addEventListener('input', onFieldEvent, capture);
    view.addEventListener('pointermove', onPointerMove, { capture: true, passive: true, signal });
    view.addEventListener('scroll', onFieldEvent, { capture: true, passive: true, signal });
  }
  watchDocument(doc);
  win.addEventListener(
    'resize',
    guard.run(() => check.paintComposer()),
    { signal },
  );
  win.addEventListener('pagehide', onPageHide, { capture: true, signal });
  const poll = setInterval(
    guard.run(() => {
      if (snapshot && isFieldComposer(snapshot.composer) && snapshot.composer.value !== check.model?.text) {
        analyzeComposer();
      }
    }),
    FIELD_POLL_MS,
  );

  const unsubscribe = store.subscribe(
    guard.run((state, previous) => {
      if (state.dismissed !== previous.dismissed || state.focused !== previous.focused) check.paintComposer();
      if (state.guardRelease !== previous.guardRelease && snapshot) {
        sendGuard.replay(snapshot.sendControls, snapshot.composer);
      }
      if (state.guard === null && previous.guard !== null && state.guardRelease === previous.guardRelease)
        sendGuard.drop();
    }),
  );

  signal.addEventListener('abort', () => {
    for (const observer of observers) observer.disconnect();
    if (timer) clearTimeout(timer);
    clearInterval(poll);
    unsubscribe();
    check.dispose();
  });

  refresh();
  return {
    refresh,
    /** Checks the reply again from scratch: what the rules can see has changed (phone metadata arrived). */
    recheck: guard.run(() => {
      check.reset();
      analyzeComposer();
    }),
  };
}
