import { browser } from 'wxt/browser';
import type { PortalStatus } from '../protocol';
import { badgeFor } from '../tfa/applicability';
import { badge as t } from '../i18n/badge';
import { storage } from '../../../storage';

/**
 * One counter per tab, moved on by every navigation. A status is worked out for what the tab showed when it was
 * asked for; when the tab has navigated since (to another site, say), its badge must not land on the new page.
 */
const navigations = new Map<number, number>();

/** The tab navigated: badges still being worked out for its previous page are dropped. */
export function tabNavigated(tabId: number): void {
  navigations.set(tabId, (navigations.get(tabId) ?? 0) + 1);
}

export async function tabClosed(tabId: number): Promise<void> {
  navigations.delete(tabId);
  await noteBadged(tabId, null);
}

/**
 * Which portal each badged tab shows, so a portal's badges can be taken down when access to it is removed. Kept in
 * `storage.session`: the worker usually idles out between badging a tab and the removal. One short entry per badged
 * tab (a tab's entry goes when its badge does or it closes), at most MAX_BADGED_TABS.
 */
const BADGED_KEY = 'session:badgedTabs' as const;
export const MAX_BADGED_TABS = 500;
let badgedWrites: Promise<unknown> = Promise.resolve();

/** Records (or with null, forgets) the portal a tab's badge is for; writes one after another. */
function noteBadged(tabId: number, origin: string | null): Promise<void> {
  const write = badgedWrites.then(async () => {
    const badged = (await storage.getItem<Record<string, string>>(BADGED_KEY)) ?? {};
    if ((badged[tabId] ?? null) === origin) return;
    delete badged[tabId];
    if (origin !== null) badged[tabId] = origin;
    const ids = Object.keys(badged);
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_BADGED_TABS))) delete badged[id];
    if (Object.keys(badged).length) await storage.setItem(BADGED_KEY, badged);
    else await storage.removeItem(BADGED_KEY);
  });
  badgedWrites = write.catch(() => undefined);
  return write;
}

/** Takes down the badges of these portals' tabs (access to them was removed), in this worker's lifetime or an earlier one's. */
export async function clearBadgesOf(origins: readonly string[]): Promise<void> {
  await badgedWrites;
  const badged = (await storage.getItem<Record<string, string>>(BADGED_KEY)) ?? {};
  for (const [tabId, origin] of Object.entries(badged)) if (origins.includes(origin)) await showBadge(Number(tabId), null);
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
  try {
    await noteBadged(tabId, status && tone !== 'none' ? status.origin : null);
    await browser.action.setBadgeText({ tabId, text });
    if (tone !== 'none') await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[tone] });
    await browser.action.setTitle({ tabId, title: status && tone !== 'none' ? t.titleFor(tone, status.enrolment) : t.defaultTitle });
  } catch {
    // The tab may have closed meanwhile: nothing to take down later.
    await noteBadged(tabId, null).catch(() => undefined);
  }
}
