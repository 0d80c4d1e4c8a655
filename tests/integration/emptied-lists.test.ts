import { describe, expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GROUP_IDS } from '../portal/demo';
import { call as portalCall } from '../portal/test-client';
import { getPolicy, savePolicy } from '../../lib/providers/docspace/background/policy';
import { getStatus } from '../../lib/providers/docspace/background/status';
import { forgetPortalData } from '../../lib/providers/docspace/background/session';
import { writeCoverageSummary } from '../../lib/providers/docspace/coverage/store';
import type { CoverageSummary } from '../../lib/providers/docspace/coverage/types';
import type { Command } from '../../lib/providers/docspace/protocol';
import { docspaceOverview } from '../../lib/providers/docspace/background/overview';
import { backgroundTest } from './fixtures';

/**
 * Issue 26 §4 against the emulated portal over real HTTP: the extension saves a policy with lists, the portal's own
 * settings page then saves only the method (which empties the lists and signs everyone out, §12.4), and the status and
 * the editor report what was held; restoring goes through savePolicy; a save made empty by the extension is not flagged.
 */
type Save = Omit<Extract<Command, { type: 'savePolicy' }>, 'type' | 'origin'>;
const it = backgroundTest
  .extend('signInAs', ({ portal, fetchWithJar }) => async (email: string) => {
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(email));
  })
  .extend('save', ({ portal }) => (s: Save) => savePolicy({ type: 'savePolicy', origin: portal.origin, hugeConfirmed: true, ...s }))
  .extend('id', ({ portal }) => (email: string) => portal.user(email).id)
  // The portal's own TFA settings page: PUT settings/tfaapp with the method alone (as the admin, with their cookie).
  .extend('portalPageSave', ({ portal, fetchWithJar }) => async (type: 'app' | 'sms') => {
    const r = await portalCall(portal.origin, 'PUT', 'settings/tfaapp', { body: { type }, jar: fetchWithJar.jar });
    expect(r.status).toBe(200);
  });

const status = async (origin: string) => {
  const r = await getStatus({ type: 'getStatus', origin, refresh: true });
  if (!r.ok) throw new Error(r.error.kind);
  return r.value;
};
const policyView = async (origin: string) => {
  const r = await getPolicy({ type: 'getPolicy', origin });
  if (!r.ok) throw new Error(r.error.kind);
  return r.value;
};

describe('lists a portal page emptied', () => {
  it('status and editor report what was held after the portal page saved only the method; restoring brings them back', async ({ portal, signInAs, save, id, portalPageSave }) => {
    portal.enrol('admin@demo.test');
    await signInAs('admin@demo.test');
    const lists = { trustedIps: ['10.0.0.0/8', '192.0.2.7'], mandatoryUsers: [id('alice@demo.test')], mandatoryGroups: [GROUP_IDS.finance] };
    const saved = await save({ method: 'app', ...lists });
    expect(saved.ok).toBe(true);
    await signInAs('admin@demo.test'); // the save signed everyone out
    expect((await status(portal.origin)).emptied).toBeNull();

    await portalPageSave('app');
    expect(portal.getPolicy()).toMatchObject({ trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    await signInAs('admin@demo.test'); // so did the page's save
    const s = await status(portal.origin);
    expect(s.emptied).toMatchObject({ trustedIps: 2, mandatoryUsers: 1, mandatoryGroups: 1 });
    expect(s.emptied?.seenAt).toBeLessThanOrEqual(Date.now());
    expect(s.emptied?.held).toBeUndefined(); // the status carries counts only

    const view = await policyView(portal.origin);
    expect(view.emptied?.restorable).toBe(true);
    expect(view.emptied?.held).toEqual({
      trustedIps: lists.trustedIps,
      mandatoryUsers: [expect.objectContaining({ id: id('alice@demo.test'), name: 'Alice Anderson' })],
      mandatoryGroups: [expect.objectContaining({ id: GROUP_IDS.finance, name: 'Finance' })],
    });
    // Nothing of it on disk: storage.session only.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('192.0.2.7');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain('192.0.2.7');

    // "Restore" puts them in the draft; the review saves them through savePolicy like any other save.
    const held = view.emptied!.held!;
    const restored = await save({ method: 'app', trustedIps: held.trustedIps, mandatoryUsers: held.mandatoryUsers.map((e) => e.id), mandatoryGroups: held.mandatoryGroups.map((e) => e.id) });
    expect(restored.ok).toBe(true);
    expect(portal.getPolicy()).toMatchObject(lists);
    await signInAs('admin@demo.test');
    expect((await status(portal.origin)).emptied).toBeNull();
    expect((await policyView(portal.origin)).emptied).toBeNull();
  });

  it('lists the extension itself saved empty are not reported', async ({ portal, signInAs, save, id }) => {
    portal.enrol('admin@demo.test');
    await signInAs('admin@demo.test');
    expect((await save({ method: 'app', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [id('alice@demo.test')], mandatoryGroups: [] })).ok).toBe(true);
    await signInAs('admin@demo.test');
    await status(portal.origin);
    expect((await save({ method: 'app', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] })).ok).toBe(true);
    await signInAs('admin@demo.test');
    expect((await status(portal.origin)).emptied).toBeNull();
    expect((await policyView(portal.origin)).emptied).toBeNull();
  });

  it('a fresh browser session knows nothing of what was held, and forgetting the portal drops it', async ({ portal, signInAs, save, id, portalPageSave }) => {
    portal.enrol('admin@demo.test');
    await signInAs('admin@demo.test');
    expect((await save({ method: 'app', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [id('alice@demo.test')], mandatoryGroups: [] })).ok).toBe(true);
    await signInAs('admin@demo.test');
    await status(portal.origin);
    const held = await fakeBrowser.storage.session.get(`held-lists:${portal.origin}`);
    await portalPageSave('app');
    await fakeBrowser.storage.session.clear(); // the browser closed
    await signInAs('admin@demo.test');
    expect((await status(portal.origin)).emptied).toBeNull();
    // Forgetting the portal removes them too.
    await fakeBrowser.storage.session.set(held);
    await forgetPortalData(portal.origin);
    expect(await fakeBrowser.storage.session.get(`held-lists:${portal.origin}`)).toEqual({});
  });

  it('a user who is not an admin gets neither the count nor the emptied lists', async ({ portal, signInAs }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('user@demo.test');
    await writeCoverageSummary(portal.origin, summary());
    await signInAs('user@demo.test');
    const s = await status(portal.origin);
    expect(s.coverage).toBeUndefined();
    expect(s.emptied).toBeUndefined();
  });
});

const summary = (): CoverageSummary => ({
  countedAt: Date.now() - 60_000, mode: 'app', total: 10, read: 10, active: 9, covered: 4, sso: 1, adminsWithout: 1, without: 4, mandatoryWithout: 0, meCovered: true, ownerCovered: true,
});

describe('the count in the status and the overview', () => {
  it('carries the stored count for an admin, without asking the portal for people (no scan on open)', async ({ portal, signInAs }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('admin@demo.test');
    await writeCoverageSummary(portal.origin, summary());
    await signInAs('admin@demo.test');
    portal.clearLog();
    const s = await status(portal.origin);
    expect(s.coverage).toEqual(expect.objectContaining({ covered: 4, active: 9, adminsWithout: 1 }));
    expect(portal.requests.some((r) => r.path.startsWith('/api/2.0/people/filter') || r.path.startsWith('/api/2.0/people?'))).toBe(false);
    // The cached status (the popup's first answer) reads the count from storage too, and asks nothing.
    portal.clearLog();
    const cached = await getStatus({ type: 'getStatus', origin: portal.origin });
    expect(cached.ok && cached.value.fromCache && cached.value.coverage).toMatchObject({ covered: 4 });
    expect(portal.requests).toHaveLength(0);
  });

  it('the Portals overview shows the same figure with its time, from storage, and nothing when never counted', async ({ portal, signInAs }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('admin@demo.test');
    await signInAs('admin@demo.test');
    fakeBrowser.permissions.getAll = async () => ({ origins: [], permissions: [] });
    await status(portal.origin);
    expect((await docspaceOverview({ refresh: false })).find((r) => r.site === portal.origin)?.coverage).toBeUndefined();
    const kept = summary();
    await writeCoverageSummary(portal.origin, kept);
    portal.clearLog();
    const row = (await docspaceOverview({ refresh: false })).find((r) => r.site === portal.origin);
    expect(row?.coverage).toEqual({ mode: 'app', covered: 4, active: 9, adminsWithout: 1, countedAt: kept.countedAt });
    expect(portal.requests).toHaveLength(0);
  });
});
