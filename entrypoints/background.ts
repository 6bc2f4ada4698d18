import { createBackgroundAudit } from '@/lib/background/audit';
import { type BackgroundDeps, handleMessage, recordOrphanedEvents } from '@/lib/background/handle-message';
import { createHandover, scheduleHandover } from '@/lib/background/handover-schedule';
import { createTicketKeys } from '@/lib/background/keys';
import { maskStoredNotes } from '@/lib/background/mask-stored-notes';
import { drainOrphanedOutbox, ORPHAN_AFTER_MS, OUTBOX_PREFIX } from '@/lib/background/outbox-drain';
import { WriteLimiter } from '@/lib/background/rate-limit';
import { purgeExpired, scheduleRetention } from '@/lib/background/retention';
import { openDatabase } from '@/lib/db/database';
import { redactPii } from '@/lib/engine/pii';
import { isMessage, type TabStatus } from '@/lib/messaging/protocol';
import { isRunning, RUNNING_MARKER } from '@/lib/messaging/running-marker';
import { installPackagedModels } from '@/lib/models/packaged';
import {
  CONTENT_SCRIPT_FILES,
  injectIntoOpenTabs,
  type RegistrationApis,
  syncCustomContentScripts,
} from '@/lib/settings/register-custom';
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
    tabsMatching: async (patterns) =>
      (await browser.tabs.query({ url: patterns })).flatMap((t) =>
        t.id === undefined ? [] : [{ id: t.id, url: t.url, status: t.status }],
      ),
    inject: async (tabId, files) => {
      const [probe] = await browser.scripting.executeScript({
        target: { tabId },
        func: isRunning,
        args: [RUNNING_MARKER, browser.runtime.getManifest().version],
      });
      if (probe?.result === true) return false;
      // The manifest's own content-script files; WXT types `files` as the paths it generated.
      await browser.scripting.executeScript({ target: { tabId }, files: files as ScriptPublicPath[] });
      return true;
    },
  };
}

export default defineBackground(() => {
  // The fitted models ship as a packaged file (not web-accessible), fetched once when the service
  // worker starts; customer readings wait for it (lib/engine/signals/models.ts).
  const modelsReady = installPackagedModels();
  // A failed read is reported to each customer reading (handle-message.ts), not left unhandled.
  modelsReady.catch((error: unknown) => console.warn('ReplyGuard: could not load the models', error));
  const db = openDatabase();
  const audit = createBackgroundAudit(db);
  const deps: BackgroundDeps = {
    db,
    tabStatus: new Map<number, TabStatus>(),
    now: Date.now,
    // Read at each write: the privacy mode a row is stored under is the background's own.
    settings: loadSettings,
    ticketKeys: createTicketKeys(db),
    writeLimit: new WriteLimiter(),
    modelsReady,
    audit,
    handover: createHandover(db, { settings: loadSettings, now: Date.now, action: browser.action }),
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

  // Once: notes that earlier versions stored as typed are masked under the privacy mode. Then the
  // audit trail starts (the install's signing key is made at the first start, and rows from
  // before the trail are chained once): masking after chaining would break the chain.
  void notesMasked
    .getValue()
    .then(async (done) => {
      if (done) return;
      try {
        const { settings } = await loadEffectiveSettings();
        await maskStoredNotes(db, settings.privacyMode, redactPii);
        await notesMasked.setValue(true);
      } catch (error) {
        console.warn('ReplyGuard: could not mask the notes stored before', error);
      }
    })
    .then(() => audit.start())
    .catch((error: unknown) => console.warn('ReplyGuard: could not start the audit trail', error));

  // Retention: rows decided longer ago than the setting, and rows dated in the future, go.
  void scheduleRetention(browser.alarms, async () => {
    try {
      const { settings } = await loadEffectiveSettings();
      // The purge leaves a checkpoint in the audit chain, signed right after.
      if (await purgeExpired(db, settings.retentionDays, Date.now(), await audit.context())) audit.afterWrite();
    } catch (error) {
      console.warn('ReplyGuard: the retention purge failed', error);
    }
  });

  // The folder hand-over, when its schedule (settings or policy) is due.
  const handover = deps.handover;
  if (handover) {
    void scheduleHandover(browser.alarms, () =>
      handover(false).catch((error: unknown) => console.warn('ReplyGuard: the hand-over failed', error)),
    );
  }

  // Content scripts keep the suggestion they follow per ticket in storage.session (memory only),
  // which they can read only once the background opens it to them. Firefox before 128 lacks it.
  browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })?.catch(() => {});

  // Events a page stored as it unloaded (a send that made the helpdesk navigate) and could not
  // deliver: written here, shortly after they appear and whenever the service worker starts.
  let drainTimer: ReturnType<typeof setTimeout> | null = null;
  const drain = () => {
    drainTimer = null;
    drainOrphanedOutbox(browser.storage.local, (events) => recordOrphanedEvents(events, deps), Date.now()).catch(
      (error: unknown) => console.warn('ReplyGuard: could not write events left by a closed page', error),
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
  // Set by an update: the next sync restarts the script in every custom domain's open tabs.
  let restartTabs = false;
  const sync = () => {
    queue = queue.then(loadEffectiveSettings).then(
      ({ settings, policy }) => {
        const restart = restartTabs;
        restartTabs = false;
        return Promise.all([
          rememberPolicy(policy).catch((error: unknown) =>
            console.warn('ReplyGuard: could not keep a copy of the policy', error),
          ),
          syncCustomContentScripts(settings, registrationApis(), restart).catch((error: unknown) =>
            console.warn('ReplyGuard: could not register custom helpdesk domains', error),
          ),
        ]);
      },
      (error: unknown) => console.warn('ReplyGuard: could not read the settings', error),
    );
  };
  sync();
  watchSettings(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  // Installed (a force-install lands while the helpdesk is already open) or updated (the old
  // version's scripts have stopped): start in the helpdesk tabs that are open, without a reload.
  // Custom domains get the same from the sync: new registrations start in their open tabs, and
  // after an update every custom domain's tabs restart.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    const matches = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
    injectIntoOpenTabs(matches, registrationApis()).catch((error: unknown) =>
      console.warn('ReplyGuard: could not start in the open helpdesk tabs', error),
    );
    if (reason === 'update') {
      restartTabs = true;
      sync();
    }
  });
});
