import '@/components/ui/base.css';
import ReactDOM from 'react-dom/client';
import { OptionsPage } from '@/components/options/OptionsPage';
import { createSettingsStore } from '@/components/options/settings-store';
import { loadSettings, updateSettings, watchSettings } from '@/lib/settings/storage';

const store = createSettingsStore({
  load: loadSettings,
  save: (change) => updateSettings(change).then((e) => e.settings),
  watch: watchSettings,
});
const root = document.getElementById('root');
if (root) ReactDOM.createRoot(root).render(<OptionsPage store={store} />);
