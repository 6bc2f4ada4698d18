import { defineConfig } from 'wxt';
import { HELPDESK_MATCHES } from './lib/hosts/helpdesks';

// Firefox needs a stable id for storage and policies, and (since 140) a data-collection
// declaration: ReplyGuard collects nothing, so it declares 'none'.
const GECKO = {
  id: 'replyguard@replyguard.dev',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};

// Firefox for Android reads data_collection_permissions from 142 on.
const GECKO_ANDROID = { strict_min_version: '142.0' };

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // REPLYGUARD_OUT_DIR lets parallel test runs build side by side; the demo and e2e tests read it too.
  outDir: process.env.REPLYGUARD_OUT_DIR || '.output',
  manifest: ({ browser }) => ({
    name: 'ReplyGuard',
    description:
      'Checks AI-suggested helpdesk replies for risky spans and reads customer mood. Nothing leaves your browser.',
    // storage: settings and the content script's outbox; unlimitedStorage: the override log must
    // not be evicted or hit the default quota; alarms: the retention purge runs on a schedule.
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    host_permissions: [...HELPDESK_MATCHES],
    action: { default_title: 'ReplyGuard' },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: GECKO, gecko_android: GECKO_ANDROID } } : {}),
  }),
});
