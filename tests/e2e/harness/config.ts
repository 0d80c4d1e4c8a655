// Where the browsers and the built test extension live, and which browsers a run covers.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { FIREFOX_MIN_VERSION } from '../../../scripts/browser-versions';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Debian's packages; override with CHROMIUM_BIN / FIREFOX_BIN. Never a browser a tool downloaded. */
export const BROWSER_BINARIES: Record<BrowserName, string> = {
  chromium: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr',
};

/** `npm run build:test` output: pre-grants the loopback emulator's origins. */
export const TEST_BUILDS: Record<BrowserName, string> = {
  chromium: path.join(REPO_ROOT, '.output-test/chrome-mv3'),
  firefox: path.join(REPO_ROOT, '.output-test/firefox-mv3'),
};

/**
 * `npm run build:test` (its `build:test-https` half) output: the release build's CSP (`connect-src https:`)
 * with https://127.0.0.1 pre-granted, for the runs against the emulator served over https.
 */
export const HTTPS_TEST_BUILDS: Record<BrowserName, string> = {
  chromium: path.join(REPO_ROOT, '.output-test/https/chrome-mv3'),
  firefox: path.join(REPO_ROOT, '.output-test/https/firefox-mv3'),
};

export { GECKO_ID } from '../../../scripts/release-check';
/** Pinned through `extensions.webextensions.uuids`, so `moz-extension://` URLs are stable. */
export const FIREFOX_EXTENSION_UUID = '6f1c2b7e-3d4a-4e5f-9a8b-0c1d2e3f4a5b';

/** Default wait for one action or one expected text. */
export const ACTION_TIMEOUT_MS = 10_000;
/** How long a fresh browser waits for the page the extension opens on install (usually well under 1 s). */
export const INSTALL_PAGE_WAIT_MS = 3_000;

/**
 * `npm test`'s pass on the oldest Firefox the manifest claims (`E2E_PASS=firefox-oldest`, FIREFOX_BIN at that
 * Firefox): Firefox only, in CI too, and the harness then insists on that very major version.
 */
export const OLDEST_FIREFOX_PASS = 'firefox-oldest';
export function isOldestFirefoxPass(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.E2E_PASS === OLDEST_FIREFOX_PASS;
}
/** Where that Firefox is: .ci/run unpacks Debian's firefox-esr of that version there (or FIREFOX_OLDEST_BIN). */
export const OLDEST_FIREFOX_BIN = process.env.FIREFOX_OLDEST_BIN ?? `/opt/firefox-esr-${FIREFOX_MIN_VERSION}/usr/lib/firefox-esr/firefox-esr`;

/** Both browsers in CI; locally E2E_BROWSERS=chromium (or firefox) narrows a run. */
export function selectedBrowsers(env: NodeJS.ProcessEnv = process.env): BrowserName[] {
  if (isOldestFirefoxPass(env)) return ['firefox'];
  const wanted = env.E2E_BROWSERS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (isCI(env) || !wanted?.length) return [...BROWSER_NAMES];
  const unknown = wanted.filter((n) => !BROWSER_NAMES.includes(n as BrowserName));
  if (unknown.length) throw new Error(`E2E_BROWSERS: unknown browser ${unknown.join(', ')} (use ${BROWSER_NAMES.join(', ')})`);
  return wanted as BrowserName[];
}

export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.CI && env.CI !== 'false' && env.CI !== '0';
}

/** Browsers a run needs but cannot find, each as one sentence with its fix. */
export function missingBrowsers(browsers: readonly BrowserName[]): string[] {
  return browsers
    .filter((name) => !existsSync(BROWSER_BINARIES[name]))
    .map((name) => {
      const [pkg, env] = name === 'chromium' ? ['chromium', 'CHROMIUM_BIN'] : ['firefox-esr', 'FIREFOX_BIN'];
      return `${name}: no browser at ${BROWSER_BINARIES[name]}. Install it (apt-get install ${pkg}) or point ${env} at one.`;
    });
}

/** Test builds (plain http and https) a run needs but cannot find. */
export function missingTestBuilds(browsers: readonly BrowserName[]): string[] {
  return browsers
    .flatMap((name) => [TEST_BUILDS[name], HTTPS_TEST_BUILDS[name]].map((dir) => ({ name, dir })))
    .filter(({ dir }) => !existsSync(path.join(dir, 'manifest.json')))
    .map(({ name, dir }) => `${name}: no test build at ${path.relative(REPO_ROOT, dir)}. Run \`npm run build:test\` first.`);
}
