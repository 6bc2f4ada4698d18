import type { SuggestionShape } from '../db/schema';
import { type CheckOptions, checkReply } from '../engine/rules/check-reply';
import { analyzeCustomer } from '../engine/signals';
import type { CustomerSignals, Finding } from '../engine/types';
import { buildTextModel, rangeFor, type TextModel } from '../hosts/text-model';
import { type HostAdapter, type HostSnapshot, isProblem } from '../hosts/types';
import type { TabStatus } from '../messaging/protocol';
import type { HighlightPainter } from '../overlay/highlights';
import type { OverlayStore } from '../overlay/overlay-store';
import { type Decision, SuggestionTracker } from '../overrides/tracker';
import { createGuard } from './guard';

export interface ControllerOptions {
  win: Window & typeof globalThis;
  adapter: HostAdapter;
  store: OverlayStore;
  painter: HighlightPainter;
  /** A confirmed decision about an AI suggestion: the caller turns it into a row and stores it. */
  onDecision(decision: Decision, context: DecisionContext): void;
  onStatus(status: TabStatus): void;
  /** Called once the composer is known, so the overlay can anchor to it. */
  onComposer(composer: Element | null): void;
  /** Rule packs and severity choices in force; read on every check so policy changes apply live. */
  checkOptions?: () => CheckOptions;
  signal: AbortSignal;
}

/** What the page looked like when a decision was made. */
export interface DecisionContext {
  helpdesk: string;
  ticketId: string;
  customer: CustomerSignals | null;
  findings: Finding[];
  dismissed: ReadonlySet<string>;
}

/** Wait after the last DOM change before re-reading the thread. */
const THREAD_DEBOUNCE_MS = 150;
/** However busy the page, re-read at least this often while it changes. */
const MAX_DEBOUNCE_MS = 500;
/** An AI control click counts for insertions that land within this time. */
const AI_INSERT_WINDOW_MS = 4000;
/** A send click is forgotten if the helpdesk has not confirmed it by then (validation failed). */
const SEND_CONFIRM_WINDOW_MS = 15000;

/**
 * Watches one helpdesk tab: reads the active ticket through the adapter, analyses it, pushes the
 * result into the overlay store, paints highlights, and follows AI suggestions to an outcome.
 * Everything it starts stops when `signal` aborts.
 */
export function startController(opts: ControllerOptions): { refresh(): void } {
  const { win, adapter, store, painter, signal } = opts;
  const doc = win.document;
  const guard = createGuard((error) => {
    painter.clear();
    const detail = `ReplyGuard hit an internal error and stepped aside (${error instanceof Error ? error.message : 'unknown error'}). Reload the page to try again.`;
    store.setState({ status: 'paused', detail, findings: [], customer: null });
    opts.onStatus({ helpdesk: adapter.id, host: win.location.hostname, state: 'paused-error', detail });
  });

  const tracker = new SuggestionTracker();
  let snapshot: HostSnapshot | null = null;
  let ticketKey: string | null = null;
  let customerKey = '';
  let customer: CustomerSignals | null = null;
  let customerModels: TextModel[] = [];
  let composerModel: TextModel | null = null;
  let lastComposerText = '';
  let aiArmedAt = -Infinity;
  let aiShape: SuggestionShape = 'draft-in-composer';
  let pendingSend: { text: string; at: number; agentCount: number } | null = null;
  let lastStatus = '';

  const reportStatus = (status: TabStatus) => {
    const key = `${status.state}|${status.detail}`;
    if (key === lastStatus) return;
    lastStatus = key;
    opts.onStatus(status);
  };

  const resetTicket = (key: string | null) => {
    ticketKey = key;
    customerKey = '';
    customer = null;
    lastComposerText = '';
    pendingSend = null;
    aiArmedAt = -Infinity;
    const stale = tracker.discarded(Date.now());
    if (stale && snapshot) emitDecision(stale, snapshot);
    store.setState({ dismissed: new Set(), findings: [], customer: null, customerMessages: [] });
  };

  const emitDecision = (decision: Decision, snap: HostSnapshot) => {
    const state = store.getState();
    opts.onDecision(decision, {
      helpdesk: snap.helpdesk,
      ticketId: snap.ticketId,
      customer: state.customer,
      findings: state.findings,
      dismissed: state.dismissed,
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
    painter.paint('critical', 'composer', bySeverity.critical);
    painter.paint('warning', 'composer', bySeverity.warning);
    painter.paint('info', 'composer', bySeverity.info);
    painter.paint('focus', 'composer', focusRanges);
  };

  const paintCues = () => {
    const ranges: Range[] = [];
    for (const cue of customer?.sarcasm.cues ?? []) {
      const model = customerModels[cue.message];
      const range = model && rangeFor(model, cue.start, cue.end);
      if (range) ranges.push(range);
    }
    for (const cue of customer?.escalation.cues ?? []) {
      const model = customerModels[cue.message];
      const range = model && rangeFor(model, cue.start, cue.end);
      if (range) ranges.push(range);
    }
    painter.paint('cue', 'thread', ranges);
  };

  const analyzeComposer = () => {
    if (!snapshot) return;
    composerModel = buildTextModel(snapshot.composer);
    const reply = composerModel.text;
    const findings = reply.trim()
      ? checkReply(
          {
            reply,
            customer,
            customerMessages: customerModels.map((m) => m.text),
            agent: snapshot.thread.filter((m) => m.author === 'agent').map((m) => m.text),
          },
          opts.checkOptions?.(),
        )
      : [];
    store.setState({ findings });
    paintComposer();

    detectSuggestion(reply);
  };

  /** A large insertion right after an AI control was used is the suggestion arriving. */
  const detectSuggestion = (text: string) => {
    const now = Date.now();
    if (now - aiArmedAt < AI_INSERT_WINDOW_MS && text.trim().length - lastComposerText.trim().length >= 20) {
      aiArmedAt = -Infinity;
      tracker.show({ id: crypto.randomUUID(), shape: aiShape, text, shownAt: now });
    }
    lastComposerText = text;
  };

  const confirmSend = (snap: HostSnapshot) => {
    if (!pendingSend) return;
    if (Date.now() - pendingSend.at > SEND_CONFIRM_WINDOW_MS) {
      pendingSend = null;
      return;
    }
    const agents = snap.thread.filter((m) => m.author === 'agent');
    const composerEmpty = buildTextModel(snap.composer).text.trim() === '';
    if (agents.length <= pendingSend.agentCount || !composerEmpty) return;
    const sentText = agents[agents.length - 1]?.text ?? pendingSend.text;
    pendingSend = null;
    const decision = tracker.sent(sentText, Date.now());
    if (decision) emitDecision(decision, snap);
  };

  const refresh = guard.run(() => {
    const url = new URL(win.location.href);
    const result = adapter.read(doc, url);
    if (isProblem(result)) {
      snapshot = null;
      painter.clear();
      if (ticketKey !== null) resetTicket(null);
      store.setState({ status: 'paused', detail: result.detail, ticketId: null });
      opts.onComposer(null);
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
    if (composerChanged) opts.onComposer(result.composer);

    customerModels = result.thread.filter((m) => m.author === 'customer').map((m) => buildTextModel(m.element));
    const texts = customerModels.map((m) => m.text);
    const nextKey = texts.join('\u0000');
    if (nextKey !== customerKey) {
      customerKey = nextKey;
      customer = analyzeCustomer(texts);
    }
    store.setState({ status: 'active', detail: '', ticketId: result.ticketId, customer, customerMessages: texts });
    reportStatus({
      helpdesk: adapter.id,
      host: win.location.hostname,
      state: 'active',
      detail: `Checking ticket ${result.ticketId}`,
    });
    paintCues();
    analyzeComposer();
    confirmSend(result);
  });

  // One debounced observer for the whole page: thread, composer and navigation all show up here.
  // The debounce has a ceiling so a stream of changes (typing) never starves the analysis.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt = 0;
  const schedule = () => {
    const now = Date.now();
    if (timer) clearTimeout(timer);
    else firstPendingAt = now;
    const wait = Math.max(0, Math.min(THREAD_DEBOUNCE_MS, firstPendingAt + MAX_DEBOUNCE_MS - now));
    timer = setTimeout(() => {
      timer = null;
      refresh();
    }, wait);
  };
  const onMutations = () => {
    // While an AI control was just used, catch its insertion at once, before the agent types over it.
    if (snapshot && Date.now() - aiArmedAt < AI_INSERT_WINDOW_MS)
      detectSuggestion(buildTextModel(snapshot.composer).text);
    schedule();
  };
  const observer = new win.MutationObserver(guard.run(onMutations));
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });

  const inPath = (event: Event, elements: readonly Element[] | undefined) =>
    !!elements && event.composedPath().some((node) => elements.includes(node as Element));

  const onClick = guard.run((event: Event) => {
    if (!snapshot) return;
    const control = snapshot.aiControls.find((c) => inPath(event, [c.element]));
    if (control) {
      aiArmedAt = Date.now();
      aiShape = control.shape;
    }
    if (inPath(event, snapshot.sendControls)) beginSend();
  });
  const onKeyDown = guard.run((event: KeyboardEvent) => {
    if (!snapshot || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    if (inPath(event, [snapshot.composer])) beginSend();
  });
  const beginSend = () => {
    // Catch up first: a suggestion inserted a moment ago may still wait in the debounce.
    if (timer) {
      clearTimeout(timer);
      timer = null;
      refresh();
    }
    const snap = snapshot;
    if (!snap) return;
    pendingSend = {
      text: buildTextModel(snap.composer).text,
      at: Date.now(),
      agentCount: snap.thread.filter((m) => m.author === 'agent').length,
    };
  };
  doc.addEventListener('click', onClick, { capture: true, signal });
  doc.addEventListener('keydown', onKeyDown, { capture: true, signal });
  win.addEventListener('resize', guard.run(paintComposer), { signal });

  const unsubscribe = store.subscribe(
    guard.run((state, previous) => {
      if (state.dismissed !== previous.dismissed || state.focused !== previous.focused) paintComposer();
    }),
  );

  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
    unsubscribe();
    painter.dispose();
  });

  refresh();
  return { refresh };
}
