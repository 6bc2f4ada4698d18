import '@/components/overlay/overlay.css';
import ReactDOM from 'react-dom/client';
import { Overlay } from '@/components/overlay/Overlay';
import { startController } from '@/lib/content/controller';
import type { OverrideRow } from '@/lib/db/schema';
import { redactPii } from '@/lib/engine/pii';
import { HELPDESK_MATCHES } from '@/lib/hosts/helpdesks';
import { adapterFor } from '@/lib/hosts/registry';
import { sendToBackground } from '@/lib/messaging/send';
import { HighlightPainter } from '@/lib/overlay/highlights';
import { createOverlayStore } from '@/lib/overlay/overlay-store';
import { hashTicket } from '@/lib/overrides/ids';
import { makeOverrideRow } from '@/lib/overrides/make-row';
import { Outbox } from '@/lib/overrides/outbox';
import { loadSettings } from '@/lib/settings/storage';

const outboxItem = storage.defineItem<OverrideRow[]>('local:outbox', { fallback: [] });

export default defineContentScript({
  matches: [...HELPDESK_MATCHES],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    if (!adapter) return;
    const settings = await loadSettings();
    if (!settings.helpdesks[adapter.id]) return;
    if (settings.pausedSites.includes(location.hostname)) {
      void sendToBackground('content→background:tab-status', {
        status: {
          helpdesk: adapter.id,
          host: location.hostname,
          state: 'paused-by-user',
          detail: 'Paused on this site.',
        },
      });
      return;
    }

    const store = createOverlayStore(adapter.id);
    const outbox = new Outbox({
      store: { load: () => outboxItem.getValue(), save: (rows) => outboxItem.setValue(rows) },
      deliver: (rows) => sendToBackground('content→background:record-overrides', { rows }),
      signal: ctx.signal,
    });

    const ui = await createShadowRootUi(ctx, {
      name: 'replyguard-overlay',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: true,
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
    ui.mount();

    startController({
      win: window,
      adapter,
      store,
      painter: new HighlightPainter(window),
      signal: ctx.signal,
      onComposer: (composer) => store.setState({ anchor: composer }),
      onStatus: (status) => void sendToBackground('content→background:tab-status', { status }).catch(() => {}),
      onDecision: (decision, context) =>
        void hashTicket(context.helpdesk, context.ticketId).then((ticketHash) =>
          outbox.add(
            makeOverrideRow(decision, context, {
              privacy: settings.privacyMode,
              agent: settings.agentLabel,
              ticketHash,
              redact: redactPii,
            }),
          ),
        ),
    });
  },
});
