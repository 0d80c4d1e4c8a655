// Clean-up that stays clean, in real browsers: a portal tab's badge, set before the browser stopped the extension's
// background (as it does when idle), is taken down with its title when the site's access is removed afterwards.
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest as test } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import { pollFor } from './harness/wait';
import { sendToBackground } from './harness/messages';

interface Api {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
}

/** The id of the tab showing `origin` (readable only while the extension has access to it). */
function tabIdOf(page: E2EPage, origin: string): Promise<number | null> {
  return page.evaluate(async (o: string) => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    // Firefox's match patterns take no port: every tab, then the portal's.
    return (await api.tabs.query({})).find((t) => t.url?.startsWith(`${o}/`))?.id ?? null;
  }, origin);
}

function badgeOf(page: E2EPage, tabId: number): Promise<{ text: string; title: string }> {
  return page.evaluate(async (id: number) => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    return { text: await api.action.getBadgeText({ tabId: id }), title: await api.action.getTitle({ tabId: id }) };
  }, tabId);
}

describe.each(selectedBrowsers())('%s clean-up', (browserName) => {
  test.override({ browserName });

  test('a badge set before the background stopped goes, with its title, when access is removed after', async ({ browser, portal, track }) => {
    portal.reset();
    const tab = track(await signInWithCookie(browser, portal, 'user'));
    portal.setPolicy({ enabled: true });
    const options = track(await browser.openExtensionPage('options.html'));
    // The portal becomes known (as when its popup is opened), then the tab loads again.
    expect(await sendToBackground(options, { type: 'getStatus', origin: portal.origin, refresh: true })).toMatchObject({ ok: true });
    // The tab loads again: the background badges it (TFA applies, not enrolled).
    await tab.evaluate(() => location.reload());
    const tabId = await pollFor(async () => (await tabIdOf(options, portal.origin)) ?? undefined, () => 'the portal tab');
    await pollFor(async () => ((await badgeOf(options, tabId)).text === '!' ? true : undefined), async () => `the badge "!", is ${JSON.stringify(await badgeOf(options, tabId))}`);

    await browser.stopBackground();
    await browser.setHostAccess('http://127.0.0.1/*', false);
    try {
      const after = await pollFor(
        async () => {
          const b = await badgeOf(options, tabId);
          return b.text === '' ? b : undefined;
        },
        async () => `the badge still ${JSON.stringify(await badgeOf(options, tabId))}`,
        10_000,
      );
      expect(after.title).toBe('Two-factor authentication (2FA) status');
    } finally {
      await browser.setHostAccess('http://127.0.0.1/*', true);
    }
  });
});
