import { describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { getStatus, setApiKey } from '../../lib/providers/docspace/background/status';
import { getSession } from '../../lib/providers/docspace/background/session';
import { jarOfTab } from '../../lib/providers/docspace/background/jar';
import { backgroundTest } from './fixtures';
import { route } from '../../lib/providers/background';

/**
 * Private windows and containers (README "Private windows and containers"): the background's requests carry the
 * browser's normal cookies, so in a private or container tab the browser's sign-in is refused (no request with
 * cookies, no status read in a normal tab shown), an API key still works, and a private tab writes nothing to
 * storage.local. The tab is read from the browser (browser.tabs.get), as Chromium and Firefox describe it.
 */
const NORMAL = 1;
const PRIVATE = 2;
const CONTAINER = 3;
const FIREFOX_NORMAL = 4;
const tabsById: Record<number, Partial<Browser.tabs.Tab> & { cookieStoreId?: string }> = {
  [NORMAL]: { id: NORMAL, incognito: false },
  [PRIVATE]: { id: PRIVATE, incognito: true, cookieStoreId: 'firefox-private' },
  [CONTAINER]: { id: CONTAINER, incognito: false, cookieStoreId: 'firefox-container-1' },
  [FIREFOX_NORMAL]: { id: FIREFOX_NORMAL, incognito: false, cookieStoreId: 'firefox-default' },
};
const badge = vi.fn();
const it = backgroundTest
  .extend('signInAs', ({ portal, fetchWithJar }) => async (role: string) => {
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(portal.user(role).email));
  })
  .extend('status', ({ portal }) => (tabId: number, refresh = true) => getStatus({ type: 'getStatus', origin: portal.origin, refresh, tabId }))
  .extend('local', () => async () => Object.keys(await fakeBrowser.storage.local.get(null)));
it.beforeEach(() => {
  fakeBrowser.tabs.get = vi.fn(async (id: number) => {
    const tab = tabsById[id];
    if (!tab) throw new Error(`No tab with id: ${id}.`);
    return { index: 0, pinned: false, highlighted: false, windowId: 1, active: true, discarded: false, autoDiscardable: true, groupId: -1, frozen: false, selected: true, ...tab } as Browser.tabs.Tab;
  });
  fakeBrowser.action.setBadgeText = badge;
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn();
  fakeBrowser.action.setTitle = vi.fn();
  badge.mockReset();
});

describe('which cookie jar a tab uses (read from the browser)', () => {
  it('Chromium incognito and Firefox private are private; a Firefox container is a container; the rest is normal', async () => {
    expect(await jarOfTab(PRIVATE)).toBe('private');
    expect(await jarOfTab(CONTAINER)).toBe('container');
    expect(await jarOfTab(NORMAL)).toBe('default');
    expect(await jarOfTab(FIREFOX_NORMAL)).toBe('default');
    expect(await jarOfTab(undefined)).toBe('default');
  });
});

describe('the browser sign-in in a private window', () => {
  it('is refused: no request carries cookies, and the normal tab\'s cached status is not shown', async ({ portal, signInAs, status }) => {
    portal.setPolicy({ enabled: true });
    await signInAs('admin');
    // A normal tab read the default profile's account (and cached it, with a badge).
    const normal = await status(NORMAL);
    expect(normal.ok && normal.value.me?.role).toBe('admin');
    portal.clearLog();
    badge.mockReset();
    for (const refresh of [false, true]) {
      const r = await status(PRIVATE, refresh);
      if (!r.ok) throw new Error(r.error.kind);
      expect(r.value).toMatchObject({ state: 'separateCookies', jar: 'private', me: null, policy: null, enrolment: { state: 'unknown' } });
      expect(r.value.fromCache).toBeUndefined();
    }
    // Recognised already: nothing was asked of the portal at all.
    expect(portal.requests).toEqual([]);
    // The badge of the private tab is cleared, not the admin's.
    expect(badge.mock.calls.map(([a]) => a)).toEqual([{ tabId: PRIVATE, text: '' }, { tabId: PRIVATE, text: '' }]);
    // The normal tab's status is still there for normal tabs.
    expect((await getSession(portal.origin)).lastStatus?.me?.role).toBe('admin');
  });

  it('a portal first met in a private tab: recognised anonymously, kept in session storage only', async ({ portal, signInAs, status, local }) => {
    await signInAs('admin');
    const r = await status(PRIVATE);
    expect(r.ok && r.value.state).toBe('separateCookies');
    expect(portal.requests.map((q) => [q.path, q.auth])).toEqual([['/api/2.0/settings', 'none']]);
    expect(await local()).toEqual([]);
    expect((await getSession(portal.origin)).recognised).toMatchObject({ isPortal: true });
    // Known for the rest of the browser session: no second probe.
    portal.clearLog();
    await status(PRIVATE);
    expect(portal.requests).toEqual([]);
  });

  it('an API key still works there; it is never remembered on disk, even when asked to', async ({ portal, status, local }) => {
    portal.setPolicy({ enabled: true });
    const admin = portal.user('admin');
    const r = await setApiKey({ type: 'setApiKey', origin: portal.origin, key: portal.apiKeyOf(admin.email), remember: true, tabId: PRIVATE });
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value).toMatchObject({ state: 'ready', auth: 'apiKey', jar: 'private', me: { id: admin.id } });
    expect(portal.requests.every((q) => q.auth === 'apiKey' || q.auth === 'none')).toBe(true);
    expect(await local()).toEqual([]);
    // The cached status (read with the key) may be shown in the private tab.
    const cached = await status(PRIVATE, false);
    expect(cached.ok && cached.value).toMatchObject({ state: 'ready', auth: 'apiKey', fromCache: true, jar: 'private' });
  });

  it('a refused API key in a private tab: back to the refusal, not to the browser sign-in', async ({ portal, signInAs, status }) => {
    await signInAs('admin');
    const admin = portal.user('admin');
    const key = portal.apiKeyOf(admin.email);
    await setApiKey({ type: 'setApiKey', origin: portal.origin, key, remember: false, tabId: PRIVATE });
    portal.killApiKey(key, 'deleted');
    portal.clearLog();
    const r = await status(PRIVATE);
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value).toMatchObject({ state: 'separateCookies', jar: 'private', keyRefused: true, me: null });
    expect(portal.requests.every((q) => q.auth !== 'cookie')).toBe(true);
  });
});

describe('the browser sign-in in a Firefox container tab', () => {
  it('is refused too; the recognition is recorded as a normal tab\'s (a container is not private)', async ({ portal, signInAs, status, local }) => {
    await signInAs('admin');
    const r = await status(CONTAINER);
    expect(r.ok && r.value).toMatchObject({ state: 'separateCookies', jar: 'container', me: null });
    expect(portal.requests.every((q) => q.auth === 'none')).toBe(true);
    expect(await local()).toEqual([`portal:${portal.origin}`]);
  });

  it('an API key pasted there may be remembered on this device', async ({ portal, local }) => {
    const admin = portal.user('admin');
    const key = portal.apiKeyOf(admin.email);
    const r = await setApiKey({ type: 'setApiKey', origin: portal.origin, key, remember: true, tabId: CONTAINER });
    expect(r.ok && r.value).toMatchObject({ state: 'ready', jar: 'container' });
    expect(await local()).toEqual([`portal:${portal.origin}`]);
    expect((await fakeBrowser.storage.local.get(`portal:${portal.origin}`))[`portal:${portal.origin}`]).toMatchObject({ rememberedKey: key });
  });

  it('Firefox\'s default store is a normal tab: the browser sign-in is used', async ({ signInAs, status }) => {
    await signInAs('admin');
    const r = await status(FIREFOX_NORMAL);
    expect(r.ok && r.value).toMatchObject({ state: 'ready', me: { role: 'admin' } });
    expect(r.ok && r.value.jar).toBeUndefined();
  });
});

describe('a page in a private window or a container (Firefox opens the options page there too)', () => {
  /** The options page, in a tab the browser describes as private (or in a container). */
  const fromTab = (tab: Partial<Browser.tabs.Tab> & { cookieStoreId?: string }) => ({
    id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 9, index: 0, ...tab } as Browser.tabs.Tab,
  });
  type Reply = { ok: boolean; value?: { state?: string; auth?: string }; error?: { kind: string; reason?: string } };
  const send = (cmd: object, sender: ReturnType<typeof fromTab>) => route(cmd, sender) as Promise<Reply>;

  it('on the browser sign-in: every command that would act with the normal cookies is refused, and nothing reaches the portal', async ({ portal, signInAs }) => {
    portal.setPolicy({ enabled: true });
    await signInAs('admin');
    portal.clearLog();
    for (const sender of [fromTab({ incognito: true, cookieStoreId: 'firefox-private' }), fromTab({ incognito: false, cookieStoreId: 'firefox-container-2' })]) {
      for (const cmd of [
        { type: 'resetMyApp', origin: portal.origin },
        { type: 'regenerateBackupCodes', origin: portal.origin },
        { type: 'getBackupCodes', origin: portal.origin },
        { type: 'startEnrolment', origin: portal.origin },
        { type: 'getPolicy', origin: portal.origin },
        { type: 'useBrowserSignIn', origin: portal.origin },
      ]) {
        const r = await send(cmd, sender);
        expect(r.error, cmd.type).toMatchObject({ kind: 'notAvailable', reason: 'separateCookies' });
      }
      // The status from such a page is the refusal, as in the popup of a private tab.
      const status = await send({ type: 'getStatus', origin: portal.origin, refresh: true }, sender);
      expect(status.value?.state).toBe('separateCookies');
    }
    expect(portal.requests.filter((q) => q.auth !== 'none')).toEqual([]);
    // The same commands from a normal window still work.
    const normal = await send({ type: 'getPolicy', origin: portal.origin }, fromTab({ incognito: false, cookieStoreId: 'firefox-default' }));
    expect(normal.ok).toBe(true);
  });

  it('on an API key: served there; a key pasted there is not remembered on disk', async ({ portal, local }) => {
    portal.setPolicy({ enabled: true });
    const admin = portal.user('admin');
    const priv = fromTab({ incognito: true });
    const set = await send({ type: 'setApiKey', origin: portal.origin, key: portal.apiKeyOf(admin.email), remember: true }, priv);
    expect(set.value).toMatchObject({ state: 'ready', auth: 'apiKey' });
    expect(await local()).toEqual([]);
    const policy = await send({ type: 'getPolicy', origin: portal.origin }, priv);
    expect(policy.ok).toBe(true);
  });
});
