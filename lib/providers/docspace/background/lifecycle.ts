import { browser } from 'wxt/browser';
import { portalOriginOf } from '../../../portal/origin';
import { getRecord, getSession, hasHostAccess } from './session';
import { badgeTicket, showBadge, tabClosed, tabNavigated } from './badge';
import { getStatus } from './status';

/** A badge older than this is refreshed from the portal when the tab navigates. */
const BADGE_MAX_AGE_MS = 60_000;

/** Install welcome and per-tab badge upkeep. Listeners are registered synchronously. */
export function registerLifecycle(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.runtime.openOptionsPage();
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Every navigation starts with 'loading', on any site: the address comes only for sites we have access to.
    if (change.url !== undefined || change.status === 'loading') tabNavigated(tabId);
    if (change.status === 'complete' || change.url !== undefined) void updateTabBadge(tabId, tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabClosed(tabId));
}

/** Badge for a tab after navigation: portal tabs we have access to get a status, others none. */
export async function updateTabBadge(tabId: number, url: string | undefined): Promise<void> {
  const ticket = badgeTicket(tabId);
  const origin = portalOriginOf(url);
  if (!origin || !(await hasHostAccess(origin)) || !(await getRecord(origin))?.isPortal) {
    await showBadge(tabId, null, ticket);
    return;
  }
  const cached = (await getSession(origin)).lastStatus;
  const refresh = !cached || Date.now() - cached.checkedAt > BADGE_MAX_AGE_MS;
  const result = await getStatus({ type: 'getStatus', origin, tabId, refresh });
  if (!result.ok) await showBadge(tabId, null, ticket);
}
