import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_LOGINS, startNavixyPanel, type RunningNavixyPanel } from '../navixy/server';
import { route } from '../../lib/providers/background';
import type { SiteOverview } from '../../lib/protocol';
import { backgroundTest } from './fixtures';
import { jarFetch } from './jar-fetch';

/**
 * The Portals page's overview command through the real router, against the emulated portal (signed in with its
 * cookie, enrolled, with backup codes) and the emulated Navixy panel (signed in), over real HTTP.
 */
let panel: RunningNavixyPanel;
beforeAll(async () => {
  panel = await startNavixyPanel();
});
afterAll(async () => {
  await panel.close();
});

let granted: Set<string>;
const it = backgroundTest;
it.beforeEach(async ({ portal, fetchWithJar }) => {
  panel.reset();
  granted = new Set(['http://127.0.0.1/*']);
  fakeBrowser.permissions.contains = async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.has(o));
  fakeBrowser.permissions.getAll = async () => ({ origins: [...granted], permissions: [] });
  fakeBrowser.action.setBadgeText = vi.fn();
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn();
  fakeBrowser.action.setTitle = vi.fn();
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn('admin@demo.test'));
  await send({ type: 'getStatus', origin: portal.origin, refresh: true });
  await send({ type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: panel.apiBase });
  await send({ type: 'navixySignIn', panel: panel.panelOrigin, login: DEMO_LOGINS.admin, password: 'demo-password', apiBase: panel.apiBase });
});

const sender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
async function send<T = unknown>(cmd: object): Promise<T> {
  const r = (await route(cmd, sender())) as { ok: boolean; value?: T; error?: { kind: string } };
  if (!r.ok) throw new Error(`${JSON.stringify(cmd)}: ${r.error?.kind}`);
  return r.value as T;
}
const overview = (cmd: object = {}) => send<SiteOverview[]>({ type: 'overview', ...cmd });
const rowOf = (rows: SiteOverview[], provider: string) => rows.find((r) => r.provider === provider)!;

describe('overview', () => {
  it('lists the portal and the panel with what was last read, without asking either server', async ({ portal }) => {
    portal.clearLog();
    const before = panel.requests.length;
    const rows = await overview();
    expect(portal.requests).toHaveLength(0);
    expect(panel.requests.length).toBe(before);
    expect(rows.map((r) => r.provider).sort()).toEqual(['docspace', 'navixy']);
    expect(rowOf(rows, 'docspace')).toMatchObject({
      site: portal.origin, access: true, state: 'ready', policy: 'app', applies: 'yes', enrolment: 'enrolled', unusedCodes: 5,
      manage: `?view=enrol&origin=${encodeURIComponent(portal.origin)}`, makeNewCodes: null, usersWithMfa: null,
    });
    // The status its sign-in read; a panel has no "applies to you" or enrolment of the operator's own.
    expect(rowOf(rows, 'navixy')).toMatchObject({ site: panel.panelOrigin, access: true, state: 'ready', applies: null, enrolment: null, unusedCodes: null });
  });

  it('a portal never read in this browser session is listed as not checked yet', async () => {
    await fakeBrowser.storage.session.clear();
    const rows = await overview();
    expect(rowOf(rows, 'docspace')).toMatchObject({ state: 'notChecked', checkedAt: null, policy: null });
    expect(rowOf(rows, 'navixy')).toMatchObject({ state: 'signedOut' });
  });

  it('checking again reads both servers: the panel\'s default and its users with MFA; the portal\'s codes as they are now', async ({ portal }) => {
    const admin = portal.user('admin@demo.test');
    for (const c of portal.backupCodes(admin.email).slice(0, 4)) portal.state.useBackupCode(admin.id, c.code);
    const rows = await overview({ refresh: true });
    const docspace = rowOf(rows, 'docspace');
    expect(docspace).toMatchObject({ state: 'ready', unusedCodes: 1 });
    expect(docspace.checkedAt).toBeGreaterThan(Date.now() - 5_000);
    // One code left: the row links to the page that makes new ones.
    expect(docspace.makeNewCodes).toBe(`?view=codes&origin=${encodeURIComponent(portal.origin)}&regenerate=1`);
    const navixy = rowOf(rows, 'navixy');
    expect(navixy.state).toBe('ready');
    expect(['on', 'off']).toContain(navixy.policy);
    expect(navixy.usersWithMfa).toEqual({ allowed: expect.any(Number), total: expect.any(Number) });
    expect(navixy.manage).toBe(`?view=navixy&panel=${encodeURIComponent(panel.panelOrigin)}`);
    // Issue 27 (V54, V57): the card in Navixy's own words, and Forget panel through the panels page's confirmation.
    const off = navixy.policy === 'off';
    expect(navixy.headline).toEqual({ tone: off ? 'off' : 'ok', text: off ? 'Default MFA: Disallowed' : 'Default MFA: Allowed (email code)' });
    expect(navixy.facts).toEqual([
      { field: 'navixy-default', label: 'Default MFA', value: off ? 'Disallowed' : 'Allowed (email code)', tone: off ? 'off' : 'ok' },
      { field: 'navixy-users', label: 'Users with MFA allowed', value: `${navixy.usersWithMfa!.allowed} of ${navixy.usersWithMfa!.total} users` },
    ]);
    expect(navixy.forget).toEqual({
      href: `?view=navixy-panels&forget=${encodeURIComponent(panel.panelOrigin)}`, label: 'Forget panel', ariaLabel: `Forget panel: ${new URL(panel.panelOrigin).host}`,
    });
  });

  it('checks only the sites asked for', async ({ portal }) => {
    portal.clearLog();
    const before = panel.requests.length;
    await overview({ refresh: true, sites: [panel.panelOrigin] });
    expect(portal.requests).toHaveLength(0);
    expect(panel.requests.length).toBeGreaterThan(before);
  });

  it('a site without access is listed as such and never contacted', async ({ portal }) => {
    granted.clear();
    portal.clearLog();
    const rows = await overview({ refresh: true });
    expect(rows.every((r) => r.state === 'noAccess' && !r.access)).toBe(true);
    expect(portal.requests).toHaveLength(0);
  });

  it('a signed-out portal says so after a check', async ({ portal }) => {
    vi.stubGlobal('fetch', jarFetch());
    const rows = await overview({ refresh: true, sites: [portal.origin] });
    expect(rowOf(rows, 'docspace')).toMatchObject({ state: 'signedOut', policy: null, enrolment: null });
  });
});
