// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { createGuardrails, generateSync } from 'otplib';
import type { CommandOf, CommandType } from '../../lib/providers/docspace/protocol';
import { answerCalls, type Handlers, ENROLMENT_START, SETUP_KEY } from '../support/call-backend';

vi.mock('../../lib/providers/docspace/call', () => ({ call: vi.fn() }));
const { call } = await import('../../lib/providers/docspace/call');
const { EnrolmentView } = await import('../../lib/providers/docspace/views/EnrolmentView');

const ORIGIN = 'https://portal.example.com';
const KEY = SETUP_KEY;
const codeAt = (ms: number) => generateSync({ secret: KEY, epoch: Math.floor(ms / 1000), guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });

const start = ENROLMENT_START;
const codes = [{ code: 'aZ3-_q', isUsed: false }, { code: 'Kp09xQ', isUsed: false }];

let sent: CommandOf<CommandType>[];
const backend = (handlers: Handlers) => void (sent = answerCalls(call, handlers));

const navigate = vi.fn();
function renderView(params = new URLSearchParams()) {
  return render(<EnrolmentView origin={ORIGIN} navigate={navigate} params={params} />);
}

async function goToCodeStep() {
  await screen.findByRole('heading', { name: 'Get an authenticator app' });
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: 'Scan the QR code or enter the key' });
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: 'Enter the code from the app' });
}

async function submit(code: string) {
  const input = screen.getByLabelText('6-digit code');
  fireEvent.input(input, { target: { value: code } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Check and connect' }));
  });
}

const validations = () => sent.filter((c) => c.type === 'validateCode');
const types = () => sent.map((c) => c.type);

beforeEach(() => {
  navigate.mockReset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('EnrolmentView', () => {
  it('never reads a link from its own address, walks the steps with focus on each heading, and shows backup codes after a good code', async () => {
    backend({
      startEnrolment: () => ({ ok: true, value: start }),
      validateCode: () => ({ ok: true, value: { enrolled: true, backupCodes: codes } }),
    });
    const confirmUrl = `${ORIGIN}/confirm/TfaActivation?type=TfaActivation&uid=0b1e4f3a-2f6c-4c55-9b1d-4f3c2b1a0e9d`;
    renderView(new URLSearchParams({ confirmUrl }));
    const first = await screen.findByRole('heading', { name: 'Get an authenticator app' });
    // A link in the page address (an old bookmark) is ignored: links reach the background by message only.
    expect(sent[0]).toEqual({ type: 'startEnrolment', origin: ORIGIN });
    await waitFor(() => expect(document.activeElement).toBe(first));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const scan = await screen.findByRole('heading', { name: 'Scan the QR code or enter the key' });
    await waitFor(() => expect(document.activeElement).toBe(scan));
    expect(screen.getByRole('img', { name: /QR code that adds ann@example.com on portal.example.com/ })).toBeTruthy();
    expect(screen.getByText('MFRG GZDF MZTW Q2LK')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const codeHeading = await screen.findByRole('heading', { name: 'Enter the code from the app' });
    await waitFor(() => expect(document.activeElement).toBe(codeHeading));

    const code = codeAt(Date.now());
    await submit(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(validations()).toEqual([{ type: 'validateCode', origin: ORIGIN, code }]);
    const done = await screen.findByRole('heading', { name: 'Your authenticator app is set up' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.getByText('2 codes left')).toBeTruthy();
    // The setup key is gone from the page once setup is over.
    expect(document.body.textContent).not.toContain('MFRG GZDF');
  });

  it('tells the page the enrolment changed once the portal took the code, not before (the navigation reads the status again)', async () => {
    backend({
      startEnrolment: () => ({ ok: true, value: start }),
      validateCode: () => ({ ok: true, value: { enrolled: true, backupCodes: codes } }),
    });
    const onStatusChange = vi.fn();
    render(<EnrolmentView origin={ORIGIN} navigate={navigate} params={new URLSearchParams()} onStatusChange={onStatusChange} />);
    await goToCodeStep();
    expect(onStatusChange).not.toHaveBeenCalled();
    await submit(codeAt(Date.now()));
    await screen.findByRole('heading', { name: 'Your authenticator app is set up' });
    expect(onStatusChange).toHaveBeenCalledTimes(1);
  });

  it('marks the current step in a stepper, shows the intro on step 1 only, and orders Cancel, Back, primary', async () => {
    backend({ startEnrolment: () => ({ ok: true, value: start }) });
    renderView();
    await screen.findByRole('heading', { name: 'Get an authenticator app' });
    const stepper = screen.getByRole('list', { name: 'Setup steps' });
    const current = () => stepper.querySelector('[aria-current="step"]');
    expect(current()?.textContent).toBe('1Get the app (Step 1 of 3)');
    expect(document.body.textContent).toContain('asks for a code from an authenticator app');
    const names = () => [...document.querySelectorAll('.step-actions button')].map((b) => b.textContent);
    expect(names()).toEqual(['Cancel setup', 'Next']);
    expect(document.querySelector('.step-actions button')?.className).toBe('quiet');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Scan the QR code or enter the key' });
    expect(current()?.textContent).toBe('2Scan (Step 2 of 3)');
    expect(stepper.querySelectorAll('[aria-current]')).toHaveLength(1);
    expect(stepper.querySelector('.stepper-step.done')?.textContent).toBe('Get the app (done)');
    expect(document.body.textContent).not.toContain('asks for a code from an authenticator app');
    expect(names()).toEqual(['Cancel setup', 'Back', 'Next']);
    // The key in a field with a copy icon button; account, issuer and the TOTP hint behind "Can't scan?".
    expect(screen.getByRole('group', { name: 'Setup key' }).querySelector('button')?.getAttribute('aria-label')).toBe('Copy key');
    const manual = screen.getByText('Can’t scan? Enter the key manually').closest('details')!;
    expect(manual.open).toBe(false);
    expect(manual.textContent).toContain('ann@example.com');
    expect(manual.querySelector('.hint')?.textContent).toMatch(/6 digits/);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Enter the code from the app' });
    expect(current()?.textContent).toBe('3Enter code (Step 3 of 3)');
    expect(names()).toEqual(['Cancel setup', 'Back', 'Check and connect']);
  });

  it('after a good code, "Done" needs "I have saved these codes" first, then drops the codes and says you are set up', async () => {
    backend({
      startEnrolment: () => ({ ok: true, value: start }),
      validateCode: () => ({ ok: true, value: { enrolled: true, backupCodes: codes } }),
    });
    renderView();
    await goToCodeStep();
    await submit(codeAt(Date.now()));
    await screen.findByRole('heading', { name: 'Your authenticator app is set up' });
    const done = screen.getByRole('button', { name: 'Done' }) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    expect(done.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'I have saved these codes' }));
    await waitFor(() => expect(done.disabled).toBe(false));
    fireEvent.click(done);
    await screen.findByText('You’re set up. From now on, sign in with your password and a code from the app.');
    expect(screen.queryByRole('list', { name: 'Backup codes' })).toBeNull();
  });

  it('a code 3 minutes ahead is sent, with a warning that stays after success', async () => {
    backend({
      startEnrolment: () => ({ ok: true, value: start }),
      validateCode: () => ({ ok: true, value: { enrolled: true, backupCodes: codes } }),
    });
    renderView();
    await goToCodeStep();
    await submit(codeAt(Date.now() + 180_000));
    expect(validations()).toHaveLength(1);
    await screen.findByRole('heading', { name: 'Your authenticator app is set up' });
    expect(document.body.textContent).toContain("Your authenticator app’s clock is about 3 minutes ahead. The portal accepts codes up to 5 minutes off, so this one was sent");
  });

  it('a code 8 minutes behind is not sent: the clock is named and the window explained', async () => {
    backend({ startEnrolment: () => ({ ok: true, value: start }) });
    renderView();
    await goToCodeStep();
    await submit(codeAt(Date.now() - 480_000));
    expect(validations()).toHaveLength(0);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("Your authenticator app’s clock is about 8 minutes behind");
    expect(alert.textContent).toContain('the code was not sent');
    const input = screen.getByLabelText('6-digit code');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
  });

  it('a code far off does not come from this key and is not sent', async () => {
    backend({ startEnrolment: () => ({ ok: true, value: start }) });
    renderView();
    await goToCodeStep();
    await submit(codeAt(Date.now() + 3 * 3600_000));
    expect(validations()).toHaveLength(0);
    expect(screen.getByRole('alert').textContent).toContain('This code does not match the setup key');
  });

  it('a code the portal refuses shows the attempts left', async () => {
    backend({
      startEnrolment: () => ({ ok: true, value: start }),
      validateCode: () => ({ ok: false, error: { kind: 'wrongCode', origin: ORIGIN, attemptsLeft: 3 } }),
    });
    renderView();
    await goToCodeStep();
    await submit(codeAt(Date.now()));
    expect(validations()).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toBe('The portal did not accept the code. 3 attempts left before it pauses code entry for a minute. Wait for the next code in the app and enter it.');
  });

  it('a known limit with attempts already used shows what is left at the start; an unknown limit shows no count', async () => {
    backend({ startEnrolment: () => ({ ok: true, value: { ...start, attemptsLeft: 2, attemptLimit: 3 } }) });
    const first = renderView();
    await goToCodeStep();
    expect(document.body.textContent).toContain('2 attempts left before the portal pauses code entry for a minute.');
    first.unmount();
    backend({ startEnrolment: () => ({ ok: true, value: { ...start, attemptsLeft: null, attemptLimit: null } }) });
    renderView();
    await goToCodeStep();
    expect(document.body.textContent).not.toContain('left before');
  });

  it('a refused code with no known limit says so without a count, and nothing is locked locally', async () => {
    backend({
      startEnrolment: () => ({ ok: true, value: { ...start, attemptsLeft: null, attemptLimit: null } }),
      validateCode: () => ({ ok: false, error: { kind: 'wrongCode', origin: ORIGIN } }),
    });
    renderView();
    await goToCodeStep();
    await submit(codeAt(Date.now()));
    expect(screen.getByRole('alert').textContent).toBe('The portal did not accept the code. Wait for the next code in the app and enter it.');
    expect(screen.queryByRole('timer')).toBeNull();
    expect((screen.getByRole('button', { name: 'Check and connect' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('an SMS policy: says TFA is by SMS and links to the portal\'s start page (never to a link the portal returned)', async () => {
    backend({ startEnrolment: () => ({ ok: false, error: { kind: 'notAvailable', origin: ORIGIN, message: 'SMS', reason: 'sms' } }) });
    renderView();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Two-factor authentication on portal.example.com is by SMS');
    expect(document.body.textContent).not.toMatch(/unsafe/i);
    const link = screen.getByRole('link', { name: 'Open portal.example.com' });
    expect(link.getAttribute('href')).toBe(`${ORIGIN}/`);
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.queryByRole('button', { name: 'Sign in on the portal in this browser instead' })).toBeNull();
  });

  it('DocSpace 3.6 with an API key: says the browser sign-in is needed and switches to it on request, then starts again', async () => {
    let switched = false;
    backend({
      startEnrolment: () => (switched
        ? { ok: true, value: start }
        : { ok: false, error: { kind: 'notAvailable', origin: ORIGIN, message: 'x', reason: 'needsBrowserSignIn', version: '3.6.1.100' } }),
      useBrowserSignIn: () => {
        switched = true;
        return { ok: false, error: { kind: 'signedOut', origin: ORIGIN } };
      },
    });
    renderView();
    expect((await screen.findByRole('alert')).textContent).toContain('give the setup key only when you sign in on the portal in this browser');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in on the portal in this browser instead' }));
    });
    expect(types()).toEqual(['startEnrolment', 'useBrowserSignIn', 'startEnrolment']);
    await screen.findByRole('heading', { name: 'Get an authenticator app' });
  });

  it('the portal set nothing up (policy switched off meanwhile): says so, never "connected"', async () => {
    backend({
      startEnrolment: () => ({ ok: true, value: start }),
      validateCode: () => ({ ok: false, error: { kind: 'notAvailable', origin: ORIGIN, message: 'Nothing was set up', reason: 'notApplied' } }),
    });
    renderView();
    await goToCodeStep();
    await submit(codeAt(Date.now()));
    expect(screen.getByRole('alert').textContent).toMatch(/^Nothing was set up: in the meantime, two-factor authentication \(2FA\) was turned off for you/);
    expect(document.body.textContent).not.toContain('Your authenticator app is set up');
  });

  it('the last wrong code of the minute starts the countdown at once', async () => {
    backend({
      startEnrolment: () => ({ ok: true, value: start }),
      validateCode: () => ({ ok: false, error: { kind: 'wrongCode', origin: ORIGIN, attemptsLeft: 0 } }),
    });
    renderView();
    await goToCodeStep();
    await submit(codeAt(Date.now()));
    expect(screen.getByRole('alert').textContent).toContain('0 attempts left before it pauses code entry');
    expect(screen.getByRole('timer').textContent).toMatch(/^(1:00|0:59)$/);
    expect((screen.getByRole('button', { name: 'Check and connect' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('the lock shows a countdown instead of an error loop, then lets the person try again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const now = Date.now();
    backend({
      startEnrolment: () => ({ ok: true, value: start }),
      validateCode: () => ({ ok: false, error: { kind: 'tooManyAttempts', origin: ORIGIN, retryAt: now + 45_000 } }),
    });
    renderView();
    await goToCodeStep();
    await submit(codeAt(Date.now()));
    expect(screen.getByText('Too many attempts')).toBeTruthy();
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toMatch(/^0:4[45]$/);
    expect((screen.getByRole('button', { name: 'Check and connect' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('6-digit code') as HTMLInputElement).disabled).toBe(true);
    await act(async () => {
      vi.advanceTimersByTime(46_000);
    });
    await waitFor(() => expect(screen.queryByRole('timer')).toBeNull());
    expect((screen.getByRole('button', { name: 'Check and connect' }) as HTMLButtonElement).disabled).toBe(false);
    expect(document.body.textContent).toContain('You can enter a code again.');
  });

  it('warns when this computer and the portal disagree about the time', async () => {
    backend({ startEnrolment: () => ({ ok: true, value: { ...start, serverClockOffsetMs: 95_000 } }) });
    renderView();
    await screen.findByRole('heading', { name: 'Get an authenticator app' });
    expect(document.body.textContent).toContain("This computer’s clock is about 2 minutes behind the portal’s.");
    cleanup();
    backend({ startEnrolment: () => ({ ok: true, value: { ...start, serverClockOffsetMs: -40_000 } }) });
    renderView();
    await screen.findByRole('heading', { name: 'Get an authenticator app' });
    expect(document.body.textContent).toContain("This computer’s clock is about 40 seconds ahead of the portal’s.");
    cleanup();
    backend({ startEnrolment: () => ({ ok: true, value: { ...start, serverClockOffsetMs: 20_000 } }) });
    renderView();
    await screen.findByRole('heading', { name: 'Get an authenticator app' });
    expect(document.body.textContent).not.toContain("This computer’s clock");
  });

  it('explains when setup is not available and offers the other views', async () => {
    backend({ startEnrolment: () => ({ ok: false, error: { kind: 'notAvailable', origin: ORIGIN, message: 'TFA application settings are not available' } }) });
    renderView();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Setup is not available');
    fireEvent.click(screen.getByRole('button', { name: 'Backup codes' }));
    expect(navigate).toHaveBeenCalledWith('codes');
  });

  it('cancel forgets the enrolment in the background', async () => {
    backend({ startEnrolment: () => ({ ok: true, value: start }), cancelEnrolment: () => ({ ok: true, value: true }) });
    renderView();
    await screen.findByRole('heading', { name: 'Get an authenticator app' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel setup' }));
    });
    expect(sent.map((c) => c.type)).toEqual(['startEnrolment', 'cancelEnrolment']);
    expect(screen.getByRole('status').textContent).toContain('Setup cancelled');
    expect(document.body.textContent).not.toContain('MFRG');
  });

  it('closing the page during setup tells the background to forget the confirm token', async () => {
    backend({ startEnrolment: () => ({ ok: true, value: start }), cancelEnrolment: () => ({ ok: true, value: true }) });
    renderView();
    await screen.findByRole('heading', { name: 'Get an authenticator app' });
    await waitFor(() => expect(types()).toEqual(['startEnrolment']));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
    const kept = new Event('pagehide') as Event & { persisted: boolean };
    kept.persisted = true;
    window.dispatchEvent(kept);
    expect(types()).toEqual(['startEnrolment']);
    const closed = new Event('pagehide') as Event & { persisted: boolean };
    closed.persisted = false;
    window.dispatchEvent(closed);
    expect(types()).toEqual(['startEnrolment', 'cancelEnrolment']);
  });
});
