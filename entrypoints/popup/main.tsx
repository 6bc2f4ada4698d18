import '@/components/ui/base.css';
import ReactDOM from 'react-dom/client';
import { Popup, type PopupData } from '@/components/popup/Popup';
import { sendToBackground } from '@/lib/messaging/send';
import { loadSettings, updateSettings } from '@/lib/settings/storage';

async function loadPopupData(): Promise<PopupData> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const [status, today, settings] = await Promise.all([
    tab?.id === undefined
      ? null
      : sendToBackground('popup→background:tab-status', { tabId: tab.id }).then((r) => r.status),
    sendToBackground('popup→background:today', {}),
    loadSettings(),
  ]);
  return { status, today, pausedSites: settings.pausedSites };
}

async function setPaused(host: string, paused: boolean): Promise<void> {
  const { pausedSites } = await loadSettings();
  const next = paused ? [...new Set([...pausedSites, host])] : pausedSites.filter((s) => s !== host);
  await updateSettings({ pausedSites: next });
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
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
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />,
  );
}
