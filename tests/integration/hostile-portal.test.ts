import { describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GROUP_IDS } from '../portal/demo';
import { getPolicy, savePolicy, searchGroups, searchPeople } from '../../lib/providers/docspace/background/policy';
import { resetMyApp, startEnrolment } from '../../lib/providers/docspace/background/enrolment';
import { getStatus } from '../../lib/providers/docspace/background/status';
import { getSession } from '../../lib/providers/docspace/background/session';
import { describeError } from '../../lib/messages';
import { hostOf } from '../../lib/portal/origin';
import { HOSTILE_EMAIL_PARTS, HOSTILE_STRINGS, hostileLinks } from '../fixtures/hostile';
import { backgroundTest } from './fixtures';

/**
 * A hostile portal, through the real background handlers over real HTTP: names, e-mails and
 * group names full of markup, bidi controls and length arrive exactly as the portal's own users
 * see them (decoded once, never dropped or mangled); confirm and activation links that are not
 * https (or the loopback emulator) on the portal's own origin are refused with a message.
 * tests/unit/hostile-rendering.test.tsx renders the same strings through the components.
 */
const it = backgroundTest
  .extend('signInAs', ({ portal, fetchWithJar }) => async (email: string) => {
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(email));
  })
  .extend('id', ({ portal }) => (email: string) => portal.user(email).id)
  .extend('rename', ({ portal }) => (email: string, name: string, newEmail?: string) => {
    const u = portal.user(email);
    Object.assign(u, { firstName: name, lastName: '', displayName: name, ...(newEmail ? { email: newEmail } : {}) });
    return u;
  })
  .extend('linkFor', ({ portal, id }) => {
    const good = () => `${portal.origin}/confirm/TfaActivation?type=TfaActivation&uid=${id('admin@demo.test')}`;
    const links = () => hostileLinks(portal.origin, good());
    return (why: string) => links().find(([w]) => w === why)![1];
  })
  .extend('refusal', ({ portal }) => () => `${hostOf(portal.origin)} returned a link that is not a secure address on ${hostOf(portal.origin)}, so it was not followed.`);
it.beforeEach(() => {
  fakeBrowser.action.setBadgeText = vi.fn();
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn();
  fakeBrowser.action.setTitle = vi.fn();
});

describe('hostile names, e-mails and group names arrive as the exact text', () => {
  it.for(HOSTILE_STRINGS.map((s, i) => [i, s] as const))('string %i in the policy lists, the status and the pickers', async ([i, s], { portal, signInAs, id, rename }) => {
    const part = HOSTILE_EMAIL_PARTS[i % HOSTILE_EMAIL_PARTS.length]!;
    const alice = rename('alice@demo.test', s, `${part}@x.test`);
    const finance = portal.groups.find((g) => g.id === GROUP_IDS.finance)!;
    finance.name = s;
    rename('admin@demo.test', s);
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: [alice.id], mandatoryGroups: [finance.id] });
    portal.enrol('admin@demo.test');
    await signInAs('admin@demo.test');

    const view = await getPolicy({ type: 'getPolicy', origin: portal.origin });
    if (!view.ok) throw new Error(JSON.stringify(view.error));
    expect(view.value.users).toEqual([{ id: alice.id, name: s, email: `${part}@x.test` }]);
    expect(view.value.groups).toEqual([{ id: finance.id, name: s }]);
    expect(view.value.me.displayName).toBe(s);
    // The owner is still found by paging people, whose names are just as hostile.
    expect(view.value.ownerId).toBe(id('owner@demo.test'));

    const status = await getStatus({ type: 'getStatus', origin: portal.origin, refresh: true });
    expect(status.ok && status.value.me?.displayName).toBe(s);

    const people = await searchPeople({ type: 'searchPeople', origin: portal.origin, text: 'x.test' });
    expect(people.ok && people.value).toEqual([{ id: alice.id, name: s, email: `${part}@x.test` }]);
    const groups = await searchGroups({ type: 'searchGroups', origin: portal.origin, text: Array.from(s).slice(0, 8).join('') });
    expect(groups.ok && groups.value.map((g) => g.name)).toContain(s);
  });
});

describe('confirm and activation links the portal returns are only followed on its own origin', () => {
  const NAMES = hostileLinks('http://127.0.0.1:1', 'http://127.0.0.1:1/confirm').map(([why]) => why);

  it.for(NAMES)('enabling the policy: %s is refused and reported, not mistaken for "exempt"', async (why, { portal, signInAs, linkFor }) => {
    const link = linkFor(why);
    portal.rewriteLinks(() => link);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await signInAs('admin@demo.test');
    const r = await savePolicy({
      type: 'savePolicy', origin: portal.origin, method: 'app', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ enrolNext: false, refusedLink: link.slice(0, 200) });
    expect(r.value).not.toHaveProperty('confirmUrl');
    expect((await getSession(portal.origin)).enrolment).toBeUndefined();
    // The refusal is logged by kind, never with the portal's link in it.
    expect(warn.mock.calls.map((c) => c[0])).toContain('[tfa] policy-link-unusable');
    expect(JSON.stringify(warn.mock.calls)).not.toContain(link);
  });

  it.for(NAMES)('starting enrolment from the confirm endpoint: %s → unsafeUrl', async (why, { portal, signInAs, linkFor, refusal }) => {
    portal.setPolicy({ enabled: true });
    portal.rewriteLinks(() => linkFor(why));
    await signInAs('user@demo.test');
    const r = await startEnrolment({ type: 'startEnrolment', origin: portal.origin });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'unsafeUrl', origin: portal.origin });
    if (!r.ok) expect(describeError(r.error).message).toBe(refusal());
    expect(portal.requests.some((q) => /tfaapp\/setup/.test(q.path))).toBe(false);
  });

  it.for(NAMES)('continuing from an activation page link: %s → unsafeUrl', async (why, { portal, signInAs, linkFor }) => {
    portal.setPolicy({ enabled: true });
    await signInAs('user@demo.test');
    portal.clearLog();
    const r = await startEnrolment({ type: 'startEnrolment', origin: portal.origin, confirmUrl: linkFor(why) });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'unsafeUrl', origin: portal.origin });
    expect(portal.requests.some((q) => /tfaapp\/setup/.test(q.path))).toBe(false);
  });

  it.for(NAMES)('resetting my app: %s in the activation link → unsafeUrl, nothing followed', async (why, { portal, signInAs, linkFor }) => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.1'] });
    portal.enrol('user@demo.test');
    portal.rewriteLinks(() => linkFor(why));
    await signInAs('user@demo.test');
    const r = await resetMyApp({ type: 'resetMyApp', origin: portal.origin });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'unsafeUrl', origin: portal.origin });
    expect(portal.requests.some((q) => /tfaapp\/setup/.test(q.path))).toBe(false);
  });
});
