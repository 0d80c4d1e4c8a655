import { readFileSync } from 'node:fs';
import { GECKO_ID } from './scripts/release-check';
import { FIREFOX_ANDROID_MIN_VERSION, FIREFOX_MIN_VERSION } from './scripts/browser-versions';
import { privacyPageFromSources } from './scripts/privacy-page';
import { preactWithoutInnerHtml } from './scripts/preact-without-innerhtml';
import { defineConfig } from 'wxt';

/**
 * Three builds. Release (no TFA_TEST_BUILD): https portals only, each granted on demand.
 * TFA_TEST_BUILD=1 produces the build used by end-to-end tests and `npm run try`:
 * it pre-grants the loopback emulator's origins (permission prompts cannot be
 * clicked headless) and lets the CSP reach them over plain http.
 * TFA_TEST_BUILD=https (.output-test/https/…) is the release build plus one pre-granted host,
 * https://127.0.0.1, for the end-to-end runs against the emulator served over https: its CSP is the
 * release one exactly. Release builds never contain a loopback origin.
 */
const testBuild = process.env.TFA_TEST_BUILD;
const isTestBuild = testBuild === '1';
const isHttpsTestBuild = testBuild === 'https';
if (testBuild && !isTestBuild && !isHttpsTestBuild) {
  throw new Error(`TFA_TEST_BUILD must be 1 or https, got ${JSON.stringify(testBuild)}`);
}
// `npm run zip` (scripts/zip.ts) refuses a test build too; this also stops a bare `wxt zip`.
if (testBuild && process.argv.includes('zip')) {
  throw new Error('A test build is never packaged: unset TFA_TEST_BUILD and run npm run zip.');
}
const loopbackOrigins = ['http://127.0.0.1/*', 'http://localhost/*'];
const httpsLoopbackOrigins = ['https://127.0.0.1/*'];
const grantedHosts = isTestBuild ? loopbackOrigins : isHttpsTestBuild ? httpsLoopbackOrigins : null;

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
  // The https test build lives under .output-test/, which the linters and git already ignore.
  outDir: isTestBuild ? '.output-test' : isHttpsTestBuild ? '.output-test/https' : '.output',
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Names and titles come from locales/*.yml (compiled to _locales/*/messages.json by @wxt-dev/i18n).
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab'],
    // One background for normal and private windows (Chromium's default; Firefox supports spanning or not_allowed).
    // It reads each tab's incognito / cookieStoreId and refuses the browser's sign-in there (background/jar.ts).
    incognito: 'spanning',
    optional_host_permissions: ['https://*/*', ...(isTestBuild ? loopbackOrigins : [])],
    ...(grantedHosts ? { host_permissions: grantedHosts } : {}),
    content_security_policy: { extension_pages: csp },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // npm test runs a Firefox pass on this very version (scripts/browser-versions.ts), so the claim is tested.
            gecko: { id: GECKO_ID, strict_min_version: `${FIREFOX_MIN_VERSION}.0`, data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: `${FIREFOX_ANDROID_MIN_VERSION}.0` },
          },
        }
      : {}),
  }),
  hooks: {
    // PRIVACY.md as the extension's own page (privacy.html), linked from every options page.
    'build:publicAssets': (_wxt, files) => {
      const read = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      files.push({ relativeDest: 'privacy.html', contents: privacyPageFromSources(read) });
    },
    // WXT takes the toolbar title from popup.html's <title>; the manifest gets the translated one.
    'build:manifestGenerated': (_wxt, manifest) => {
      // The toolbar icon: the same PNGs WXT lists as the extension's icons (public/icon/, from assets/icon.svg).
      manifest.action = { ...manifest.action, default_title: '__MSG_badge_defaultTitle__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } };
    },
  },
  vite: () => ({
    plugins: [preactWithoutInnerHtml()],
    // Test-only paths exist only in test builds (lib/build-flags.d.ts); in a release build they are dead code.
    define: { __TFA_TEST_SWITCHES__: JSON.stringify(Boolean(testBuild)), __TFA_LOOPBACK__: JSON.stringify(isTestBuild) },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: {
      target: 'es2022',
      // No modulepreload polyfill or preload helper in the pages (≈0.5 KB gzip in the popup): both browsers support
      // modulepreload, and the chunks are local files of the extension.
      modulePreload: false,
      // TFA_SOURCEMAP=1: maps beside the bundles, for measuring what each source costs (never in a shipped build).
      sourcemap: process.env.TFA_SOURCEMAP === '1',
      // Shared chunks under 3 KB are merged where that loads no other side effects: the popup loads 10 files, not
      // 16, and compresses better. Above 3 KB the merge also pulled what the popup loads only when needed (an
      // error's sentences, the sign-in states, the admins' policy block: components/lazy.tsx) and the Navixy popup's
      // strings back into the DocSpace popup's first load (issue 27: 26.1 → 21.9 KB gzip with this and the above).
      rollupOptions: {
        output: {
          experimentalMinChunkSize: 3000,
        },
      },
    },
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // The sources zip is what the Firefox store's reviewers rebuild (README: "Building from the sources zip");
    // screenshots and store material are not needed for that.
    excludeSources: ['docs/**', 'store/**', '.ci/**'],
  },
});
