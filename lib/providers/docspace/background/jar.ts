import { browser } from 'wxt/browser';
import type { PortalJar } from '../protocol';
import { jarOf } from '../../../background/jar';
import { getRecord, getSession, updateRecord, updateSession, type AccessTicket, type Recognition } from './session';

/**
 * Private windows and containers (README "Private windows and containers"). The background's requests carry the
 * browser's normal cookies whatever tab asked: in a private window (Chromium incognito, Firefox private browsing)
 * or a Firefox container tab the account signed in there is another one, so the browser's sign-in is refused
 * there (an API key still works). Which jar a tab uses is read here from the browser, never taken from a page.
 */
export type Jar = 'default' | PortalJar;

/** The cookie jar of this tab. No tab (the options page, a closed tab) is the normal jar: nothing else can be shown in it. */
export async function jarOfTab(tabId: number | undefined): Promise<Jar> {
  if (tabId === undefined) return 'default';
  return jarOf(await browser.tabs.get(tabId).catch(() => undefined));
}

/** Recognition of a portal is cached this long (it changes only on upgrades). */
export const RECOGNITION_TTL_MS = 24 * 3600_000;

/** A recognition still fresh: this device's record, or one kept for this browser session only (private tabs). */
export async function freshRecognition(origin: string): Promise<Recognition | null> {
  const [record, session] = await Promise.all([getRecord(origin), getSession(origin)]);
  const fresh = (r: Recognition | null | undefined) => (r?.isPortal && Date.now() - r.checkedAt < RECOGNITION_TTL_MS ? r : null);
  return fresh(record) ?? fresh(session.recognised);
}

/**
 * Keeps that the site answered as a portal. From a private tab it stays in session storage (gone when the browser
 * closes): a private window leaves nothing on disk. A container tab is not private (its cookies and history are on
 * disk too), so its recognition is recorded as a normal tab's.
 */
export async function keepRecognition(origin: string, jar: Jar, version: string | null, since: AccessTicket | null = null): Promise<void> {
  const entry = { isPortal: true, version, checkedAt: Date.now() };
  if (jar === 'private') await updateSession(origin, (s) => ({ ...s, recognised: entry }), since);
  else await updateRecord(origin, (r) => ({ ...r, ...entry }), since);
}
