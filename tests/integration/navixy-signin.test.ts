import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_LOGINS, startNavixyPanel, type RunningNavixyPanel } from '../navixy/server';
import { route } from '../../lib/providers/background';
import { getNavixySession } from '../../lib/providers/navixy/session';

/**
 * Issue 25 §3: the password goes only to the API address the sign-in form showed, and a panel's changed API
 * address gives back host access to the old API host unless another panel or a DocSpace portal still uses it.
 * The real router and handlers against two emulated panels' APIs on two hosts (127.0.0.1 and localhost), with
 * fakeBrowser storage and permissions.
 */
let first: RunningNavixyPanel;
let second: RunningNavixyPanel;
beforeAll(async () => {
  [first, second] = await Promise.all([startNavixyPanel(), startNavixyPanel({ host: 'localhost' })]);
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
});

/** The panel's page is never contacted: an https address of its own, so only the API hosts hold host access. */
const PANEL = 'https://panel.fleet.example';
const OTHER_PANEL = 'https://other.fleet.example';
const FIRST_HOST = 'http://127.0.0.1/*';
const SECOND_HOST = 'http://localhost/*';

let granted: Set<string>;
beforeEach(() => {
  fakeBrowser.reset();
  first.reset();
  second.reset();
  granted = new Set([FIRST_HOST, SECOND_HOST]);
  fakeBrowser.permissions.contains = async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.has(o));
  fakeBrowser.permissions.remove = vi.fn(async ({ origins }: { origins?: string[] }) => {
    for (const o of origins ?? []) granted.delete(o);
    return true;
  });
});

const sender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const send = (cmd: object) => route(cmd, sender()) as Promise<{ ok: boolean; value?: any; error?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
const add = (apiBase: string, panel = PANEL, confirmApiChange?: boolean) =>
  send({ type: 'addNavixyPanel', panel, apiBase, ...(confirmApiChange === undefined ? {} : { confirmApiChange }) });
const signIn = (apiBase: string) => send({ type: 'navixySignIn', panel: PANEL, login: DEMO_LOGINS.admin, password: 'demo-password', apiBase });
const removed = () => vi.mocked(fakeBrowser.permissions.remove).mock.calls.flatMap(([p]) => p.origins ?? []);

describe('the sign-in carries the API address the form showed', () => {
  it('refuses when the panel\'s API address changed after the form was shown: nothing is sent to either host, nothing kept', async () => {
    expect((await add(first.apiBase)).ok).toBe(true);
    // The form shows the first API; meanwhile (another tab) the panel's API address is changed to the second.
    expect((await add(second.apiBase, PANEL, true)).ok).toBe(true);
    first.clearLog();
    second.clearLog();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const r = await signIn(first.apiBase);
    expect(r).toEqual({ ok: false, error: { kind: 'panel', origin: PANEL, code: 0, reason: 'apiChangedMeanwhile' } });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect([first.requests, second.requests]).toEqual([[], []]);
    expect(await getNavixySession(PANEL)).toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('demo-password');
  });

  it('refuses an address the panel never had, and one missing, before anything is sent', async () => {
    await add(first.apiBase);
    first.clearLog();
    expect((await signIn('https://api.elsewhere.example/v2')).error).toMatchObject({ reason: 'apiChangedMeanwhile' });
    expect((await send({ type: 'navixySignIn', panel: PANEL, login: DEMO_LOGINS.admin, password: 'demo-password' })).error).toMatchObject({ kind: 'badRequest' });
    expect(first.requests).toEqual([]);
  });

  it('signs in when the address is the panel\'s (written as the form shows it, or with a trailing slash)', async () => {
    await add(`${first.apiBase}/`);
    expect((await signIn(first.apiBase)).value).toMatchObject({ state: 'ready', login: DEMO_LOGINS.admin, apiBase: first.apiBase });
    expect((await signIn(`${first.apiBase}/`)).value).toMatchObject({ state: 'ready' });
    expect(first.requests.filter((q) => q.action === 'panel/account/auth')).toHaveLength(2);
    expect(second.requests).toEqual([]);
  });
});

describe('a changed API address gives back access to the old API host', () => {
  it('revokes the old API host once the change is confirmed, and keeps the new one', async () => {
    await add(first.apiBase);
    await signIn(first.apiBase);
    expect((await add(second.apiBase)).error).toMatchObject({ reason: 'apiChanged' });
    expect(removed()).toEqual([]);
    expect((await add(second.apiBase, PANEL, true)).value).toMatchObject({ apiBase: second.apiBase, granted: true, login: null });
    expect(removed()).toEqual([FIRST_HOST]);
    expect([...granted]).toEqual([SECOND_HOST]);
    // The old session was ended on the old host before its access went.
    expect(first.requests.filter((q) => q.action === 'panel/account/logout').map((q) => q.status)).toEqual([200]);
  });

  it('keeps the old API host when another panel uses it', async () => {
    await add(first.apiBase);
    await add(first.apiBase, OTHER_PANEL);
    expect((await add(second.apiBase, PANEL, true)).ok).toBe(true);
    expect(removed()).toEqual([]);
    // Once that panel goes too, so does the access.
    expect((await send({ type: 'removeNavixyPanel', panel: OTHER_PANEL })).ok).toBe(true);
    expect(removed()).toEqual([FIRST_HOST]);
  });

  it('keeps the old API host when a DocSpace portal there uses it', async () => {
    await add(first.apiBase);
    await fakeBrowser.storage.local.set({ 'portal:http://127.0.0.1:1': { rememberedKey: null } });
    expect((await add(second.apiBase, PANEL, true)).ok).toBe(true);
    expect(removed()).toEqual([]);
  });

  it('a new API address on the same host (another port) keeps the host\'s access', async () => {
    const samehost = await startNavixyPanel();
    try {
      await add(first.apiBase);
      expect((await add(samehost.apiBase, PANEL, true)).value).toMatchObject({ apiBase: samehost.apiBase });
      expect(removed()).toEqual([]);
    } finally {
      await samehost.close();
    }
  });
});
