import type { Browser } from 'wxt/browser';
import type { SenderJar } from '../protocol';

/** Firefox's cookie store of tabs outside any container (private tabs have `firefox-private`). */
const DEFAULT_STORE = 'firefox-default';

/**
 * Whose cookies a tab sees, from the browser's description of it: a private (incognito) window, a Firefox container
 * (Chromium has none: its tabs carry no `cookieStoreId`), or the normal jar. No tab is the normal jar.
 */
export function jarOf(tab: Browser.tabs.Tab | undefined): SenderJar {
  if (!tab) return 'default';
  if (tab.incognito) return 'private';
  const store = 'cookieStoreId' in tab ? tab.cookieStoreId : undefined;
  return typeof store === 'string' && store !== DEFAULT_STORE ? 'container' : 'default';
}
