import { handleMessage } from '@/lib/background/handle-message';
import { openDatabase } from '@/lib/db/database';
import { isMessage, type TabStatus } from '@/lib/messaging/protocol';

export default defineBackground(() => {
  const deps = { db: openDatabase(), tabStatus: new Map<number, TabStatus>(), now: Date.now };

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isMessage(message)) return undefined;
    // Errors go back as data: the sender keeps its queue and retries instead of losing rows.
    return handleMessage(message, { tabId: sender.tab?.id }, deps).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : String(error),
    }));
  });
  browser.tabs.onRemoved.addListener((tabId) => deps.tabStatus.delete(tabId));
});
