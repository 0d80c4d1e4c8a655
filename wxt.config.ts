import { defineConfig } from 'wxt';

/**
 * TFA_TEST_BUILD=1 produces the build used by end-to-end tests and `npm run try`:
 * it pre-grants the loopback emulator's origins (permission prompts cannot be
 * clicked headless) and lets the CSP reach them. Release builds never contain them.
 */
const isTestBuild = process.env.TFA_TEST_BUILD === '1';
const loopbackOrigins = ['http://127.0.0.1/*', 'http://localhost/*'];

const csp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src https:${isTestBuild ? ' http://127.0.0.1:* http://localhost:*' : ''}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  outDir: isTestBuild ? '.output-test' : '.output',
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Names and titles come from locales/*.yml (compiled to _locales/*/messages.json by @wxt-dev/i18n).
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab'],
    optional_host_permissions: ['https://*/*', ...(isTestBuild ? loopbackOrigins : [])],
    ...(isTestBuild ? { host_permissions: loopbackOrigins } : {}),
    content_security_policy: { extension_pages: csp },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'docspace-tfa@companion.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  hooks: {
    // WXT takes the toolbar title from popup.html's <title>; the manifest gets the translated one.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.action = { ...manifest.action, default_title: '__MSG_badge_defaultTitle__' };
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { target: 'es2022' },
  }),
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip', sourcesTemplate: '{{name}}-{{version}}-sources.zip' },
});
