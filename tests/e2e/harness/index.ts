// One entry point: `launchBrowser(name)` gives a spec the same surface in Chromium and Firefox.
import { ChromiumBrowser } from './chromium';
import { FirefoxBrowser } from './firefox';
import { BROWSER_BINARIES, isOldestFirefoxPass, type BrowserName } from './config';
import { outdatedBrowsers } from './versions';
import type { E2EBrowser, LaunchOptions } from './types';

export { ChromiumBrowser, playwrightPageOf } from './chromium';
export { FirefoxBrowser } from './firefox';
export { selectedBrowsers, type BrowserName } from './config';
export type { ConsoleCapture, E2EBrowser, E2EPage, LaunchOptions, Role } from './types';

/** Each binary's version is read once per process: a browser older than the harness supports fails at launch. */
const versionChecked = new Set<BrowserName>();

export async function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<E2EBrowser> {
  if (!versionChecked.has(name)) {
    const [problem] = outdatedBrowsers([name], BROWSER_BINARIES, { exact: isOldestFirefoxPass() });
    if (problem) throw new Error(problem);
    versionChecked.add(name);
  }
  return name === 'chromium' ? ChromiumBrowser.launch(options) : FirefoxBrowser.launch(options);
}
