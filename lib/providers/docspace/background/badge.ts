import { browser } from 'wxt/browser';
import type { PortalStatus } from '../protocol';
import { badgeFor } from '../tfa/applicability';
import { badge as t } from '../i18n/badge';

/**
 * One counter per tab, moved on by every navigation. A status is worked out for what the tab showed when it was
 * asked for; when the tab has navigated since (to another site, say), its badge must not land on the new page.
 */
const navigations = new Map<number, number>();

/** The tab navigated: badges still being worked out for its previous page are dropped. */
export function tabNavigated(tabId: number): void {
  navigations.set(tabId, (navigations.get(tabId) ?? 0) + 1);
}

export function tabClosed(tabId: number): void {
  navigations.delete(tabId);
  badged.delete(tabId);
}

/** Which portal each badged tab shows (this worker's lifetime), so a portal's badges can be taken down. */
const badged = new Map<number, string>();

/** Takes down the badges of these portals' tabs (access to them was removed). */
export async function clearBadgesOf(origins: readonly string[]): Promise<void> {
  for (const [tabId, origin] of [...badged]) if (origins.includes(origin)) await showBadge(tabId, null);
}

/** Taken before a status is read; `showBadge` with it does nothing once the tab has navigated. */
export function badgeTicket(tabId: number | undefined): number {
  return tabId === undefined ? 0 : navigations.get(tabId) ?? 0;
}

/** Badge backgrounds: white text on each has a contrast of at least 4.5:1. */
const BADGE_COLOURS = { ok: '#1a7f37', warn: '#c11c2b', low: '#8a4b00' } as const;

/** Sets the toolbar badge and its accessible title for one tab (unless it has navigated since `ticket`). */
export async function showBadge(tabId: number | undefined, status: PortalStatus | null, ticket?: number): Promise<void> {
  if (tabId === undefined) return;
  if (ticket !== undefined && ticket !== badgeTicket(tabId)) return;
  const { text, tone } = status ? badgeFor(status.applies, status.enrolment) : { text: '', tone: 'none' as const };
  if (status && tone !== 'none') badged.set(tabId, status.origin);
  else badged.delete(tabId);
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (tone !== 'none') await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[tone] });
    await browser.action.setTitle({ tabId, title: status && tone !== 'none' ? t.titleFor(tone, status.enrolment) : t.defaultTitle });
  } catch {
    // The tab may have closed meanwhile.
  }
}
