// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import type { PortalStatus } from '../../lib/providers/docspace/protocol';
import type { SiteOverview } from '../../lib/protocol';
import { answerCalls } from '../support/call-backend';

/** Issue 27: the popup answers first, its refresh reads again, and the Portals page's card says what the popup says. */
vi.mock('../../lib/providers/docspace/call', () => ({ call: vi.fn() }));
vi.mock('../../lib/client', () => ({ call: vi.fn() }));
vi.mock('../../lib/host-access-ui', () => ({ grantedHostPatterns: vi.fn(async () => []), removeHostAccess: vi.fn(async () => true), onHostAccessChanged: () => () => undefined }));
vi.mock('../../lib/ui', async (real) => ({ ...(await real<Record<string, unknown>>()), openOptionsPage: vi.fn(async () => undefined) }));
const { call } = await import('../../lib/providers/docspace/call');
const { call: callCore } = await import('../../lib/client');
const { openOptionsPage } = await import('../../lib/ui');
const { App: Popup } = await import('../../lib/providers/docspace/views/Popup');
const { PortalsView } = await import('../../lib/providers/docspace/views/PortalsView');

const ORIGIN = 'https://portal.example.com';
afterEach(() => cleanup());
beforeEach(() => fakeBrowser.reset());

const status = (over: Partial<PortalStatus> = {}): PortalStatus => ({
  origin: ORIGIN, host: 'portal.example.com', state: 'ready', version: '3.7.2.1234', auth: 'cookie', checkedAt: Date.now(),
  me: { id: 'u1', displayName: 'Ada', email: 'ada@example.com', role: 'user' },
  policy: {
    method: 'app', smsAvailable: true, appAvailable: true, trustedIps: { total: 1, invalid: 0, breaking: 0, first: [{ id: '10.0.0.0/8', name: '10.0.0.0/8' }] },
    mandatoryUsers: { total: 0, invalid: 0, first: [] }, mandatoryGroups: { total: 0, invalid: 0, first: [] },
  },
  applies: { kind: 'outsideTrusted' }, enrolment: { state: 'enrolled', unusedCodes: 5, totalCodes: 5 }, enrolmentInProgress: false, signInUrl: `${ORIGIN}/login`,
  ...over,
});
const found = { origin: ORIGIN, tabId: 1, url: `${ORIGIN}/`, isBrowserPage: false };

describe('the DocSpace popup', () => {
  it('answers first: status line with the codes count, header with host and short version, freshness at the foot', async () => {
    answerCalls(call, { getStatus: () => ({ ok: true, value: status() }) });
    render(<Popup found={found} addSite={[]} />);
    const title = await screen.findByText('2FA is on · You’re set up');
    expect(title.closest('.status-banner')?.getAttribute('data-tone')).toBe('ok');
    expect(title.closest('.status-banner')?.querySelector('svg')).toBeTruthy();
    expect(screen.getByText('5 of 5 backup codes left')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('portal.example.com');
    expect(screen.getByText('DocSpace 3.7')).toBeTruthy();
    expect(document.querySelector('.popup-footer')?.textContent).toContain('Checked just now');
    // All is well: no primary button; the secondary actions are quiet rows.
    expect(document.querySelector('button.primary')).toBeNull();
    // The blocks follow the answer (loaded once it is on screen).
    expect((await screen.findByRole('button', { name: 'Backup codes' })).className).toBe('action-row');
    expect(screen.getByRole('button', { name: 'All settings' }).className).toBe('action-row');
  });

  it('the header’s Check again reads the status again from the portal and shows the new answer', async () => {
    let policyOn = false;
    const sent = answerCalls(call, {
      getStatus: () => ({ ok: true, value: policyOn ? status({ applies: { kind: 'everyone' }, enrolment: { state: 'notEnrolled' } }) : status({ applies: { kind: 'off' }, policy: { ...status().policy!, method: 'none' }, enrolment: { state: 'unknown' } }) }),
    });
    render(<Popup found={found} addSite={[]} />);
    await screen.findByText('2FA is off');
    policyOn = true;
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByText('Set up required');
    const reads = sent.filter((c) => c.type === 'getStatus');
    expect(reads.map((c) => c.type === 'getStatus' && c.refresh)).toEqual([false, true]);
    expect(screen.getByRole('button', { name: 'Set up authenticator' })).toBeTruthy();
  });

  it('the header’s Settings opens the options page for this portal', async () => {
    answerCalls(call, { getStatus: () => ({ ok: true, value: status() }) });
    render(<Popup found={found} addSite={[]} />);
    await screen.findByText('2FA is on · You’re set up');
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(openOptionsPage).toHaveBeenCalledWith(`?view=portals&origin=${encodeURIComponent(ORIGIN)}`);
  });
});

describe('the Portals page says what the popup says', () => {
  const row = (over: Partial<SiteOverview>): SiteOverview => ({
    provider: 'docspace', site: ORIGIN, host: 'portal.example.com', accessOrigin: ORIGIN, access: true, recognised: true, state: 'ready', error: null,
    policy: 'app', applies: 'yes', enrolment: 'enrolled', unusedCodes: 5, usersWithMfa: null, checkedAt: Date.now(), manage: '?view=enrol', makeNewCodes: null, ...over,
  });

  it.each<[string, Partial<PortalStatus>]>([
    ['on and set up, except from trusted IPs', {}],
    ['mandatory user, one code left', { applies: { kind: 'mandatoryUser' }, enrolment: { state: 'enrolled', unusedCodes: 1, totalCodes: 5 } }],
    ['not set up while required', { applies: { kind: 'everyone' }, enrolment: { state: 'notEnrolled' } }],
    ['off', { applies: { kind: 'off' }, policy: { ...status().policy!, method: 'none' }, enrolment: { state: 'unknown' } }],
  ])('%s: the same status line, "Applies to you" and "Your authenticator"', async (_name, over) => {
    const s = status(over);
    // The row the background builds from that status (overview.ts keeps why it applies).
    answerCalls(call, { getStatus: () => ({ ok: true, value: s }) });
    const popup = render(<Popup found={found} addSite={[]} />);
    await waitFor(() => expect(document.querySelector('[data-field="applies"] dd')).toBeTruthy());
    const popupWords = {
      title: document.querySelector('.status-title')?.textContent,
      applies: document.querySelector('[data-field="applies"] dd')?.textContent,
      enrolment: document.querySelector('[data-field="enrolment"] dd')?.textContent,
    };
    popup.unmount();

    const k = s.applies.kind;
    const r = row({
      policy: s.policy!.method === 'none' ? 'off' : s.policy!.method,
      applies: k === 'off' ? 'no' : k === 'outsideTrusted' ? 'dependsOnIp' : 'yes',
      ...(k === 'everyone' || k === 'mandatoryUser' || k === 'mandatoryGroup' ? { appliesWhy: k } : {}),
      enrolment: s.enrolment.state === 'unknown' ? null : s.enrolment.state,
      unusedCodes: s.enrolment.state === 'enrolled' ? s.enrolment.unusedCodes : null,
      totalCodes: s.enrolment.state === 'enrolled' ? s.enrolment.totalCodes : null,
    });
    vi.mocked(callCore).mockResolvedValue({ ok: true, value: [r] } as never);
    answerCalls(call, { listPortals: () => ({ ok: true, value: [] }) });
    render(<PortalsView current={null} providerNames={{ docspace: 'ONLYOFFICE DocSpace' }} />);
    await waitFor(() => expect(document.querySelector('.site-card .status-title')).toBeTruthy());
    expect({
      title: document.querySelector('.site-card .status-title')?.textContent,
      applies: document.querySelector('.site-card [data-field="applies"] dd')?.textContent,
      enrolment: document.querySelector('.site-card [data-field="enrolment"] dd')?.textContent,
    }).toEqual({ ...popupWords, ...(s.enrolment.state === 'unknown' ? { enrolment: 'Not known' } : {}) });
  });

  it('buttons name the host only for screen readers; Forget portal sits in a quiet menu; cards needing attention first', async () => {
    vi.mocked(callCore).mockResolvedValue({ ok: true, value: [
      row({ site: 'https://calm.example.com', host: 'calm.example.com' }),
      row({ site: 'https://late.example.com', host: 'late.example.com', enrolment: 'notEnrolled', unusedCodes: null }),
    ] } as never);
    answerCalls(call, { listPortals: () => ({ ok: true, value: [] }) });
    render(<PortalsView current={null} providerNames={{ docspace: 'ONLYOFFICE DocSpace' }} />);
    await screen.findByText('Set up required');
    const cards = [...document.querySelectorAll('.site-card h3')].map((h) => h.textContent);
    expect(cards[0]).toContain('late.example.com');
    const open = screen.getByRole('link', { name: 'Open calm.example.com' });
    expect(open.textContent).toBe('Open');
    expect(screen.getByRole('button', { name: 'Check again: calm.example.com' }).textContent).toBe('Check again');
    const forget = screen.getByRole('button', { name: 'Forget portal: calm.example.com' });
    expect(forget.textContent).toBe('Forget portal');
    expect(forget.closest('details.more-menu')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Open calm|calm.example.com again|Forget portal: calm/);
  });

  it('another provider’s own facts and status line replace the DocSpace words on its card', async () => {
    vi.mocked(callCore).mockResolvedValue({ ok: true, value: [row({
      provider: 'navixy', site: 'https://panel.example.com', host: 'panel.example.com', applies: null, enrolment: null, unusedCodes: null, policy: 'off',
      facts: [{ field: 'default-mfa', label: 'Default MFA', value: 'Disallowed' }], headline: { tone: 'off', text: 'Default MFA: Disallowed' },
    })] } as never);
    answerCalls(call, { listPortals: () => ({ ok: true, value: [] }) });
    render(<PortalsView current={null} providerNames={{ navixy: 'Navixy Admin Panel' }} />);
    await screen.findByText('Default MFA: Disallowed');
    expect(document.querySelector('[data-field="default-mfa"] dt')?.textContent).toBe('Default MFA');
    expect(document.querySelector('[data-field="policy"]')).toBeNull();
    expect(document.querySelector('.site-card')?.textContent).not.toMatch(/Two-factor|Applies to you|authenticator/);
  });
});
