import { createBackgroundAudit } from '@/lib/background/audit';
import { handleMessage } from '@/lib/background/handle-message';
import { drainOrphanedOutbox, ORPHAN_AFTER_MS, OUTBOX_PREFIX } from '@/lib/background/outbox-drain';
import { openDatabase } from '@/lib/db/database';
import { applyEvents } from '@/lib/db/overrides';
import { isMessage, type TabStatus } from '@/lib/messaging/protocol';
import { CONTENT_SCRIPT_FILES, type RegistrationApis, syncCustomContentScripts } from '@/lib/settings/register-custom';
import { loadEffectiveSettings, rememberPolicy, watchSettings } from '@/lib/settings/storage';

/** The browser APIs the custom-domain registration uses, with the manifest's own content-script files. */
function registrationApis(): RegistrationApis {
  const declared = browser.runtime.getManifest().content_scripts?.[0];
  return {
    getRegisteredContentScripts: (filter) => browser.scripting.getRegisteredContentScripts(filter),
    registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
    unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
    containsOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    files: declared?.js ? { js: declared.js, css: declared.css } : CONTENT_SCRIPT_FILES,
  };
}

export default defineBackground(() => {
  const db = openDatabase();
  const audit = createBackgroundAudit(db);
  const deps = { db, tabStatus: new Map<number, TabStatus>(), now: Date.now, audit };
  // The install's signing key is made at the first start; rows from before the audit trail are chained once.
  audit.start().catch((error: unknown) => console.warn('ReplyGuard: could not start the audit trail', error));

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isMessage(message)) return undefined;
    // Errors go back as data: the sender keeps its queue and retries instead of losing rows.
    return handleMessage(message, { tabId: sender.tab?.id }, deps).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : String(error),
    }));
  });
  browser.tabs.onRemoved.addListener((tabId) => deps.tabStatus.delete(tabId));

  // Content scripts keep the suggestion they follow per ticket in storage.session (memory only),
  // which they can read only once the background opens it to them. Firefox before 128 lacks it.
  browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })?.catch(() => {});

  // Events a page stored as it unloaded (a send that made the helpdesk navigate) and could not
  // deliver: written here, shortly after they appear and whenever the service worker starts.
  let drainTimer: ReturnType<typeof setTimeout> | null = null;
  const drain = () => {
    drainTimer = null;
    const write = async (events: Parameters<typeof applyEvents>[1]) => {
      const stored = await applyEvents(deps.db, events, { chain: await audit.context() });
      if (stored) audit.afterWrite();
      return stored;
    };
    drainOrphanedOutbox(browser.storage.local, write, Date.now()).catch((error: unknown) =>
      console.warn('ReplyGuard: could not write events left by a closed page', error),
    );
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || drainTimer) return;
    if (Object.entries(changes).some(([key, change]) => key.startsWith(OUTBOX_PREFIX) && change.newValue)) {
      drainTimer = setTimeout(drain, ORPHAN_AFTER_MS + 500);
    }
  });
  drain();

  // On start-up and whenever the settings, the policy or the granted host permissions change:
  // keep a copy of the policy for content scripts' start-up (lib/settings/storage.ts,
  // `startupSettings`) and register the content script on custom helpdesk domains. One sync at a
  // time, in order.
  let queue: Promise<unknown> = Promise.resolve();
  const sync = () => {
    queue = queue.then(loadEffectiveSettings).then(
      ({ settings, policy }) =>
        Promise.all([
          rememberPolicy(policy).catch((error: unknown) =>
            console.warn('ReplyGuard: could not keep a copy of the policy', error),
          ),
          syncCustomContentScripts(settings, registrationApis()).catch((error: unknown) =>
            console.warn('ReplyGuard: could not register custom helpdesk domains', error),
          ),
        ]),
      (error: unknown) => console.warn('ReplyGuard: could not read the settings', error),
    );
  };
  sync();
  watchSettings(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
});
