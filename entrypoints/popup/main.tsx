import '@/components/ui/base.css';
import '@/components/popup/popup.css';
import ReactDOM from 'react-dom/client';
import { Popup, type PopupData } from '@/components/popup/Popup';
import { sendToBackground } from '@/lib/messaging/send';
import { isLocked } from '@/lib/settings/effective';
import { loadEffectiveSettings, startupEffectiveSettings, updateSettings } from '@/lib/settings/storage';

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function loadPopupData(): Promise<PopupData> {
  const tab = await activeTab();
  // Right after the browser starts the policy answers about 2 s late: start from the copy of it.
  const [status, today, startup] = await Promise.all([
    tab?.id === undefined
      ? null
      : sendToBackground('popup→background:tab-status', { tabId: tab.id }).then((r) => r.status),
    sendToBackground('popup→background:today', {}),
    startupEffectiveSettings(),
  ]);
  const { effective, confirmed } = startup;
  let host: string | null = status?.host ?? null;
  let granted = false;
  if (tab?.url) {
    try {
      const url = new URL(tab.url);
      host ??= url.protocol === 'https:' || url.protocol === 'http:' ? url.hostname : null;
      granted = await browser.permissions.contains({ origins: [`${url.origin}/*`] });
    } catch {
      host = null;
    }
  }
  return {
    status,
    today,
    settings: effective.settings,
    problems: effective.problems,
    url: tab?.url,
    host,
    granted,
    pauseLocked: isLocked(effective, 'pausedSites'),
    confirmed: confirmed?.then((real) => ({ settings: real.settings, pauseLocked: isLocked(real, 'pausedSites') })),
  };
}

async function setPaused(host: string, paused: boolean): Promise<void> {
  const { settings } = await loadEffectiveSettings();
  const next = paused ? [...new Set([...settings.pausedSites, host])] : settings.pausedSites.filter((s) => s !== host);
  await updateSettings({ pausedSites: next });
  const tab = await activeTab();
  if (tab?.id !== undefined) await browser.tabs.reload(tab.id);
}

const root = document.getElementById('root');
if (root) {
  ReactDOM.createRoot(root).render(
    <Popup
      load={loadPopupData}
      onPause={setPaused}
      onOpenDashboard={() => {
        void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
        window.close();
      }}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage();
        window.close();
      }}
    />,
  );
}
