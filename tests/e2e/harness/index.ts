// One entry point: `launchBrowser(name)` gives a spec the same surface in Chromium and Firefox.
import { ChromiumBrowser } from './chromium';
import { FirefoxBrowser } from './firefox';
import type { BrowserName } from './config';
import type { E2EBrowser, LaunchOptions } from './types';

export { ChromiumBrowser, playwrightPageOf } from './chromium';
export { FirefoxBrowser } from './firefox';
export { selectedBrowsers, type BrowserName } from './config';
export type { ConsoleCapture, E2EBrowser, E2EPage, LaunchOptions, Role } from './types';

export function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<E2EBrowser> {
  return name === 'chromium' ? ChromiumBrowser.launch(options) : FirefoxBrowser.launch(options);
}
