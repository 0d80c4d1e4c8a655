import { browser } from 'wxt/browser';
import { originPattern, portalOriginOf } from './portal/origin';

export interface PopupTarget { origin: string | null; tabId?: number; url?: string; isBrowserPage: boolean }

/** The tab the popup describes: the active tab of this window (test builds: `?origin=` first, see build-flags.d.ts). */
export async function currentTarget(): Promise<PopupTarget> {
  if (__TFA_TEST_SWITCHES__) {
    // Read inline: scripts/release-check.ts finds this door by its spelling, and fails a release build that has it.
    const forced = new URLSearchParams(location.search).get('origin');
    // `tab`: the popup of that tab (a private or container tab the end-to-end tests cannot click a popup in).
    const tabId = Number(new URLSearchParams(location.search).get('tab') ?? NaN);
    if (forced) return { origin: portalOriginOf(forced), isBrowserPage: false, ...(Number.isInteger(tabId) ? { tabId } : {}) };
  }
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const url = tab?.url;
    const isBrowserPage = !url || !/^https?:/.test(url);
    return { origin: portalOriginOf(url), tabId: tab?.id, url, isBrowserPage };
  } catch {
    return { origin: null, isBrowserPage: true };
  }
}

/** Asks for host access to this one portal (needs a user gesture). */
export async function requestHostAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

/** Asks for host access to several sites in one prompt; needs a user gesture. */
export async function requestHostAccessFor(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [...new Set(origins.map(originPattern))] });
  } catch {
    return false;
  }
}

/** Opens the options page at `query` (a provider's `?view=…` string), then closes the popup. */
export async function openOptionsPage(query: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html') + query });
  window.close();
}

/** Opens a portal page (already checked as same-origin by the caller) in the current tab. */
export async function openInTab(url: string, tabId?: number): Promise<void> {
  if (tabId !== undefined) await browser.tabs.update(tabId, { url });
  else await browser.tabs.create({ url });
  window.close();
}
