import { handleMessage } from '@/lib/background/handle-message';
import { purgeExpired, RETENTION_ALARM, RETENTION_PERIOD_MINUTES } from '@/lib/background/retention';
import { openDatabase } from '@/lib/db/database';
import { isMessage, type TabStatus } from '@/lib/messaging/protocol';
import { loadSettings } from '@/lib/settings/storage';

export default defineBackground(() => {
  const deps = { db: openDatabase(), tabStatus: new Map<number, TabStatus>(), now: Date.now };

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isMessage(message)) return undefined;
    // Errors go back as data: the sender keeps its queue and retries instead of losing rows.
    return handleMessage(message, { tabId: sender.tab?.id }, deps).catch((error: unknown) => ({
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    }));
  });
  browser.tabs.onRemoved.addListener((tabId) => deps.tabStatus.delete(tabId));

  // Ask the browser not to evict the log under storage pressure.
  void navigator.storage?.persist?.().catch(() => false);

  const purge = async () => {
    const { retentionDays } = await loadSettings();
    await purgeExpired(deps.db, retentionDays, Date.now());
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void purge();
  });
  void browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing)
      void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: RETENTION_PERIOD_MINUTES });
  });
  void purge();
});
