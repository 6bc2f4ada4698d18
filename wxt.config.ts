import { defineConfig } from 'wxt';
import { stripRuleDocsPlugin } from './lib/build/strip-rule-docs';
import { buildFlavour } from './lib/deploy/flavour';
import { HELPDESK_MATCHES } from './lib/hosts/helpdesks';

// Which package this build makes (dev, store or an organisation's), its output folder and key:
// see lib/deploy/flavour.ts. It throws before building when a store or organisation build would
// land in the dev folder, whose id must never change.
const FLAVOUR = buildFlavour(process.env);

// Firefox needs a stable id for storage and policies, and (since 140) a data-collection
// declaration: ReplyGuard collects nothing, so it declares 'none'.
const GECKO = {
  id: FLAVOUR.geckoId,
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};

// Firefox for Android reads data_collection_permissions from 142 on.
const GECKO_ANDROID = { strict_min_version: '142.0' };

// The sizes the Chrome Web Store, Edge Add-ons and AMO ask for (toolbar, menus, listing).
const ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((size) => [size, `icon/${size}.png`]));

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // REPLYGUARD_OUT_DIR lets parallel test runs build side by side; the demo and e2e tests read it
  // too. Store and organisation builds have folders of their own.
  outDir: FLAVOUR.outDir,
  vite: () => ({
    // Rule descriptions and examples stay out of the content script, which never shows them (see the plugin).
    plugins: [stripRuleDocsPlugin()],
    resolve: {
      // tldts's module entry holds the Public Suffix List as a plain object literal, which bundles
      // to about 280 KB; its own minified build packs the same list into about 140 KB (the
      // background and the options page carry it, never the content script).
      alias: [{ find: /^tldts$/, replacement: 'tldts/dist/index.esm.min.js' }],
    },
  }),
  zip: {
    // What AMO reviewers need to rebuild the Firefox package: the sources, the lock file and the
    // README's build steps. WXT already leaves out node_modules, the output directory and every
    // dot-directory (other .output-* build dirs, .wxt, .git); tests and benchmarks are not part of
    // the build, so they stay out too.
    excludeSources: ['tests/**', 'vitest.config.ts', 'test-results/**', '**/*.log'],
  },
  manifest: ({ browser }) => ({
    name: 'ReplyGuard',
    ...(FLAVOUR.version ? { version: FLAVOUR.version } : {}),
    description:
      'Checks AI-suggested helpdesk replies for risky spans and reads customer mood. Nothing leaves your browser.',
    icons: ICONS,
    // storage: settings, the managed policy and the content script's outbox; unlimitedStorage:
    // the override log must not be evicted or hit the default quota; alarms: the retention purge
    // runs on a schedule; scripting: the content script is registered at run time for the custom
    // helpdesk domains an admin adds, and started in helpdesk tabs already open when ReplyGuard is
    // installed or a domain is added (only our own packaged files, never code from elsewhere).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    // An organisation build adds its custom helpdesk hosts here: granted at install, no prompt.
    host_permissions: [...HELPDESK_MATCHES, ...FLAVOUR.extraHosts],
    // Self-hosted helpdesks otherwise: each domain is asked for at run time from the options
    // page, so the extension holds access only to the domains an admin names. http for intranets.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'ReplyGuard', default_icon: ICONS },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: GECKO, gecko_android: GECKO_ANDROID } }
      : {
          // Chrome and Edge check enterprise policy for the extension against this schema.
          storage: { managed_schema: 'managed_schema.json' },
          // Pins the id of unpacked builds (the project's key) or of an organisation's CRX (its
          // own key); store packages carry none, the store assigns the id.
          ...(FLAVOUR.chromiumKey ? { key: FLAVOUR.chromiumKey } : {}),
        }),
  }),
});
