// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import type { CommandOf, CommandType, PolicyView as PolicyData, PortalStatus } from '../../lib/providers/docspace/protocol';
import type { CoveragePerson, CoverageSummary } from '../../lib/providers/docspace/coverage/types';
import { answerCalls, type Handlers } from '../support/call-backend';
import { addressImpact, impactOf } from '../../lib/providers/docspace/tfa/coverage-impact';
import { PolicyImpact } from '../../lib/providers/docspace/components/PolicyImpact';
import { compareWithHeld, forgetHeld, heldListsKey, keepSaved, observeLists, readHeldLists, withHeldEntries } from '../../lib/providers/docspace/background/held-lists';
import { glanceOf } from '../../lib/providers/docspace/background/glance';
import { writeCoverageSummary } from '../../lib/providers/docspace/coverage/store';

/** Issue 26, the glances: the popup line, the impact in the policy review, the emptied-lists notice and what the background holds for it. */
vi.mock('../../lib/providers/docspace/call', () => ({ call: vi.fn() }));
vi.mock('../../lib/ui', async (real) => ({ ...(await real<Record<string, unknown>>()), openOptionsPage: vi.fn(async () => undefined) }));
const { call } = await import('../../lib/providers/docspace/call');
const { openOptionsPage } = await import('../../lib/ui');
const { App: Popup } = await import('../../lib/providers/docspace/views/Popup');
const { PolicyView } = await import('../../lib/providers/docspace/views/PolicyView');

const ORIGIN = 'https://portal.example.com';
const ME = 'aaaaaaaa-1111-4111-8111-111111111111';
const OWNER = 'bbbbbbbb-1111-4111-8111-111111111111';
const ALICE = 'cccccccc-1111-4111-8111-111111111111';
const FINANCE = 'dddddddd-1111-4111-8111-111111111111';
const HOUR = 3_600_000;
let sent: CommandOf<CommandType>[] = [];
const backend = (handlers: Handlers) => void (sent = answerCalls(call, handlers));
afterEach(() => cleanup());
beforeEach(() => fakeBrowser.reset());

const summary = (over: Partial<CoverageSummary> = {}): CoverageSummary => ({
  countedAt: Date.now() - 2 * HOUR, mode: 'app', total: 520, read: 520, active: 500, covered: 412, sso: 40, adminsWithout: 3,
  without: 48, mandatoryWithout: 5, meCovered: true, ownerCovered: false, ...over,
});

const status = (over: Partial<PortalStatus> = {}): PortalStatus => ({
  origin: ORIGIN, host: 'portal.example.com', state: 'ready', version: '3.7.2', auth: 'cookie', checkedAt: Date.now(),
  me: { id: ME, displayName: 'Ada', email: 'ada@x', role: 'admin' },
  policy: {
    method: 'app', smsAvailable: true, appAvailable: true, trustedIps: { total: 0, invalid: 0, breaking: 0, first: [] },
    mandatoryUsers: { total: 0, invalid: 0, first: [] }, mandatoryGroups: { total: 0, invalid: 0, first: [] },
  },
  applies: { kind: 'everyone' }, enrolment: { state: 'enrolled', unusedCodes: 4, totalCodes: 5 }, enrolmentInProgress: false, signInUrl: `${ORIGIN}/login`,
  coverage: summary(), ...over,
});
const found = { origin: ORIGIN, tabId: 1, url: `${ORIGIN}/`, isBrowserPage: false };

describe('the popup line', () => {
  it('says the last count in one line, links to the coverage view, and opening the popup starts no scan', async () => {
    backend({ getStatus: () => ({ ok: true, value: status() }) });
    render(<Popup found={found} addSite={[]} />);
    const line = await screen.findByRole('button', { name: /^Authenticator: 412 of 500 \(82\s?%\), 3 admins without\u00a0— counted 2 hours ago$/ });
    fireEvent.click(line);
    expect(openOptionsPage).toHaveBeenCalledWith(`?view=coverage&origin=${encodeURIComponent(ORIGIN)}`);
    expect(sent.map((c) => c.type).filter((t) => t !== 'getStatus' && t !== 'resolveNames')).toEqual([]);
  });

  it('floors the share (499 of 500 is not 100 %), leaves out admins when none, and says "just now"', async () => {
    backend({ getStatus: () => ({ ok: true, value: status({ coverage: summary({ covered: 499, adminsWithout: 0, countedAt: Date.now() }) }) }) });
    render(<Popup found={found} addSite={[]} />);
    expect(await screen.findByRole('button', { name: /^Authenticator: 499 of 500 \(99\s?%\)\u00a0— counted just now$/ })).toBeTruthy();
  });

  it('in SMS mode counts activated phones', async () => {
    const sms = status({ coverage: summary({ mode: 'sms', covered: 300, adminsWithout: 1 }) });
    backend({ getStatus: () => ({ ok: true, value: { ...sms, policy: sms.policy && { ...sms.policy, method: 'sms' } } }) });
    render(<Popup found={found} addSite={[]} />);
    expect(await screen.findByRole('button', { name: /^Phone activated: 300 of 500 \(60\s?%\), 1 admin without/ })).toBeTruthy();
  });

  it('shows nothing when TFA is off now, when never counted, or when the count was for the other method', async () => {
    const off = status();
    for (const s of [{ ...off, policy: off.policy && { ...off.policy, method: 'none' as const } }, status({ coverage: null }), status({ coverage: summary({ mode: 'sms' }) })]) {
      backend({ getStatus: () => ({ ok: true, value: s }) });
      render(<Popup found={found} addSite={[]} />);
      await screen.findByText(/Signed in as/);
      expect(screen.queryByRole('button', { name: /Authenticator:|Phone activated:/ })).toBeNull();
      cleanup();
    }
  });
});

describe('the status carries the count for admins only, read from the device', () => {
  const policy = { method: 'app' as const, smsAvailable: true, appAvailable: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] };
  it('an admin or the owner gets the stored count; a user or room admin nothing', async () => {
    const kept = summary();
    await writeCoverageSummary(ORIGIN, kept);
    expect((await glanceOf(ORIGIN, { role: 'admin' }, policy, {}, null)).coverage).toEqual(kept);
    expect((await glanceOf(ORIGIN, { role: 'owner' }, policy, {}, null)).coverage).toEqual(kept);
    expect(await glanceOf(ORIGIN, { role: 'user' }, policy, {}, null)).toEqual({});
    expect(await glanceOf(ORIGIN, { role: 'roomadmin' }, policy, {}, null)).toEqual({});
  });
});

const draft = (over: Partial<{ method: 'none' | 'app' | 'sms'; trustedIps: string[]; mandatoryUsers: string[]; mandatoryGroups: string[] }> = {}) =>
  ({ method: 'app' as const, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [], ...over });
const person = (id: string, over: Partial<CoveragePerson> = {}): CoveragePerson => ({
  id, name: id.slice(0, 4), email: null, role: 'user', status: 'active', hasApp: false, phoneActivated: null, sso: false, mandatory: null, groupIds: [], ...over,
});

describe('the impact of a save (pure)', () => {
  const base = { meId: ME, meEnrolled: null, ownerId: OWNER };
  it('from the summary: its mandatory figure only while the draft keeps the lists it was counted under', () => {
    const same = impactOf({ ...base, before: draft({ mandatoryUsers: [ALICE] }), draft: draft({ mandatoryUsers: [ALICE.toUpperCase()] }), coverage: summary() });
    expect(same).toMatchObject({ kind: 'count', without: 48, mandatoryWithout: 5, exact: false, meCovered: true, ownerCovered: false, offNow: false });
    const changed = impactOf({ ...base, before: draft(), draft: draft({ mandatoryGroups: [FINANCE] }), coverage: summary() });
    expect(changed).toMatchObject({ without: 48, mandatoryWithout: null });
  });

  it('from the session\'s people: exact for the draft\'s lists (named and group members), SSO and inactive people left out', () => {
    const people = [
      person(ME, { role: 'admin', hasApp: true }), person(OWNER, { role: 'owner', hasApp: false }),
      person(ALICE), person('eeeeeeee-1111-4111-8111-111111111111', { groupIds: [FINANCE] }),
      person('ffffffff-1111-4111-8111-111111111111', { sso: true }), person('99999999-1111-4111-8111-111111111111', { status: 'disabled' }),
      person('88888888-1111-4111-8111-111111111111', { hasApp: true, groupIds: [FINANCE] }),
    ];
    const impact = impactOf({ ...base, before: draft({ method: 'app' }), draft: draft({ mandatoryUsers: [ALICE], mandatoryGroups: [FINANCE] }), coverage: summary(), people });
    expect(impact).toMatchObject({ kind: 'count', exact: true, without: 3, mandatoryWithout: 2, meCovered: true, ownerCovered: false });
  });

  it('TFA off today: the last count while on, or unknown; a count of the other method is unknown; a save that turns it off has none', () => {
    expect(impactOf({ ...base, before: draft({ method: 'none' }), draft: draft(), coverage: summary() })).toMatchObject({ kind: 'count', offNow: true, mandatoryWithout: null });
    expect(impactOf({ ...base, before: draft({ method: 'none' }), draft: draft(), coverage: null })).toEqual({ kind: 'unknown', offNow: true });
    expect(impactOf({ ...base, before: draft(), draft: draft({ method: 'sms' }), coverage: summary() })).toEqual({ kind: 'unknown', offNow: false });
    expect(impactOf({ ...base, before: draft(), draft: draft({ method: 'none' }), coverage: summary() })).toEqual({ kind: 'none' });
  });

  it('your address: no trusted IPs, named mandatory, or the extension cannot know it', () => {
    expect(addressImpact(draft(), ME)).toBe('noTrusted');
    expect(addressImpact(draft({ trustedIps: ['10.0.0.0/8'], mandatoryUsers: [ME] }), ME)).toBe('mandatory');
    expect(addressImpact(draft({ trustedIps: ['10.0.0.0/8'] }), ME)).toBe('cannotKnow');
  });
});

describe('the impact in words', () => {
  it('says who must set one up, how many mandatory, you and the owner, your address, and the count\'s age', () => {
    const impact = impactOf({ before: draft(), draft: draft({ trustedIps: ['10.0.0.0/8'] }), coverage: summary(), meId: ME, meEnrolled: true, ownerId: OWNER });
    render(<PolicyImpact impact={impact} address="cannotKnow" now={Date.now()} coverageHref="options.html?view=coverage" />);
    expect(screen.getByText(/^48 active people who do not sign in through SSO have no authenticator: asked to set one up at their next sign-in, unless they sign in from a trusted address\.$/)).toBeTruthy();
    expect(screen.getByText('5 of them are mandatory (asked from any address).')).toBeTruthy();
    expect(screen.getByText('You have an authenticator.')).toBeTruthy();
    expect(screen.getByText('The owner has no authenticator.')).toBeTruthy();
    expect(screen.getByText(/the extension cannot know your address as the portal sees it/)).toBeTruthy();
    expect(screen.getByText('From the count taken 2 hours ago on this device.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open “Enrolment coverage”' }).getAttribute('href')).toBe('options.html?view=coverage');
  });

  it('while TFA is off: the last count while on with its date, or unknown', () => {
    const at = new Date(2026, 10, 3, 12).getTime();
    render(<PolicyImpact impact={impactOf({ before: draft({ method: 'none' }), draft: draft(), coverage: summary({ countedAt: at, without: 1 }), meId: ME, meEnrolled: null, ownerId: null })} address="noTrusted" now={Date.now()} />);
    expect(screen.getByText('The portal cannot say who has an authenticator app while 2FA is off: last count while it was on, November 3, 2026.')).toBeTruthy();
    expect(screen.getByText(/^1 active person who does not sign in through SSO has no authenticator and will have to set one up at their next sign-in\.$/)).toBeTruthy();
    cleanup();
    render(<PolicyImpact impact={{ kind: 'unknown', offNow: true }} address="noTrusted" now={Date.now()} />);
    expect(screen.getByText(/no count was taken on this device while it was on: unknown/)).toBeTruthy();
  });
});

describe('held lists (background, storage.session only)', () => {
  const on = (over: Partial<{ trustedIps: string[]; mandatoryUsers: string[]; mandatoryGroups: string[] }> = {}) =>
    ({ method: 'app' as const, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [], ...over });

  it('reports lists held filled that the policy, still on, now holds empty; nothing while off or never seen', () => {
    const seen = compareWithHeld({}, on({ trustedIps: ['10.0.0.0/8', '192.168.1.1'], mandatoryUsers: [ALICE] }), { [ALICE]: { id: ALICE, name: 'Alice' } }, 1000);
    expect(seen.emptied).toBeNull();
    expect(seen.next.names).toEqual({ [ALICE]: 'Alice' });
    expect(compareWithHeld(seen.next, on(), {}, 5000).emptied).toEqual({ trustedIps: 2, mandatoryUsers: 1, seenAt: 1000 });
    expect(compareWithHeld(seen.next, { ...on(), method: 'none' }, {}, 5000).emptied).toBeNull();
    expect(compareWithHeld({}, on(), {}, 5000).emptied).toBeNull();
  });

  it('keeps them in storage.session only, names of the first ids, and drops them on dismiss', async () => {
    await observeLists(ORIGIN, on({ trustedIps: ['10.0.0.0/8'], mandatoryGroups: [FINANCE] }), [{ id: FINANCE, name: 'Finance' }], null);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([heldListsKey(ORIGIN).slice('session:'.length)]);
    const emptied = await observeLists(ORIGIN, on(), {}, null);
    expect(emptied).toMatchObject({ trustedIps: 1, mandatoryGroups: 1 });
    expect(await withHeldEntries(ORIGIN, emptied!, {})).toMatchObject({ held: { trustedIps: ['10.0.0.0/8'], mandatoryUsers: [], mandatoryGroups: [{ id: FINANCE, name: 'Finance' }] } });
    await forgetHeld(ORIGIN);
    expect(await observeLists(ORIGIN, on(), {}, null)).toBeNull();
  });

  it('a status read holds only the first entries and the length (the session stays small); the editor\'s read holds them whole, and a status read after it keeps them', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    const fromStatus = compareWithHeld({}, on({ trustedIps: many }), {}, 1000, false).next;
    expect(fromStatus.trustedIps).toEqual({ entries: many.slice(0, 3), total: 100_000, complete: false, seenAt: 1000 });
    expect(compareWithHeld(fromStatus, on(), {}, 2000).emptied).toEqual({ trustedIps: 100_000, seenAt: 1000 });
    const few = ['10.0.0.0/8', '192.0.2.1', '192.0.2.2', '192.0.2.3'];
    const whole = compareWithHeld({}, on({ trustedIps: few }), {}, 1000, true).next;
    expect(whole.trustedIps?.complete).toBe(true);
    const after = compareWithHeld(whole, on({ trustedIps: few }), {}, 100_000, false).next;
    expect(after.trustedIps).toEqual({ entries: few, total: 4, complete: true, seenAt: 100_000 });
    expect(compareWithHeld(whole, on({ trustedIps: [...few, '192.0.2.4'] }), {}, 100_000, false).next.trustedIps?.complete).toBe(false);
  });

  it('a save through the extension becomes what is held: a list saved empty is never reported', async () => {
    await observeLists(ORIGIN, on({ trustedIps: ['10.0.0.0/8'], mandatoryUsers: [ALICE] }), {}, null);
    await keepSaved(ORIGIN, on({ mandatoryUsers: [ALICE] }), {}, null);
    expect(await observeLists(ORIGIN, on({ mandatoryUsers: [ALICE] }), {}, null)).toBeNull();
    expect((await readHeldLists(ORIGIN)).trustedIps).toBeUndefined();
  });
});

describe('the emptied-lists notice in the policy editor', () => {
  const view: PolicyData = {
    policy: { method: 'app', smsAvailable: false, appAvailable: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] },
    me: { id: ME, displayName: 'Ada', email: 'ada@x', role: 'admin' }, ownerId: OWNER, isEnrolled: true, canEdit: true, users: [], groups: [],
    coverage: summary(),
    emptied: {
      trustedIps: 4, mandatoryUsers: 1, seenAt: Date.now() - 3 * HOUR, restorable: true,
      held: { trustedIps: ['10.0.0.0/8', '192.168.1.1', '172.16.0.0/12', '203.0.113.7'], mandatoryUsers: [{ id: ALICE, name: 'Alice Smith' }], mandatoryGroups: [] },
    },
  };

  it('says what they held and when, the likely cause; Restore fills the draft and opens the review without saving', async () => {
    backend({ getPolicy: () => ({ ok: true, value: view }), getCoverage: () => ({ ok: true, value: null }) });
    render(<PolicyView origin={ORIGIN} navigate={vi.fn()} params={new URLSearchParams()} />);
    expect(await screen.findByRole('heading', { name: 'Lists emptied on the portal' })).toBeTruthy();
    expect(screen.getByText(/last saw filled \(3 hours ago\)/)).toBeTruthy();
    expect(screen.getByText('4 trusted IP ranges: 10.0.0.0/8, 192.168.1.1, 172.16.0.0/12 and 1 more')).toBeTruthy();
    expect(screen.getByText('1 mandatory user: Alice Smith')).toBeTruthy();
    expect(screen.getByText(/settings page saved the policy: it sends only the method/)).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Restore in the editor' })));
    const review = await screen.findByRole('heading', { name: /review/i });
    expect(review).toBeTruthy();
    expect(document.querySelector('.diff-words')?.textContent).toBe('Adds 4 entries to trusted IPs and adds Alice Smith to mandatory users.');
    // The impact of the restored draft, from the count: the lists differ from those counted under, so the mandatory figure waits for a count.
    expect(screen.getByRole('heading', { name: 'Who this save stops at the next sign-in' })).toBeTruthy();
    expect(screen.getByText(/^48 active people who do not sign in through SSO have no authenticator: asked to set one up/)).toBeTruthy();
    expect(screen.getByText(/How many of them are mandatory under the new lists/)).toBeTruthy();
    expect(sent.some((c) => c.type === 'savePolicy')).toBe(false);
  });

  it('the review works the impact out exactly for the draft from the people of this session\'s count', async () => {
    const people = [person(ME, { role: 'admin', hasApp: true }), person(ALICE), person(OWNER, { role: 'owner', hasApp: true }), person('eeeeeeee-1111-4111-8111-111111111111', { sso: true })];
    const report = { origin: ORIGIN, unavailable: null, summary: summary(), people, missing: 0, partial: false, meId: ME, ownerId: OWNER };
    backend({ getPolicy: () => ({ ok: true, value: view }), getCoverage: () => ({ ok: true, value: report }) });
    render(<PolicyView origin={ORIGIN} navigate={vi.fn()} params={new URLSearchParams()} />);
    await screen.findByRole('heading', { name: 'Lists emptied on the portal' });
    await waitFor(() => expect(sent.some((c) => c.type === 'getCoverage')).toBe(true));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Restore in the editor' })));
    expect(await screen.findByText(/^1 active person who does not sign in through SSO has no authenticator: asked to set one up/)).toBeTruthy();
    expect(screen.getByText('1 of them is mandatory (asked from any address).')).toBeTruthy();
    expect(screen.getByText('The owner has an authenticator.')).toBeTruthy();
    expect(sent.some((c) => c.type === 'scanCoverage')).toBe(false);
  });

  it('Dismiss forgets them in the background', async () => {
    backend({ getPolicy: () => ({ ok: true, value: view }), getCoverage: () => ({ ok: true, value: null }), forgetHeldLists: () => ({ ok: true, value: true }) });
    render(<PolicyView origin={ORIGIN} navigate={vi.fn()} params={new URLSearchParams()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(sent.some((c) => c.type === 'forgetHeldLists' && c.origin === ORIGIN)).toBe(true));
    expect(screen.queryByRole('heading', { name: 'Lists emptied on the portal' })).toBeNull();
  });
});
