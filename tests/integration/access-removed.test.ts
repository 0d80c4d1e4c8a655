import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPortal, type RunningPortal } from '../portal/server';
import { DEMO_LOGINS, startNavixyPanel, type RunningNavixyPanel } from '../navixy/server';
import { route, startBackground } from '../../lib/providers/background';

/**
 * Removing host access (permissions.onRemoved) wipes what the background holds for every site it can no longer
 * reach: the DocSpace portal's remembered API key, session, cached status and names; the Navixy panel's session
 * hash. The real background listener, real commands against both emulators, fakeBrowser storage and permissions.
 */
let portal: RunningPortal;
let panel: RunningNavixyPanel;
beforeAll(async () => {
  [portal, panel] = await Promise.all([startPortal(), startNavixyPanel()]);
});
afterAll(async () => {
  await Promise.all([portal.close(), panel.close()]);
});

let granted: Set<string>;
/** fakeBrowser has no permissions.onRemoved: a minimal event with the same addListener. */
let removedListeners: ((p: { origins?: string[]; permissions?: string[] }) => void)[];
const permissionsRemoved = async (origins: string[]) => {
  for (const origin of origins) granted.delete(origin);
  for (const listener of removedListeners) listener({ origins, permissions: [] });
};
beforeEach(() => {
  removedListeners = [];
  (fakeBrowser.permissions as unknown as { onRemoved: unknown }).onRemoved = { addListener: (fn: (typeof removedListeners)[number]) => removedListeners.push(fn) };
  fakeBrowser.reset();
  portal.reset();
  panel.reset();
  granted = new Set(['http://127.0.0.1/*', 'https://kept.example/*']);
  fakeBrowser.permissions.contains = async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.has(o));
  fakeBrowser.action.setBadgeText = vi.fn();
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn();
  fakeBrowser.action.setTitle = vi.fn();
  startBackground();
});

const sender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const send = async (cmd: object) => {
  const r = (await route(cmd, sender())) as { ok: boolean; error?: { kind: string } };
  if (!r.ok) throw new Error(`${JSON.stringify(cmd)}: ${r.error?.kind}`);
  return r;
};
/** The keys held; the access generations (bookkeeping of removals, no site's data) left out. */
const keys = async () => ({
  local: Object.keys(await fakeBrowser.storage.local.get(null)).sort(),
  session: Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k !== 'accessGenerations').sort(),
});

/** Everything a working day leaves behind: a remembered API key, a status, names; a signed-in Navixy panel. */
async function useBoth(): Promise<void> {
  await send({ type: 'setApiKey', origin: portal.origin, key: portal.apiKeyOf('admin@demo.test'), remember: true });
  await send({ type: 'getStatus', origin: portal.origin, refresh: true, tabId: 7 });
  await send({ type: 'resolveNames', origin: portal.origin, users: [portal.user('admin@demo.test').id], groups: [] });
  await send({ type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: panel.apiBase });
  await send({ type: 'navixySignIn', panel: panel.panelOrigin, login: DEMO_LOGINS.admin, password: 'demo-password', apiBase: panel.apiBase });
  // A portal elsewhere whose access stays.
  await fakeBrowser.storage.local.set({ 'portal:https://kept.example': { isPortal: true, version: '3.7', checkedAt: 1, rememberedKey: 'sk-keptkeptkept' } });
  await fakeBrowser.storage.session.set({ 'portal:https://kept.example': { auth: { kind: 'apiKey', key: 'sk-keptkeptkept' } } });
}

/** Waits for the clean-up the event started (the listener does not return its promise). */
async function settled(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 10));
}

describe('access removed in the browser', () => {
  it('wipes the unreachable portal and panel at once, and keeps the site still granted', async () => {
    await useBoth();
    const before = await keys();
    expect(before.local).toEqual([`navixy-panel:${panel.panelOrigin}`, `portal:${portal.origin}`, 'portal:https://kept.example']);
    expect(before.session).toEqual(expect.arrayContaining([`portal:${portal.origin}`, `names:${portal.origin}`, `navixy:${panel.panelOrigin}`]));

    await permissionsRemoved(['http://127.0.0.1/*']);
    await settled(async () => !(await keys()).session.includes(`navixy:${panel.panelOrigin}`) && !(await keys()).local.includes(`portal:${portal.origin}`));

    const after = await keys();
    // The panel's address stays (not secret; the Portals page offers to grant access again or remove it).
    expect(after.local).toEqual([`navixy-panel:${panel.panelOrigin}`, 'portal:https://kept.example']);
    expect(after.session).toEqual(['portal:https://kept.example']);
    expect((await fakeBrowser.storage.local.get('portal:https://kept.example'))['portal:https://kept.example']).toMatchObject({ rememberedKey: 'sk-keptkeptkept' });
    // The portal's tab badge was taken down.
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '' });
  });

  it('granting access again starts clean: the portal asks how to sign in, the panel asks to sign in', async () => {
    await useBoth();
    await permissionsRemoved(['http://127.0.0.1/*']);
    await settled(async () => !(await keys()).local.includes(`portal:${portal.origin}`));
    granted.add('http://127.0.0.1/*');
    portal.clearLog();

    const status = (await route({ type: 'getStatus', origin: portal.origin, refresh: true }, sender())) as { ok: true; value: { auth: string; state: string } };
    expect(status.value.auth).toBe('cookie');
    // No API key went to the portal: the remembered one is gone.
    expect(portal.requests.every((r) => r.auth !== 'apiKey')).toBe(true);
    const navixy = (await route({ type: 'getNavixyStatus', panel: panel.panelOrigin }, sender())) as { ok: boolean; value?: { login: string | null } };
    expect(navixy.ok ? navixy.value?.login ?? null : null).toBeNull();
  });

  it('removing access to a site we hold nothing for changes nothing', async () => {
    await useBoth();
    const before = await keys();
    await permissionsRemoved(['https://elsewhere.example/*']);
    await new Promise((r) => setTimeout(r, 50));
    expect(await keys()).toEqual(before);
  });
});
