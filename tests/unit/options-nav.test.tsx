// @vitest-environment happy-dom
// Issue 27 §2: one stable, role- and state-aware navigation on every options page, with a breadcrumb and a footer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/preact';
import type { NavEntry } from '../../lib/provider';
import type { PortalStatus, Role } from '../../lib/providers/docspace/protocol';
import { breadcrumb, joinNav } from '../../lib/nav';
import { projectFacts } from '../../lib/project-facts';
import { UNKNOWN_ACCESS, accessOf, docspaceNav, portalSections, type PortalAccess } from '../../lib/providers/docspace/views/nav';
import { navixyNav } from '../../lib/providers/navixy/views/nav';
import { OptionsShell, PageFooter } from '../../components/OptionsShell';
import { answerCalls } from '../support/call-backend';
import { common } from '../../lib/i18n/common';

vi.mock('../../lib/providers/docspace/call', () => ({ call: vi.fn() }));
const { call } = await import('../../lib/providers/docspace/call');
const { App } = await import('../../lib/providers/docspace/views/Options');

afterEach(cleanup);

const ORIGIN = 'https://acme.example.com';
const OTHER = 'https://other.example.com';
const portals = [{ origin: ORIGIN, host: 'acme.example.com' }, { origin: OTHER, host: 'other.example.com' }];
const as = (role: Role | null, enrolment: PortalAccess['enrolment'] = 'unknown'): PortalAccess => ({ role, enrolment });
const labels = (entries: readonly NavEntry[]) => entries.map((e) => e.label);

describe('the DocSpace sections by role and state', () => {
  it.each([
    ['unknown (no status yet)', as(null), ['enrol', 'codes', 'reset']],
    ['a plain user', as('user'), ['enrol', 'codes', 'reset']],
    ['a guest', as('guest'), ['enrol', 'codes', 'reset']],
    ['a room admin', as('roomadmin'), ['enrol', 'codes', 'reset']],
    ['an admin (not the owner)', as('admin'), ['enrol', 'codes', 'reset', 'policy', 'coverage']],
    ['the owner', as('owner'), ['enrol', 'codes', 'reset', 'policy', 'coverage', 'owner']],
  ])('%s', (_who, access, sections) => {
    expect(portalSections(access, 'enrol')).toEqual(sections);
  });

  it('a section the role cannot use stays listed while it is the page shown (opened by its address)', () => {
    expect(portalSections(as('user'), 'policy')).toEqual(['enrol', 'codes', 'reset', 'policy']);
  });

  it('the same names everywhere: "Authenticator" with its state, never "Set up authenticator"', () => {
    const nav = docspaceNav({ portals, origin: ORIGIN, view: 'codes', access: as('owner', 'enrolled'), go: () => undefined });
    expect(labels(nav)).toEqual(['Portals', 'acme.example.com', 'other.example.com']);
    const sections = nav[1]!.children!;
    expect(labels(sections)).toEqual(['Authenticator', 'Backup codes', 'Reset authenticator', 'Portal policy', 'Enrolment coverage', 'Reset for others']);
    expect(sections[0]).toMatchObject({ state: 'Set up', stateTone: 'ok' });
    expect(sections.find((s) => s.current)?.label).toBe('Backup codes');
    expect(nav[2]!.children).toBeUndefined();
    const notSetUp = docspaceNav({ portals, origin: ORIGIN, view: 'enrol', access: as('user', 'notEnrolled') });
    expect(notSetUp[1]!.children![0]).toMatchObject({ label: 'Authenticator', state: 'Not set up', stateTone: 'warn' });
    expect(docspaceNav({ portals, origin: ORIGIN, view: 'enrol', access: UNKNOWN_ACCESS })[1]!.children![0]!.state).toBeUndefined();
  });

  it('a portal opened by its address is listed even before the background knows it', () => {
    expect(labels(docspaceNav({ portals: [], origin: ORIGIN, view: 'enrol', access: UNKNOWN_ACCESS }))).toEqual(['Portals', 'acme.example.com']);
  });

  it('the role and enrolment come from a ready status only', () => {
    const status = { state: 'ready', me: { id: 'x', displayName: 'Ann', email: null, role: 'admin' }, enrolment: { state: 'notEnrolled' } } as const;
    expect(accessOf(status as Pick<PortalStatus, 'state' | 'me' | 'enrolment'> as PortalStatus)).toEqual(as('admin', 'notEnrolled'));
    expect(accessOf({ ...status, state: 'signedOut' } as Pick<PortalStatus, 'state' | 'me' | 'enrolment'> as PortalStatus)).toEqual(UNKNOWN_ACCESS);
  });
});

describe('Navixy in the navigation', () => {
  it('nothing about Navixy until a panel exists', () => {
    expect(navixyNav({ panels: [], panel: null, view: null })).toEqual([]);
  });
  it('"Navixy panels" with each panel under it; its own page shows it even with none', () => {
    const nav = navixyNav({ panels: [{ panel: 'https://panel.example.com', host: 'panel.example.com' }], panel: 'https://panel.example.com', view: 'navixy' });
    expect(labels(nav)).toEqual(['Navixy panels']);
    expect(nav[0]!.children!.map((c) => [c.label, c.current])).toEqual([['panel.example.com', true]]);
    expect(labels(navixyNav({ panels: [], panel: null, view: 'navixy-panels' }))).toEqual(['Navixy panels']);
  });
});

describe('joinNav and breadcrumb', () => {
  const dsGroup = { provider: 'docspace', entries: docspaceNav({ portals, origin: null, view: null, access: UNKNOWN_ACCESS }) };
  const nxGroup = { provider: 'navixy', entries: navixyNav({ panels: [{ panel: 'https://p.example.com', host: 'p.example.com' }], panel: 'https://p.example.com', view: 'navixy' }) };

  it('keeps the registry order, the page’s own provider in its place', () => {
    const nav = joinNav([{ provider: 'docspace', entries: dsGroup.entries }, { provider: 'navixy', entries: [] }], nxGroup);
    expect(labels(nav)).toEqual(['Portals', 'acme.example.com', 'other.example.com', 'Navixy panels']);
  });

  it('Portals › host › section, and Portals › Navixy panels › panel', () => {
    const ds = docspaceNav({ portals, origin: ORIGIN, view: 'codes', access: as('user') });
    expect(labels(breadcrumb(ds))).toEqual(['Portals', 'acme.example.com', 'Backup codes']);
    expect(labels(breadcrumb(docspaceNav({ portals, origin: null, view: 'portals', access: UNKNOWN_ACCESS })))).toEqual(['Portals']);
    expect(labels(breadcrumb(joinNav([dsGroup, { provider: 'navixy', entries: [] }], nxGroup)))).toEqual(['Portals', 'Navixy panels', 'p.example.com']);
  });
});

describe('OptionsShell', () => {
  it('one header pattern: the product mark and name, the breadcrumb, the current page marked', () => {
    const nav = docspaceNav({ portals, origin: ORIGIN, view: 'codes', access: as('admin', 'enrolled') });
    render(<OptionsShell nav={nav}><p>view</p></OptionsShell>);
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1.textContent).toBe(common.appName);
    expect(h1.querySelector('img')?.getAttribute('alt')).toBe('');
    const trail = screen.getByRole('navigation', { name: 'You are here' });
    expect(within(trail).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Portals', 'acme.example.com', 'Backup codes']);
    expect(within(trail).getByText('Backup codes').getAttribute('aria-current')).toBe('page');
    const sections = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(sections).getByRole('link', { name: 'Backup codes' }).getAttribute('aria-current')).toBe('page');
    expect(within(sections).getByRole('link', { name: /^Authenticator\W+Set up$/ })).toBeTruthy();
    expect(within(sections).queryByRole('link', { name: 'Reset for others' })).toBeNull();
  });

  it('the footer: version and privacy policy always; "Report a problem" and "Source" when package.json names them', () => {
    const { unmount } = render(<PageFooter project={{ version: '1.2.3', source: null, issues: null }} />);
    const footer = screen.getByRole('contentinfo');
    expect(footer.textContent).toContain('Version 1.2.3');
    expect(within(footer).getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy.html');
    expect(within(footer).getAllByRole('link')).toHaveLength(1);
    unmount();
    render(<PageFooter project={projectFacts({ version: '1.2.3', homepage: 'https://example.org/src', bugs: { url: 'https://example.org/issues' } })} />);
    const links = within(screen.getByRole('contentinfo')).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')])).toEqual([
      ['Privacy policy', '/privacy.html', null],
      ['Report a problem (opens in a new tab)', 'https://example.org/issues', 'noopener noreferrer'],
      ['Source (opens in a new tab)', 'https://example.org/src', 'noopener noreferrer'],
    ]);
    expect(projectFacts({ version: '1', homepage: 'http://example.org', bugs: 'javascript:alert(1)' })).toEqual({ version: '1', source: null, issues: null });
  });
});

describe('the DocSpace options page asks the background for the portal’s status', () => {
  const status = (role: Role, enrolment: 'enrolled' | 'notEnrolled') =>
    ({ origin: ORIGIN, host: 'acme.example.com', state: 'ready', me: { id: 'x', displayName: 'Ann', email: null, role }, enrolment: enrolment === 'enrolled' ? { state: 'enrolled', unusedCodes: 5, totalCodes: 5 } : { state: 'notEnrolled' } }) as Pick<PortalStatus, 'origin' | 'host' | 'state' | 'me' | 'enrolment'> as PortalStatus;

  async function openAs(role: Role, enrolment: 'enrolled' | 'notEnrolled') {
    history.replaceState(null, '', `/options.html?view=reset&origin=${encodeURIComponent(ORIGIN)}`);
    const sent = answerCalls(call, {
      listPortals: () => ({ ok: true, value: [{ origin: ORIGIN, host: 'acme.example.com', granted: true, auth: 'cookie', rememberedKey: false }] }),
      getStatus: () => ({ ok: true, value: status(role, enrolment) }),
    });
    render(<App siteGroups={[]} providerNames={{}} />);
    await act(async () => undefined);
    return { sent, nav: screen.getByRole('navigation', { name: 'Sections' }) };
  }

  it('a plain user who has not set up: no Portal policy, coverage or Reset for others; "Authenticator, Not set up"', async () => {
    const { sent, nav } = await openAs('user', 'notEnrolled');
    expect(sent.find((c) => c.type === 'getStatus')).toEqual({ type: 'getStatus', origin: ORIGIN, refresh: false });
    await within(nav).findByRole('link', { name: /^Authenticator\W+Not set up$/ });
    for (const name of ['Portal policy', 'Enrolment coverage', 'Reset for others']) expect(within(nav).queryByRole('link', { name })).toBeNull();
  });

  it('a held status is checked with the portal: someone else signed in since gets their own sections', async () => {
    history.replaceState(null, '', `/options.html?view=codes&origin=${encodeURIComponent(ORIGIN)}`);
    const sent = answerCalls(call, {
      listPortals: () => ({ ok: true, value: [{ origin: ORIGIN, host: 'acme.example.com', granted: true, auth: 'cookie', rememberedKey: false }] }),
      // The background still holds the admin who used this browser before; the portal now answers for a plain user.
      getStatus: (cmd) => ({ ok: true, value: cmd.refresh ? status('user', 'notEnrolled') : { ...status('admin', 'enrolled'), fromCache: true } }),
    });
    render(<App siteGroups={[]} providerNames={{}} />);
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    await within(nav).findByRole('link', { name: /^Authenticator\W+Not set up$/ });
    expect(within(nav).queryByRole('link', { name: 'Portal policy' })).toBeNull();
    expect(sent.filter((c) => c.type === 'getStatus')).toEqual([
      { type: 'getStatus', origin: ORIGIN, refresh: false },
      { type: 'getStatus', origin: ORIGIN, refresh: true },
    ]);
  });

  it('a check that fails keeps the sections of the held status', async () => {
    history.replaceState(null, '', `/options.html?view=codes&origin=${encodeURIComponent(ORIGIN)}`);
    const sent = answerCalls(call, {
      listPortals: () => ({ ok: true, value: [] }),
      getStatus: (cmd) => (cmd.refresh ? { ok: false, error: { kind: 'network', origin: ORIGIN } } : { ok: true, value: { ...status('admin', 'enrolled'), fromCache: true } }),
    });
    render(<App siteGroups={[]} providerNames={{}} />);
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    await within(nav).findByRole('link', { name: 'Portal policy' });
    await act(async () => undefined);
    expect(sent.filter((c) => c.type === 'getStatus')).toHaveLength(2);
    expect(within(nav).getByRole('link', { name: 'Portal policy' })).toBeTruthy();
  });

  it('an admin who is set up: the policy and the coverage, no Reset for others', async () => {
    const { nav } = await openAs('admin', 'enrolled');
    await within(nav).findByRole('link', { name: 'Portal policy' });
    expect(within(nav).getByRole('link', { name: 'Enrolment coverage' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: /^Authenticator\W+Set up$/ })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Reset for others' })).toBeNull();
  });
});
