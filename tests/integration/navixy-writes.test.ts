import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_LOGINS, startNavixyPanel, type RunningNavixyPanel } from '../navixy/server';
import { route } from '../../lib/providers/background';
import { DEFAULT_TIMEOUT_MS, LONG_WRITE_TIMEOUT_MS, navixyTimeouts } from '../../lib/providers/navixy/http';

/**
 * Issue 25 (writes): the background's writes through the real router against the emulated panel
 * over real HTTP. A saved default whose write to all users failed is a success that says so; a
 * batch with a foreign id may be applied in part (option `partialBatch`); writes to all users
 * and the default wait longer than other calls (timeouts scaled down here, same ratio idea:
 * the panel's latency is above the normal timeout and below the long one).
 */
let panel: RunningNavixyPanel;
let partial: RunningNavixyPanel;
beforeAll(async () => {
  [panel, partial] = await Promise.all([startNavixyPanel(), startNavixyPanel({ partialBatch: true })]);
});
afterAll(async () => {
  await Promise.all([panel.close(), partial.close()]);
});

beforeEach(() => {
  fakeBrowser.reset();
  panel.reset();
  partial.reset();
  fakeBrowser.permissions.contains = async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => o === 'http://127.0.0.1/*');
});
afterEach(() => {
  navixyTimeouts.requestMs = DEFAULT_TIMEOUT_MS;
  navixyTimeouts.longWriteMs = LONG_WRITE_TIMEOUT_MS;
});

const sender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const send = (cmd: object) => route(cmd, sender()) as Promise<{ ok: boolean; value?: any; error?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function signedIn(p: RunningNavixyPanel) {
  expect((await send({ type: 'addNavixyPanel', panel: p.panelOrigin, apiBase: p.apiBase })).ok).toBe(true);
  expect((await send({ type: 'navixySignIn', panel: p.panelOrigin, apiBase: p.apiBase, login: DEMO_LOGINS.admin, password: 'demo-password' })).ok).toBe(true);
}
const ALLOW = { type: 'allowed', factor_types: ['email'] };

describe('Navixy writes', () => {
  it('the long timeout is what Navixy\'s own panel allows (120 s); other calls keep 10 s', () => {
    expect([DEFAULT_TIMEOUT_MS, LONG_WRITE_TIMEOUT_MS]).toEqual([10_000, 120_000]);
  });

  it('a default saved whose write to all users failed: a success with the default as re-read and the error of the write to all', async () => {
    await signedIn(panel);
    panel.forceError({ code: 7, action: 'panel/user/mfa/settings/update', times: 1 });
    const r = await send({ type: 'setNavixyDefault', panel: panel.panelOrigin, settings: ALLOW, applyToAll: true });
    expect(r).toEqual({ ok: true, value: { settings: ALLOW, appliedToAll: false, allError: expect.objectContaining({ kind: 'panel', code: 7 }) } });
    expect(panel.defaultSettings()).toEqual(ALLOW);
    expect(panel.requests.slice(-3).map((q) => q.action)).toEqual(['panel/user/mfa/settings/default/update', 'panel/user/mfa/settings/update', 'panel/user/mfa/settings/default/read']);
  });

  it('a default that was not saved is still an error, and nothing is written to all users', async () => {
    await signedIn(panel);
    panel.forceError({ code: 7, action: 'panel/user/mfa/settings/default/update', times: 1 });
    const r = await send({ type: 'setNavixyDefault', panel: panel.panelOrigin, settings: ALLOW, applyToAll: true });
    expect(r.error).toMatchObject({ kind: 'panel', code: 7 });
    expect(panel.requests.filter((q) => q.action === 'panel/user/mfa/settings/update')).toEqual([]);
  });

  it('a batch with another dealer\'s id fails with 201, and the re-read list shows the part the panel applied (partialBatch)', async () => {
    await signedIn(partial);
    const ids = [1, 2, 3, partial.foreignUserIds[0]!];
    const r = await send({ type: 'updateNavixyMfa', panel: partial.panelOrigin, target: { type: 'selected', ids }, settings: ALLOW });
    expect(r.error).toMatchObject({ kind: 'panel', code: 201 });
    const list = (await send({ type: 'listNavixyUsers', panel: partial.panelOrigin })).value as { users: { id: number; mfaAllowed: boolean }[] };
    expect(list.users.filter((u) => ids.includes(u.id)).map((u) => u.mfaAllowed)).toEqual([true, true, true]);
  });

  it('writes to all users and the default wait for the long timeout; a selected write with the same latency times out', async () => {
    await signedIn(panel);
    navixyTimeouts.requestMs = 200;
    navixyTimeouts.longWriteMs = 3_000;
    panel.setLatency(600);
    const all = await send({ type: 'updateNavixyMfa', panel: panel.panelOrigin, target: { type: 'all' }, settings: { type: 'disallowed' } });
    expect(all).toEqual({ ok: true, value: { target: 'all', count: null } });
    const selected = await send({ type: 'updateNavixyMfa', panel: panel.panelOrigin, target: { type: 'selected', ids: [1] }, settings: ALLOW });
    expect(selected.error).toMatchObject({ kind: 'timeout', ms: 200 });
    // The default's update waits long; its re-read (a read) keeps the normal timeout, so give it time.
    const saved = await send({ type: 'setNavixyDefault', panel: panel.panelOrigin, settings: ALLOW });
    expect(saved.error).toMatchObject({ kind: 'timeout', ms: 200 });
    expect(panel.defaultSettings()).toEqual(ALLOW);
    navixyTimeouts.requestMs = 1_500;
    const savedAll = await send({ type: 'setNavixyDefault', panel: panel.panelOrigin, settings: { type: 'disallowed' }, applyToAll: true });
    expect(savedAll.value).toEqual({ settings: { type: 'disallowed' }, appliedToAll: true });
  });
});
