import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundTest, type JarFetch } from './fixtures';
import { DEMO_LOGINS, startNavixyPanel, type RunningNavixyPanel } from '../navixy/server';
import { route, startBackground } from '../../lib/providers/background';

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
      send: (cmd: object) => route(cmd, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') }) as Promise<{ ok: boolean; error?: { kind: string } }>,
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
    const pending = site.send({ type: 'navixySignIn', panel: panel.panelOrigin, login: DEMO_LOGINS.admin, password: 'demo-password' });
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
