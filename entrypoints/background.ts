import { type BackgroundDeps, handleMessage } from '@/lib/background/handle-message';
import { createTicketKeys } from '@/lib/background/keys';
import { maskStoredNotes } from '@/lib/background/mask-stored-notes';
import { WriteLimiter } from '@/lib/background/rate-limit';
import { purgeExpired, scheduleRetention } from '@/lib/background/retention';
import { openDatabase } from '@/lib/db/database';
import { redactPii } from '@/lib/engine/pii';
import { isMessage, type TabStatus } from '@/lib/messaging/protocol';
import { CONTENT_SCRIPT_FILES, type RegistrationApis, syncCustomContentScripts } from '@/lib/settings/register-custom';
import { loadEffectiveSettings, loadSettings, rememberPolicy, watchSettings } from '@/lib/settings/storage';

/** Set once the notes earlier versions stored as typed have been masked (lib/background/mask-stored-notes.ts). */
const notesMasked = storage.defineItem<boolean>('local:storedNotesMasked', { fallback: false });

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
  const deps: BackgroundDeps = {
    db,
    tabStatus: new Map<number, TabStatus>(),
    now: Date.now,
    // Read at each write: the privacy mode a row is stored under is the background's own.
    settings: loadSettings,
    ticketKeys: createTicketKeys(db),
    writeLimit: new WriteLimiter(),
  };
  const ownOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isMessage(message) || sender.id !== browser.runtime.id) return undefined;
    // A page of the extension (popup, options, dashboard) has a URL on our origin; a content
    // script's sender URL is the helpdesk page's.
    const extensionPage = typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
    // Errors go back as data: the sender keeps its queue and retries instead of losing rows.
    return handleMessage(message, { tabId: sender.tab?.id, extensionPage }, deps).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : String(error),
    }));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    deps.tabStatus.delete(tabId);
    deps.writeLimit.forget(tabId);
  });

  // Once: notes that earlier versions stored as typed are masked under the privacy mode.
  void notesMasked.getValue().then(async (done) => {
    if (done) return;
    try {
      const { settings } = await loadEffectiveSettings();
      await maskStoredNotes(db, settings.privacyMode, redactPii);
      await notesMasked.setValue(true);
    } catch (error) {
      console.warn('ReplyGuard: could not mask the notes stored before', error);
    }
  });

  // Retention: rows decided longer ago than the setting, and rows dated in the future, go.
  void scheduleRetention(browser.alarms, async () => {
    try {
      const { settings } = await loadEffectiveSettings();
      await purgeExpired(db, settings.retentionDays, Date.now());
    } catch (error) {
      console.warn('ReplyGuard: the retention purge failed', error);
    }
  });

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
