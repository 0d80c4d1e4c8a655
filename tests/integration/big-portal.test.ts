import { describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BIG_USERS, DELETED_GROUPS, DELETED_USERS, MALFORMED_IPS, ODD_NAMES, VALID_IPS, bigPolicy } from '../portal/big';
import { SYSTEM_GROUPS } from '../portal/demo';
import { getStatus, policyEntries, resolveNames } from '../../lib/providers/docspace/background/status';
import { getPolicy, savePolicy } from '../../lib/providers/docspace/background/policy';
import { backgroundTest } from './fixtures';

/**
 * The background against the big emulated portal (tests/portal/big.ts) over real HTTP: 5,000 more users, a
 * policy naming 5,000 of them (10 deleted), 255 groups (2 system, 3 deleted) and malformed trusted IPs.
 * What the popup's one status read costs, what names cost, and that a save loses nothing.
 */
const it = backgroundTest
  .override('portalOptions', { scope: 'file' }, { big: true })
  .extend('origin', ({ portal }) => () => portal.origin);
it.beforeEach(async ({ portal, fetchWithJar }) => {
  fakeBrowser.action.setBadgeText = vi.fn();
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn();
  fakeBrowser.action.setTitle = vi.fn();
  portal.enrol('admin@demo.test');
  fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn('admin@demo.test'));
  portal.clearLog();
});

const displayName = (i: number) => {
  const n = ODD_NAMES[i]!;
  return n.last ? `${n.first} ${n.last}` : n.first;
};

describe('the big portal', () => {
  it('holds what it says: the policy as stored, malformed IPs verbatim, ids lower-case', ({ portal }) => {
    const p = portal.getPolicy();
    expect(p.mandatoryUsers).toHaveLength(BIG_USERS);
    expect(p.mandatoryGroups).toHaveLength(255);
    expect(p.trustedIps).toEqual(expect.arrayContaining([...MALFORMED_IPS, ...VALID_IPS]));
    expect(portal.users.length).toBeGreaterThan(BIG_USERS);
  });
});

describe('popup: the status and the names it shows', () => {
  it('one status read: four requests, counts and the first three entries of each list', async ({ portal, origin }) => {
    const r = await getStatus({ type: 'getStatus', origin: origin(), refresh: true });
    if (!r.ok) throw new Error(r.error.kind);
    expect(portal.requests).toHaveLength(4);
    const policy = r.value.policy!;
    expect(policy.mandatoryUsers.total).toBe(BIG_USERS);
    expect(policy.mandatoryGroups.total).toBe(255);
    // Judged as the portal does (§12.1): two never match, 192.168.1.0/33 makes sign-in fail.
    expect(policy.trustedIps).toMatchObject({ total: 7, invalid: 2, breaking: 1 });
    expect(policy.trustedIps.first.map((e) => [e.name, e.invalid ?? false])).toEqual([[VALID_IPS[0], false], [MALFORMED_IPS[0], true], [VALID_IPS[1], false]]);
    expect(policy.mandatoryUsers.first.map((e) => e.id)).toEqual(bigPolicy().mandatoryUsers.slice(0, 3));
  });

  it('names for what is shown: one request per id, the names as the portal holds them (markup, RTL, 300 characters, bidi controls)', async ({ portal, origin }) => {
    const p = bigPolicy();
    const r = await resolveNames({ type: 'resolveNames', origin: origin(), users: p.mandatoryUsers.slice(0, 3), groups: p.mandatoryGroups.slice(0, 3) });
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value.users.map((u) => u.name)).toEqual([displayName(0), displayName(1), displayName(2)]);
    expect(r.value.groups.map((g) => g.name)).toEqual(['مجموعة المالية', 'G'.repeat(250), '<script>alert("group")</script>']);
    expect(portal.requests).toHaveLength(6);
    // Cached: asking again costs nothing.
    portal.clearLog();
    await resolveNames({ type: 'resolveNames', origin: origin(), users: p.mandatoryUsers.slice(0, 3), groups: [] });
    expect(portal.requests).toHaveLength(0);
  });

  it('"and N more": twenty entries at a time, named, deleted ones marked, at most one request per entry plus the policy', async ({ portal, origin }) => {
    const p = bigPolicy();
    const at = 95; // the first deleted user sits at index 100
    const r = await policyEntries({ type: 'policyEntries', origin: origin(), list: 'mandatoryUsers', offset: at, count: 20 });
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value.total).toBe(BIG_USERS);
    expect(r.value.items.map((e) => e.id)).toEqual(p.mandatoryUsers.slice(at, at + 20));
    expect(r.value.items[5]).toMatchObject({ id: DELETED_USERS[0], missing: true });
    expect(r.value.items.filter((e) => !e.missing).every((e) => /^User\d+ Big\d{4}$/.test(e.name))).toBe(true);
    expect(portal.requests.length).toBeLessThanOrEqual(21);
  });

  it('the trusted IPs page marks what is not an address', async ({ portal, origin }) => {
    const r = await policyEntries({ type: 'policyEntries', origin: origin(), list: 'trustedIps', offset: 0, count: 30 });
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value.items.filter((e) => e.invalid || e.breaks).map((e) => e.name)).toEqual([...MALFORMED_IPS]);
    expect(portal.requests).toHaveLength(1);
  });
});

describe('policy editor: load and save thousands', () => {
  it('loads every entry, named by paging the people and group lists (not one request per id); deleted ids marked', async ({ portal, origin }) => {
    const r = await getPolicy({ type: 'getPolicy', origin: origin() });
    if (!r.ok) throw new Error(r.error.kind);
    const p = bigPolicy();
    expect(r.value.users.map((u) => u.id)).toEqual(p.mandatoryUsers);
    expect(r.value.users.filter((u) => u.missing).map((u) => u.id)).toEqual([...DELETED_USERS]);
    expect(r.value.users.filter((u) => !u.missing && !u.name)).toEqual([]);
    expect(r.value.groups.filter((g) => g.missing).map((g) => g.id)).toEqual([...DELETED_GROUPS]);
    expect(r.value.groups.find((g) => g.id === SYSTEM_GROUPS.docSpaceAdmin.id)?.name).toBe(SYSTEM_GROUPS.docSpaceAdmin.name);
    expect(r.value.policy.trustedIps).toEqual(p.trustedIps);
    const perId = portal.requests.filter((q) => /^\/api\/2\.0\/people\/[0-9a-f-]{36}$/.test(q.path)).length;
    expect(perId).toBeLessThanOrEqual(30);
    expect(portal.requests.length).toBeLessThan(120);
  });

  it('a change to the trusted IPs saves the full body: every id as stored, the valid IPs and the new one; nothing lost', async ({ portal, origin }) => {
    const p = bigPolicy();
    const trustedIps = [...VALID_IPS, '10.20.0.0/16'];
    const r = await savePolicy({ type: 'savePolicy', origin: origin(), method: 'app', trustedIps, mandatoryUsers: p.mandatoryUsers, mandatoryGroups: p.mandatoryGroups });
    if (!r.ok) throw new Error(r.error.kind);
    const put = portal.requests.find((q) => q.method === 'PUT');
    expect(put?.body).toMatchObject({ type: 'App', trustedIps: expect.any(Array), mandatoryUsers: p.mandatoryUsers, mandatoryGroups: p.mandatoryGroups });
    expect(portal.getPolicy().mandatoryUsers).toEqual(p.mandatoryUsers);
    expect(portal.getPolicy().mandatoryGroups).toEqual(p.mandatoryGroups);
    expect(portal.getPolicy().trustedIps).toHaveLength(trustedIps.length);
    expect(r.value.mismatches).toEqual([]);
  });
});
