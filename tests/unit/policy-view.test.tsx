// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { Command, PolicyView as PolicyData, SaveReply } from '../../lib/providers/docspace/protocol';

const calls: Command[] = [];
let saveReply: { ok: true; value: SaveReply } | { ok: false; error: { kind: 'forbidden'; origin: string; message: string } };
const ORIGIN = 'https://portal.example.com';
const ME = 'aaaaaaaa-1111-4111-8111-111111111111';

const data: PolicyData = {
  policy: { method: 'none', smsAvailable: false, appAvailable: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] },
  me: { id: ME, displayName: 'Ada Admin', email: 'admin@example.com', role: 'admin' },
  ownerId: 'bbbbbbbb-1111-4111-8111-111111111111',
  isEnrolled: null,
  canEdit: true,
  users: [],
  groups: [],
  coverage: null,
  emptied: null,
};

vi.mock('../../lib/providers/docspace/call', () => ({
  call: async (cmd: Command) => {
    calls.push(cmd);
    if (cmd.type === 'getPolicy') return { ok: true, value: data };
    if (cmd.type === 'savePolicy') return saveReply;
    return { ok: true, value: [] };
  },
}));

const { PolicyView } = await import('../../lib/providers/docspace/views/PolicyView');

afterEach(() => {
  cleanup();
  calls.length = 0;
});

async function enableWithIp(navigate = vi.fn()) {
  render(<PolicyView origin={ORIGIN} navigate={navigate} params={new URLSearchParams()} />);
  await screen.findByRole('group', { name: 'Two-factor authentication (2FA)' });
  fireEvent.click(screen.getByRole('radio', { name: 'Authenticator app' }));
  fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '10.0.0.1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
  expect(screen.getByText('Adds 10.0.0.1 to trusted IPs and enables the authenticator app.')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
  return navigate;
}

describe('PolicyView', () => {
  it('huge trusted entries: only new ones ask for confirmation; a stored IPv6 CIDR (saved as its range) is not new', async () => {
    const before = data.policy;
    data.policy = { ...before, method: 'app', trustedIps: ['2001:DB8::/16'] };
    try {
      render(<PolicyView origin={ORIGIN} navigate={vi.fn()} params={new URLSearchParams()} />);
      await screen.findByRole('group', { name: 'Two-factor authentication (2FA)' });
      const box = screen.getByLabelText('Trusted IP addresses');
      fireEvent.input(box, { target: { value: '2001:DB8::/16\n10.0.0.1' } });
      fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
      expect(screen.queryByText('New entries that trust very large address ranges')).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Back to editing' }));
      fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '2001:DB8::/16\n0.0.0.0/0' } });
      fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
      const group = screen.getByRole('group', { name: 'New entries that trust very large address ranges' });
      expect([...group.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['0.0.0.0/0']);
    } finally {
      data.policy = before;
    }
  });

  it('the ticked confirmation travels with the save (the background asks for it again, issue 24 §4)', async () => {
    saveReply = { ok: true, value: { policy: { ...data.policy, method: 'app', trustedIps: ['10.0.0.0/8'] }, mismatches: [], enrolNext: false, signedOut: true } };
    render(<PolicyView origin={ORIGIN} navigate={vi.fn()} params={new URLSearchParams()} />);
    await screen.findByRole('group', { name: 'Two-factor authentication (2FA)' });
    fireEvent.click(screen.getByRole('radio', { name: 'Authenticator app' }));
    fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '10.0.0.0/8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /I understand that sign-ins from these addresses/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    await screen.findByRole('heading', { name: 'Saved' });
    expect(calls.find((c) => c.type === 'savePolicy')).toEqual({
      type: 'savePolicy', origin: ORIGIN, method: 'app', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [], mandatoryGroups: [], hugeConfirmed: true,
    });
  });

  it('enabling as a not-enrolled admin sends the full draft and goes straight to enrolment with the link', async () => {
    const confirmUrl = `${ORIGIN}/confirm/TfaActivation?type=TfaActivation&uid=${ME}`;
    saveReply = { ok: true, value: { policy: { ...data.policy, method: 'app', trustedIps: ['10.0.0.1'] }, mismatches: [], enrolNext: true, confirmUrl, signedOut: true } };
    const navigate = await enableWithIp();
    // The link (it may carry a key) stays in the background: the enrolment view gets no parameters.
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('enrol'));
    expect(calls.find((c) => c.type === 'savePolicy')).toEqual({ type: 'savePolicy', origin: ORIGIN, method: 'app', trustedIps: ['10.0.0.1'], mandatoryUsers: [], mandatoryGroups: [] });
  });

  it('an exempt admin stays here and is told the password is enough', async () => {
    saveReply = { ok: true, value: { policy: { ...data.policy, method: 'app', trustedIps: ['10.0.0.1'] }, mismatches: [], enrolNext: false, signedOut: true } };
    const navigate = await enableWithIp();
    await screen.findByRole('heading', { name: 'Saved' });
    expect(navigate).not.toHaveBeenCalled();
    expect(screen.getByText(/your password is enough/)).toBeTruthy();
    expect(screen.getByText(/could not read the policy back yet/)).toBeTruthy();
  });

  it('applied but the answer was lost: sends the admin to the portal sign-in, never "your password is enough"', async () => {
    saveReply = { ok: true, value: { policy: { ...data.policy, method: 'app', trustedIps: ['10.0.0.1'] }, mismatches: [], enrolNext: false, linkLost: true, signedOut: true } };
    await enableWithIp();
    await screen.findByRole('heading', { name: 'Saved' });
    expect(screen.getByText(/did not arrive in time/)).toBeTruthy();
    expect(screen.queryByText(/your password is enough/)).toBeNull();
  });

  it('a refused save keeps the review open with the reason', async () => {
    saveReply = { ok: false, error: { kind: 'forbidden', origin: ORIGIN, message: 'Access denied' } };
    await enableWithIp();
    expect((await screen.findByRole('alert')).textContent).toContain('portal.example.com');
    expect(screen.getByRole('button', { name: 'Back to editing' })).toBeTruthy();
  });
});
