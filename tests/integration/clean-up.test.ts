import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundTest, type JarFetch } from './fixtures';
import { DEMO_LOGINS, startNavixyPanel, type RunningNavixyPanel } from '../navixy/server';
import { route, startBackground } from '../../lib/providers/background';
import { getSession } from '../../lib/providers/docspace/background/session';

/**
 * Clean-up that stays clean (issue 24 §2): a request in flight when host access is removed answers after the wipe and
 * writes nothing back (a remembered API key, a status, names, a confirm token, a Navixy hash), not even once access is
 * granted again; the browser sign-in path checks access like the others. The real background (router, the
 * permissions.onRemoved listener) against both emulators; each answer is held at the transport until the test lets it
 * through, after the wipe.
 */
let panel: RunningNavixyPanel;
beforeAll(async () => {
  panel = await startNavixyPanel();
});
afterAll(async () => {
  await panel.close();
});

/** Holds the answer of the first request whose URL matches, until `release()`; `arrived` resolves once it is held. */
interface Hold { arrived: Promise<void>; release: () => void }

const test = backgroundTest
  .extend('site', ({ portal, fetchWithJar }) => {
    const granted = new Set(['http://127.0.0.1/*']);
    const removedListeners: ((p: { origins?: string[]; permissions?: string[] }) => void)[] = [];
    Object.assign(fakeBrowser.permissions, { onRemoved: { addListener: (fn: (typeof removedListeners)[number]) => removedListeners.push(fn) } });
    fakeBrowser.permissions.contains = async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.has(o));
    fakeBrowser.action.setBadgeText = vi.fn();
    fakeBrowser.action.setBadgeBackgroundColor = vi.fn();
    fakeBrowser.action.setTitle = vi.fn();
    let hold: { pattern: RegExp; gate: Promise<void>; arrive: () => void } | null = null;
    const gated = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetchWithJar(input, init);
      const url = input instanceof Request ? input.url : String(input);
      const h = hold;
      if (h && h.pattern.test(url)) {
        hold = null;
        h.arrive();
        await h.gate;
      }
      return response;
    };
    vi.stubGlobal('fetch', Object.assign(gated, { jar: fetchWithJar.jar }) as JarFetch);
    startBackground();
    return {
      portal,
      granted,
      holdAnswer(pattern: RegExp): Hold {
        let arrive!: () => void;
        let release!: () => void;
        const arrived = new Promise<void>((r) => (arrive = r));
        hold = { pattern, gate: new Promise<void>((r) => (release = r)), arrive };
        return { arrived, release };
      },
      /** Host access to the emulators' host removed in the browser, and the wipe it starts finished. */
      async removeAccess(): Promise<void> {
        granted.delete('http://127.0.0.1/*');
        for (const listener of removedListeners) listener({ origins: ['http://127.0.0.1/*'], permissions: [] });
        await settled(async () => !Object.keys(await held()).some((k) => k.includes('127.0.0.1') && !k.startsWith('local:navixy-panel:') && !k.includes('enrolmentAttempts')));
      },
      signInWithCookie: async (role: string) => fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(portal.user(role).email)),
      /** Signed out on the portal: the browser holds no sign-in cookie any more. */
      signOut: () => fetchWithJar.jar.cookies.delete('asc_auth_key'),
      /** The worker idled out and a new one started: the old listeners are gone with it. */
      workerRestarted: () => removedListeners.splice(0),
      send: (cmd: object, via = route) => via(cmd, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') }) as Promise<{ ok: boolean; error?: { kind: string } }>,
    };
  });

/** Every key held, both areas, with what it holds. */
async function held(): Promise<Record<string, unknown>> {
  const [local, session] = await Promise.all([fakeBrowser.storage.local.get(null), fakeBrowser.storage.session.get(null)]);
  return { ...Object.fromEntries(Object.entries(local).map(([k, v]) => [`local:${k}`, v])), ...Object.fromEntries(Object.entries(session).map(([k, v]) => [`session:${k}`, v])) };
}
/** What is held for the emulators' host, the access generations (no site's data) and the Navixy panel's address left out. */
async function heldForHost(): Promise<string[]> {
  return Object.keys(await held()).filter((k) => k.includes('127.0.0.1') && !k.startsWith('local:navixy-panel:'));
}
async function settled(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 10));
}

describe('a request in flight when access is removed writes nothing back', () => {
  test('an API key to remember on this device: neither kept nor written to disk', async ({ site }) => {
    const key = site.portal.apiKeyOf('admin@demo.test');
    const hold = site.holdAnswer(/people\/@self/);
    const pending = site.send({ type: 'setApiKey', origin: site.portal.origin, key, remember: true });
    await hold.arrived;
    await site.removeAccess();
    hold.release();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'noPermission' } });
    expect(await heldForHost()).toEqual([]);
    expect(JSON.stringify(await held())).not.toContain(key);
  });

  test('a status read: no status, name or e-mail, recognition record or badge after the wipe', async ({ site }) => {
    await site.signInWithCookie('admin');
    const hold = site.holdAnswer(/people\/@self/);
    const pending = site.send({ type: 'getStatus', origin: site.portal.origin, refresh: true, tabId: 7 });
    await hold.arrived;
    await site.removeAccess();
    hold.release();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'noPermission' } });
    expect(await heldForHost()).toEqual([]);
    expect(fakeBrowser.action.setBadgeText).not.toHaveBeenCalledWith(expect.objectContaining({ text: expect.stringMatching(/./) }));
  });

  test('names being resolved: not cached after the wipe', async ({ site }) => {
    await site.signInWithCookie('admin');
    const hold = site.holdAnswer(/people\/[0-9a-f-]{36}/);
    const pending = site.send({ type: 'resolveNames', origin: site.portal.origin, users: [site.portal.user('user').id], groups: [] });
    await hold.arrived;
    await site.removeAccess();
    hold.release();
    await pending;
    expect(await heldForHost()).toEqual([]);
  });

  test('an enrolment being started: its confirm token is not kept', async ({ site }) => {
    await site.signInWithCookie('user');
    site.portal.setPolicy({ enabled: true });
    const hold = site.holdAnswer(/tfaapp\/setup/);
    const pending = site.send({ type: 'startEnrolment', origin: site.portal.origin });
    await hold.arrived;
    await site.removeAccess();
    hold.release();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'noPermission' } });
    expect(await heldForHost()).toEqual([]);
  });

  test('nor once access is granted again before the answer comes', async ({ site }) => {
    const key = site.portal.apiKeyOf('admin@demo.test');
    const hold = site.holdAnswer(/people\/@self/);
    const pending = site.send({ type: 'setApiKey', origin: site.portal.origin, key, remember: true });
    await hold.arrived;
    await site.removeAccess();
    site.granted.add('http://127.0.0.1/*');
    hold.release();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'noPermission' } });
    expect(JSON.stringify(await held())).not.toContain(key);
  });

  test('a Navixy sign-in: the session hash is not kept', async ({ site }) => {
    expect(await site.send({ type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: panel.apiBase })).toMatchObject({ ok: true });
    const hold = site.holdAnswer(/account\/auth/);
    const pending = site.send({ type: 'navixySignIn', panel: panel.panelOrigin, login: DEMO_LOGINS.admin, password: 'demo-password', apiBase: panel.apiBase });
    await hold.arrived;
    await site.removeAccess();
    hold.release();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'noPermission' } });
    expect(await heldForHost()).toEqual([]);
  });
});

describe('the browser sign-in path', () => {
  test('checks host access like every other command: without it nothing is written', async ({ site }) => {
    site.granted.clear();
    expect(await site.send({ type: 'useBrowserSignIn', origin: site.portal.origin })).toMatchObject({ ok: false, error: { kind: 'noPermission' } });
    expect(await heldForHost()).toEqual([]);
  });
});

const portalTab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false, windowId: 1 };

describe('badges', () => {
  test('a badge set before the worker restarted is taken down, with its title, when access is removed after', async ({ site }) => {
    await site.signInWithCookie('user');
    site.portal.setPolicy({ enabled: true });
    expect(await site.send({ type: 'getStatus', origin: site.portal.origin, refresh: true, tabId: 7 })).toMatchObject({ ok: true });
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '!' });
    // A fresh worker: the background's modules loaded again, nothing of the old one in memory.
    site.workerRestarted();
    vi.resetModules();
    const fresh = await import('../../lib/providers/background');
    fresh.startBackground();
    await site.removeAccess();
    await settled(async () => vi.mocked(fakeBrowser.action.setBadgeText).mock.lastCall?.[0].text === '');
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '' });
    expect(fakeBrowser.action.setTitle).toHaveBeenLastCalledWith({ tabId: 7, title: 'Two-factor authentication (2FA) status' });
  });

  test('a tab that navigated while its status was read (to a site we cannot see: no address) gets no badge', async ({ site }) => {
    await site.signInWithCookie('user');
    site.portal.setPolicy({ enabled: true });
    const hold = site.holdAnswer(/people\/@self/);
    const pending = site.send({ type: 'getStatus', origin: site.portal.origin, refresh: true, tabId: 7 });
    await hold.arrived;
    // What the browser tells about a navigation to a site the extension has no access to: the status, no URL.
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, portalTab);
    hold.release();
    expect(await pending).toMatchObject({ ok: true });
    expect(fakeBrowser.action.setBadgeText).not.toHaveBeenCalledWith({ tabId: 7, text: '!' });
  });
});

describe('the confirm token after signing out', () => {
  test('one asked for while signed in is deleted when the portal says the sign-in ended, and never resumed signed out', async ({ site }) => {
    await site.signInWithCookie('user');
    site.portal.setPolicy({ enabled: true });
    expect(await site.send({ type: 'startEnrolment', origin: site.portal.origin })).toMatchObject({ ok: true });
    expect((await getSession(site.portal.origin)).enrolment).toBeDefined();
    site.signOut();
    // The next person opens the set-up page straight away: no status read in between.
    expect(await site.send({ type: 'startEnrolment', origin: site.portal.origin })).toMatchObject({ ok: false, error: { kind: 'signedOut' } });
    expect((await getSession(site.portal.origin)).enrolment).toBeUndefined();
  });

  test('a status read that finds the portal signed out deletes it too', async ({ site }) => {
    await site.signInWithCookie('user');
    site.portal.setPolicy({ enabled: true });
    expect(await site.send({ type: 'startEnrolment', origin: site.portal.origin })).toMatchObject({ ok: true });
    site.signOut();
    expect(await site.send({ type: 'getStatus', origin: site.portal.origin, refresh: true })).toMatchObject({ ok: true, value: { state: 'signedOut' } });
    expect(JSON.stringify(await held())).not.toContain('TfaActivation');
  });

  test('the one of the save that turned TFA on outlives the sign-out it causes: the admin enrols next', async ({ site }) => {
    await site.signInWithCookie('admin');
    const saved = await site.send({ type: 'savePolicy', origin: site.portal.origin, method: 'app', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    expect(saved).toMatchObject({ ok: true, value: { enrolNext: true, signedOut: true } });
    expect(await site.send({ type: 'getStatus', origin: site.portal.origin, refresh: true })).toMatchObject({ ok: true, value: { state: 'signedOut' } });
    expect(await site.send({ type: 'startEnrolment', origin: site.portal.origin })).toMatchObject({ ok: true, value: { account: 'admin@demo.test' } });
  });
});
