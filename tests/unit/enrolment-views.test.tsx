// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { CommandOf, CommandType, EnrolmentStart, PortalStatus } from '../../lib/providers/docspace/protocol';
import { answerCalls, type Handlers } from '../support/call-backend';

vi.mock('../../lib/providers/docspace/call', () => ({ call: vi.fn() }));
const { call } = await import('../../lib/providers/docspace/call');
const { BackupCodesView } = await import('../../lib/providers/docspace/views/BackupCodesView');
const { ResetView } = await import('../../lib/providers/docspace/views/ResetView');
const { OwnerView } = await import('../../lib/providers/docspace/views/OwnerView');

const ORIGIN = 'https://portal.example.com';
let sent: CommandOf<CommandType>[];
const backend = (handlers: Handlers) => void (sent = answerCalls(call, handlers));
const types = () => sent.map((c) => c.type);
const navigate = vi.fn();
const props = { origin: ORIGIN, navigate, params: new URLSearchParams() };

afterEach(() => cleanup());

describe('BackupCodesView', () => {
  const old = [{ code: 'aaaaaa', isUsed: true }, { code: 'bbbbbb', isUsed: false }];
  const fresh = [{ code: 'cccccc', isUsed: false }, { code: 'dddddd', isUsed: false }];

  it('shows the codes with used ones marked and regenerates only after confirming', async () => {
    backend({ getBackupCodes: () => ({ ok: true, value: old }), regenerateBackupCodes: () => ({ ok: true, value: fresh }) });
    render(<BackupCodesView {...props} />);
    expect(await screen.findByText('1 code left, the last one')).toBeTruthy();
    expect(screen.getByText('(used)')).toBeTruthy();
    // "Make new codes…" stands apart from the codes' toolbar, as a quiet destructive action.
    expect(screen.getByRole('button', { name: 'Make new codes…' }).closest('.danger-zone')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Make new codes…' }).className).toBe('danger');
    fireEvent.click(screen.getByRole('button', { name: 'Make new codes…' }));
    const dialog = screen.getByRole('dialog', { name: 'Make new backup codes?' });
    expect(dialog.textContent).toContain('stop working at once');
    // Cancelling sends nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(types()).toEqual(['getBackupCodes']);
    fireEvent.click(screen.getByRole('button', { name: 'Make new codes…' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Make new codes' }));
    });
    expect(types()).toEqual(['getBackupCodes', 'regenerateBackupCodes']);
    expect(await screen.findByText('2 codes left')).toBeTruthy();
    expect(document.body.textContent).not.toContain('bbbbbb');
    expect(document.body.textContent).toContain('New backup codes are ready. The old ones no longer work.');
    // New codes: "Done" once they are saved, which closes the step (and brings back "Make new codes…").
    expect(screen.queryByRole('button', { name: 'Make new codes…' })).toBeNull();
    const done = screen.getByRole('button', { name: 'Done' }) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'I have saved these codes' }));
    await waitFor(() => expect(done.disabled).toBe(false));
    fireEvent.click(done);
    expect(await screen.findByRole('button', { name: 'Make new codes…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Done' })).toBeNull();
    expect(screen.getByText('2 codes left')).toBeTruthy();
  });

  it('says so when every code is used', async () => {
    backend({ getBackupCodes: () => ({ ok: true, value: [{ code: 'aaaaaa', isUsed: true }] }) });
    render(<BackupCodesView {...props} />);
    expect(await screen.findByText(/No backup codes are left/)).toBeTruthy();
  });

  it('not enrolled: explains and offers setup', async () => {
    backend({ getBackupCodes: () => ({ ok: false, error: { kind: 'notAvailable', origin: ORIGIN, message: 'TFA application settings are not available' } }) });
    render(<BackupCodesView {...props} />);
    expect((await screen.findByRole('alert')).textContent).toContain('not set up yet');
    fireEvent.click(screen.getByRole('button', { name: 'Set up authenticator' }));
    expect(navigate).toHaveBeenCalledWith('enrol');
  });
});

describe('ResetView', () => {
  const start: EnrolmentStart = {
    account: 'ann@example.com', issuer: 'portal.example.com', setupKey: 'GEZDGNBVGY3TQOJQ',
    otpauthUri: 'otpauth://totp/portal.example.com:ann%40example.com?secret=GEZDGNBVGY3TQOJQ&issuer=portal.example.com',
    qrImage: null, serverClockOffsetMs: 0, attemptsLeft: null, attemptLimit: null,
  };

  it('explains the consequences, confirms, resets, and continues straight into enrolment', async () => {
    backend({ resetMyApp: () => ({ ok: true, value: start }) });
    render(<ResetView {...props} />);
    expect(document.body.textContent).toContain('You are signed out of this portal everywhere else');
    fireEvent.click(screen.getByRole('button', { name: 'Reset authenticator…' }));
    expect(types()).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reset and set up again' }));
    });
    expect(types()).toEqual(['resetMyApp']);
    const heading = await screen.findByRole('heading', { name: 'Get an authenticator app' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    // No second startEnrolment: the reset reply is the start of the enrolment.
    expect(types()).toEqual(['resetMyApp']);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('GEZD GNBV GY3T QOJQ')).toBeTruthy();
  });

  it('a failed reset shows the error and keeps the page', async () => {
    backend({ resetMyApp: () => ({ ok: false, error: { kind: 'signedOut', origin: ORIGIN } }) });
    render(<ResetView {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset authenticator…' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reset and set up again' }));
    });
    expect((await screen.findByRole('alert')).textContent).toContain('signed out');
  });
});

describe('OwnerView', () => {
  const status = (role: 'owner' | 'admin' | 'user'): PortalStatus => ({
    origin: ORIGIN, host: 'portal.example.com', state: 'ready', version: '3.7', auth: 'cookie', checkedAt: 0,
    me: { id: '11111111-1111-1111-1111-111111111111', displayName: 'Me', email: 'me@x', role },
    policy: null, applies: { kind: 'everyone' }, enrolment: { state: 'enrolled', unusedCodes: 5, totalCodes: 5 },
    enrolmentInProgress: false, signInUrl: `${ORIGIN}/login`,
  });
  const bob = { id: '22222222-2222-2222-2222-222222222222', name: 'Bob Stone', email: 'bob@x' };

  it('the owner finds a person and resets their authenticator after confirming', async () => {
    backend({
      getStatus: () => ({ ok: true, value: status('owner') }),
      searchPeople: () => ({ ok: true, value: [bob, { id: '11111111-1111-1111-1111-111111111111', name: 'Me', email: 'me@x' }] }),
      resetUserApp: () => ({ ok: true, value: true }),
    });
    render(<OwnerView {...props} />);
    const box = await screen.findByLabelText('Find a user by name or email');
    fireEvent.input(box, { target: { value: 'bob' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    });
    expect(sent.find((c) => c.type === 'searchPeople')).toEqual({ type: 'searchPeople', origin: ORIGIN, text: 'bob' });
    expect(screen.getByText('2 users found')).toBeTruthy();
    // No reset button for myself.
    expect(screen.getAllByRole('button', { name: /Reset authenticator of/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Reset authenticator of Bob Stone…' }));
    expect(screen.getByRole('dialog', { name: 'Reset the authenticator of Bob Stone?' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reset authenticator' }));
    });
    expect(sent.find((c) => c.type === 'resetUserApp')).toEqual({ type: 'resetUserApp', origin: ORIGIN, userId: bob.id });
    expect(await screen.findByText('The authenticator of Bob Stone was reset.')).toBeTruthy();
  });

  it('an admin who is not the owner is told only the owner can, with no reset button', async () => {
    backend({ getStatus: () => ({ ok: true, value: status('admin') }) });
    render(<OwnerView {...props} />);
    expect(await screen.findByText(/Only the portal owner can reset someone else’s authenticator. Ask the owner/)).toBeTruthy();
    expect(screen.queryByLabelText('Find a user by name or email')).toBeNull();
    expect(screen.queryByRole('button', { name: /Reset authenticator of/ })).toBeNull();
  });

  it('anyone else gets an explanation and a way to reset their own', async () => {
    backend({ getStatus: () => ({ ok: true, value: status('user') }) });
    render(<OwnerView {...props} />);
    expect(await screen.findByText(/To reset your own/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset your own authenticator' }));
    expect(navigate).toHaveBeenCalledWith('reset');
  });

  it('people search not available yet: a plain explanation', async () => {
    backend({
      getStatus: () => ({ ok: true, value: status('owner') }),
      searchPeople: () => ({ ok: false, error: { kind: 'notAvailable', origin: ORIGIN, message: 'Not implemented yet' } }),
    });
    render(<OwnerView {...props} />);
    await screen.findByLabelText('Find a user by name or email');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('Searching users is not available right now.');
  });
});
