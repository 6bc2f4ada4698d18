import { defineConfig } from 'wxt';
import { stripRuleDocsPlugin } from './lib/build/strip-rule-docs';
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

// The public half of ReplyGuard's signing key (base64 DER, SubjectPublicKeyInfo). It pins the
// Chromium extension id to goicafbopgmglpknogenjjonlofpnpji for unpacked builds,
// so enterprise policies can name it (lib/settings/POLICY.md). The private key is not in the
// repository. The Chrome Web Store refuses a manifest with `key` and assigns its own id, so
// store packages (`npm run zip`, REPLYGUARD_STORE=1) leave it out.
const CHROMIUM_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyraWka/egoTaxQTvLSt6Fqedxa3LQ1hqwScbVoxRUO5bcSNW7EpqcmVh3SPEmlSaNXOiwHWT6/vuVO0q8ONIv7V2//jAbV6Mmudgtrmq5jYiKAbCiM3U/oagR8dx2er2M5ZHoardq3y07qUiXg8dVP3ivV5rR8lK6Bt1Y+NZSGLlgokw4bBuPw5a043dLW7bndw1RoIqEVw9/m8GU8mZ+FjpuJH6nTCCRQXXRaQiT+K74fMAyl0x3H60T++Ohfs6Zyt3cpwjRBswYvcvnJr+FhSiJfab17QYYojRL0SbR2qkdOKxni5aew3hkjmVKbp9jJ+0u91nKtO6/oQaqK+wHQIDAQAB';

// The sizes the Chrome Web Store, Edge Add-ons and AMO ask for (toolbar, menus, listing).
const ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((size) => [size, `icon/${size}.png`]));

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Rule descriptions and examples stay out of the content script, which never shows them (see the plugin).
  vite: () => ({ plugins: [stripRuleDocsPlugin()] }),
  // REPLYGUARD_OUT_DIR lets parallel test runs build side by side; the demo and e2e tests read it too.
  outDir: process.env.REPLYGUARD_OUT_DIR || '.output',
  zip: {
    // What AMO reviewers need to rebuild the Firefox package: the sources, the lock file and the
    // README's build steps. WXT already leaves out node_modules, the output directory and every
    // dot-directory (other .output-* build dirs, .wxt, .git); tests and benchmarks are not part of
    // the build, so they stay out too.
    excludeSources: ['tests/**', 'vitest.config.ts', 'test-results/**', '**/*.log'],
  },
  manifest: ({ browser }) => ({
    name: 'ReplyGuard',
    description:
      'Checks AI-suggested helpdesk replies for risky spans and reads customer mood. Nothing leaves your browser.',
    icons: ICONS,
    // storage: settings, the managed policy and the content script's outbox; unlimitedStorage:
    // the override log must not be evicted or hit the default quota; alarms: the retention purge
    // runs on a schedule; scripting: the content script is registered at run time for the custom
    // helpdesk domains an admin adds (it only registers our own packaged files, never code from
    // elsewhere).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    host_permissions: [...HELPDESK_MATCHES],
    // Self-hosted helpdesks: each domain is asked for at run time from the options page, so
    // the extension holds access only to the domains an admin names. https only.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'ReplyGuard', default_icon: ICONS },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: GECKO, gecko_android: GECKO_ANDROID } }
      : {
          // Chrome and Edge check enterprise policy for the extension against this schema.
          storage: { managed_schema: 'managed_schema.json' },
          ...(process.env.REPLYGUARD_STORE === '1' ? {} : { key: CHROMIUM_KEY }),
        }),
  }),
});
