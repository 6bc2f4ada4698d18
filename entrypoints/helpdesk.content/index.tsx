import ReactDOM from 'react-dom/client';
import type { ContentScriptContext } from '#imports';
import { Overlay } from '@/components/overlay/Overlay';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { startController } from '@/lib/content/controller';
import type { SuggestionMemory } from '@/lib/content/suggestions';
import { redactPii } from '@/lib/engine/pii';
import { hasPhoneMetadata, setPhoneMetadata } from '@/lib/engine/pii/phone';
import { HELPDESK_MATCHES, helpdeskName } from '@/lib/hosts/helpdesks';
import { adapterById, adapterFor } from '@/lib/hosts/registry';
import { markRunning } from '@/lib/messaging/running-marker';
import { sendToBackground } from '@/lib/messaging/send';
import { HighlightPainter } from '@/lib/overlay/highlights';
import { createOverlayStore } from '@/lib/overlay/overlay-store';
import { type LogEvent, overrideEvent, reasonEvent } from '@/lib/overrides/events';
import { makeOverrideRow } from '@/lib/overrides/make-row';
import { Outbox, type OutboxStore } from '@/lib/overrides/outbox';
import { createTicketHasher } from '@/lib/overrides/ticket-hash';
import type { TrackedSuggestion } from '@/lib/overrides/tracker';
import { checkOptionsFrom, regionFromLocale } from '@/lib/settings/check-options';
import { customHelpdeskFor } from '@/lib/settings/custom-helpdesks';
import type { Settings } from '@/lib/settings/schema';
import { startupSettings, updateSettings, watchSettings } from '@/lib/settings/storage';

const OUTBOX_PREFIX = 'outbox:';

/** Each waiting event under its own key, so tabs never overwrite each other's queue. */
const outboxStore: OutboxStore = {
  async loadAll() {
    const all = await browser.storage.local.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith(OUTBOX_PREFIX))
      .map(([, value]) => value as LogEvent);
  },
  put: (event) => browser.storage.local.set({ [OUTBOX_PREFIX + event.id]: event }),
  remove: (ids) => browser.storage.local.remove(ids.map((id) => OUTBOX_PREFIX + id)),
};

/**
 * The suggestion followed on each ticket, kept for the browser session in `storage.session`
 * (memory only, never written to disk; the background opens it to content scripts), so a page
 * reload or a helpdesk that reloads between actions does not lose it. Without storage.session
 * (older Firefox) nothing is kept.
 */
const suggestionMemory: SuggestionMemory = {
  async load(ticketKey) {
    const key = `suggestion:${ticketKey}`;
    const found = await browser.storage.session.get(key);
    return (found[key] as TrackedSuggestion | undefined) ?? null;
  },
  save(ticketKey, suggestion) {
    const key = `suggestion:${ticketKey}`;
    const done = suggestion ? browser.storage.session.set({ [key]: suggestion }) : browser.storage.session.remove(key);
    done.catch(() => {});
  },
};

/** Where the agent moved the overlay and whether they folded it, per helpdesk. */
interface OverlayLayout {
  place: { left: number; top: number } | null;
  collapsed: boolean;
}
const overlayLayout = (helpdesk: string) =>
  storage.defineItem<OverlayLayout>(`local:overlayLayout:${helpdesk}`, { fallback: { place: null, collapsed: false } });

/** "Don't ask again today" for the reason prompt, until local midnight. */
const reasonMutedUntil = storage.defineItem<number>('local:reasonMutedUntil', { fallback: 0 });

function endOfToday(): number {
  const d = new Date();
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

/**
 * The overlay's store and its shadow-root host, built but not mounted yet. The CSS goes in as a
 * string (bundled), so nothing is fetched here.
 */
async function createOverlay(ctx: ContentScriptContext, helpdesk: string) {
  const store = createOverlayStore(helpdesk);
  const ui = await createShadowRootUi(ctx, {
    name: 'replyguard-overlay',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
    css: overlayCss,
    onMount(container) {
      const wrapper = document.createElement('div');
      container.append(wrapper);
      const root = ReactDOM.createRoot(wrapper);
      root.render(<Overlay store={store} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  return { store, ui };
}

function describeSaveError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/quota|storage.*full|QuotaExceeded/i.test(text)) {
    return 'ReplyGuard cannot save decisions: browser storage is full. Free some space; nothing is lost while this tab stays open.';
  }
  return 'ReplyGuard has not saved the latest decisions yet; it keeps retrying.';
}

export default defineContentScript({
  matches: [...HELPDESK_MATCHES],
  // The overlay's CSS is bundled and handed to the shadow root: no fetch of a web-accessible file
  // on start-up (about 10 to 40 ms) and no URL a page could probe for.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Start-up marks (User Timing, shown in DevTools and read by `npm run bench:page`).
    const started = performance.mark('replyguard:main').startTime;
    // So the background never starts a second copy over this one (lib/messaging/running-marker.ts).
    const notRunning = markRunning(browser.runtime.getManifest().version);
    ctx.onInvalidated(notRunning);
    const url = new URL(location.href);
    // A built-in helpdesk is known from the URL alone: its overlay is built while the settings
    // (storage.local and the managed policy) are read, instead of after.
    const builtIn = adapterFor(url);
    const settingsRead = startupSettings();
    const early = builtIn ? createOverlay(ctx, builtIn.id) : null;
    const startup = await settingsRead;
    let settings = startup.settings;
    performance.mark('replyguard:settings-read');
    // Built-in adapters first; on an admin's custom domain, the adapter (or selectors) it names.
    const adapterOn = (s: Settings) => {
      const custom = builtIn ? null : customHelpdeskFor(url, s);
      // Self-hosted Zammad or Chatwoot may open on a page whose shape no adapter recognises yet:
      // the admin's entry names the adapter to use there.
      return (
        builtIn ??
        (custom
          ? (adapterFor(url, custom.adapter === 'generic' ? custom.selectors : undefined) ??
            adapterById(custom.adapter, custom.selectors))
          : null)
      );
    };
    let found = adapterOn(settings);
    if ((!found || !settings.helpdesks[found.id]) && startup.confirmed) {
      // The copy of the policy says no: the policy itself decides (it may have changed since).
      settings = await startup.confirmed;
      found = adapterOn(settings);
    }
    const adapter = found;
    if (!adapter || !settings.helpdesks[adapter.id]) return notRunning();
    const reportStatus = (status: Parameters<typeof sendToBackground<'content→background:tab-status'>>[1]['status']) =>
      void sendToBackground('content→background:tab-status', { status }).catch(() => {});
    const pausedStatus = {
      helpdesk: adapter.id,
      host: location.hostname,
      state: 'paused-by-user',
      detail: 'Paused on this site.',
    } as const;
    if (settings.pausedSites.includes(location.hostname)) {
      reportStatus(pausedStatus);
      return notRunning();
    }

    const { store, ui } = await (early ?? createOverlay(ctx, adapter.id));
    // The agent's own place for the overlay on this helpdesk, and whether they folded it.
    const layout = overlayLayout(adapter.id);
    layout.getValue().then(
      (saved) => store.setState({ place: saved.place, collapsed: saved.collapsed }),
      () => {},
    );
    store.subscribe((state, previous) => {
      if (state.place !== previous.place || state.collapsed !== previous.collapsed) {
        void layout.setValue({ place: state.place, collapsed: state.collapsed }).catch(() => {});
      }
    });
    const outbox = new Outbox({
      store: outboxStore,
      deliver: (events) => sendToBackground('content→background:record-events', { events }),
      onError: (error) => store.setState({ saveError: describeSaveError(error) }),
      onDrained: () => store.setState({ saveError: null }),
      signal: ctx.signal,
    });

    // The ticket's keyed hash comes from the background, which holds the key: neither the ticket
    // id nor a plain hash of it is ever written to the outbox (storage.local).
    const askTicketHash = createTicketHasher({
      ask: async (helpdesk, ticketId) =>
        (await sendToBackground('content→background:ticket-hash', { helpdesk, ticketId })).ticketHash,
      signal: ctx.signal,
    });

    ui.mount();
    performance.mark('replyguard:overlay-mounted');

    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const region = regionFromLocale(document.documentElement.lang || navigator.language);
    // Each open ticket's hashed id, worked out when the ticket opens: a decision taken as the page
    // unloads (a send that navigates) has no time to wait for it.
    const ticketHashes = new Map<string, string>();
    const ticketHash = async (helpdesk: string, ticketId: string) => {
      const hash = await askTicketHash(helpdesk, ticketId);
      ticketHashes.set(`${helpdesk}:${ticketId}`, hash);
      return hash;
    };
    let policyConfirmed = !startup.confirmed;
    startup.confirmed?.then(
      () => {
        policyConfirmed = true;
      },
      () => {},
    );
    const running = startController({
      win: window,
      adapter,
      store,
      createPainter: (win) => new HighlightPainter(win, () => ui.shadow),
      overlayRoot: () => ui.shadow,
      signal: controller.signal,
      sendGuardMode: () => settings.sendGuard,
      // Phone numbers written the national way are read for the helpdesk's country: the page's
      // language tag, else the browser's.
      checkOptions: () => checkOptionsFrom(settings, region),
      analysisEnabled: () => settings.analysis[adapter.id] !== false,
      // In-page hook: a revision counter on our own host element, so benchmarks can time
      // keystroke → repaint from the page without reaching into the isolated world.
      onPainted: () => {
        const host = ui.shadowHost;
        host.dataset.rgRevision = String(Number(host.dataset.rgRevision ?? 0) + 1);
      },
      onStatus: reportStatus,
      // The language model lives in the background: the page's script stays small and fast to start.
      analyzeCustomer: async (messages) =>
        (await sendToBackground('content→background:analyze-customer', { messages })).customer,
      memory: suggestionMemory,
      onTicket: (helpdesk, ticketId) => void ticketHash(helpdesk, ticketId).catch(() => {}),
      onDecision: (decision, context) => {
        const rowFor = (hash: string) =>
          makeOverrideRow(decision, context, {
            privacy: settings.privacyMode,
            agent: settings.agentLabel,
            ticketHash: hash,
            redact: redactPii,
          });
        const askWhy = async (row: ReturnType<typeof rowFor>) => {
          if (row.outcome !== 'accepted' && Date.now() >= (await reasonMutedUntil.getValue())) {
            store.setState({ reasonPrompt: { overrideId: row.id, outcome: row.outcome } });
          }
        };
        const known = ticketHashes.get(`${context.helpdesk}:${context.ticketId}`);
        if (known && policyConfirmed) {
          // Everything is at hand: the write starts before this returns, which a decision taken
          // as the page unloads (pagehide) needs.
          const row = rowFor(known);
          outbox.add(overrideEvent(row)).then(
            () => askWhy(row),
            (error: unknown) => store.setState({ saveError: describeSaveError(error) }),
          );
          return;
        }
        const record = async () => {
          // Started from the copy of the policy: what is kept of the texts (privacy mode) and the
          // agent's label come from the real policy, so wait for it (at most the ~2 s it lags).
          if (startup.confirmed) await startup.confirmed.then(follow, () => {});
          const row = rowFor(await ticketHash(context.helpdesk, context.ticketId));
          await outbox.add(overrideEvent(row));
          await askWhy(row);
        };
        record().catch((error: unknown) => store.setState({ saveError: describeSaveError(error) }));
      },
    });

    // The phone checks' metadata lives in the background (the content script's size budget has no
    // room for it); until it arrives, phone numbers go unflagged.
    if (!hasPhoneMetadata()) {
      sendToBackground('content→background:phone-metadata', {}).then(
        ({ metadata }) => {
          setPhoneMetadata(metadata);
          running.recheck();
        },
        () => {},
      );
    }

    // From main() to the controller's first scan and check done; React paints the panel after.
    ui.shadowHost.dataset.rgStartupMs = (performance.mark('replyguard:started').startTime - started).toFixed(1);

    // Settings follow live: the real policy when start-up used the background's copy of it, then
    // every change (options, a policy pushed while the browser runs, a pause from another tab).
    // Switched off or paused here, this tab stops at once rather than at its next reload.
    let stopped = false;
    const stop = (status: Parameters<typeof reportStatus>[0]) => {
      if (stopped) return;
      stopped = true;
      notRunning();
      unwatch();
      controller.abort();
      ui.remove();
      reportStatus(status);
    };
    const follow = (next: Settings) => {
      settings = next;
      if (!adapterOn(next)) {
        // An admin's custom domain taken off the list: the background unregisters the script for
        // new loads, and this tab stops now.
        stop({
          helpdesk: adapter.id,
          host: location.hostname,
          state: 'switched-off',
          detail: 'This domain is no longer listed as a helpdesk in the options.',
        });
      } else if (!next.helpdesks[adapter.id]) {
        stop({
          helpdesk: adapter.id,
          host: location.hostname,
          state: 'switched-off',
          detail: `${helpdeskName(adapter.id)} is switched off in the options.`,
        });
      } else if (next.pausedSites.includes(location.hostname)) {
        stop(pausedStatus);
      }
    };
    const unwatch = watchSettings(follow);
    ctx.onInvalidated(unwatch);
    startup.confirmed?.then(follow, () => {});

    store.subscribe((state, previous) => {
      const answer = state.lastReasonAnswer;
      if (answer && answer !== previous.lastReasonAnswer) {
        if ('reason' in answer) {
          const keep = { privacy: settings.privacyMode, redact: redactPii };
          void outbox.add(reasonEvent(answer.overrideId, answer.reason, answer.note, keep));
        }
        if ('muteToday' in answer) void reasonMutedUntil.setValue(endOfToday());
      }
      if (state.pauseRequested !== previous.pauseRequested) {
        updateSettings({ pausedSites: [...new Set([...settings.pausedSites, location.hostname])] }).then(
          () => stop(pausedStatus),
          (error: unknown) =>
            store.setState({
              saveError: `Could not pause here: ${error instanceof Error ? error.message : String(error)}`,
            }),
        );
      }
    });
  },
});
