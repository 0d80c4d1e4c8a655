// @vitest-environment happy-dom
// The copied-secret timer belongs to the options page, not to the button that copied: the setup key copied just
// before Next, enrolment reaching Done, backup codes copied just before going to another view. The whole DocSpace
// options page is rendered (its root provides the clipboard guard), with the background mocked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { createGuardrails, generateSync } from 'otplib';
import { answerCalls, type Handlers, ENROLMENT_START, SETUP_KEY } from '../support/call-backend';

vi.mock('../../lib/providers/docspace/call', () => ({ call: vi.fn() }));
const { call } = await import('../../lib/providers/docspace/call');
const { App } = await import('../../lib/providers/docspace/views/Options');
const { clipboardMessage, offersClear } = await import('../../lib/providers/docspace/components/ClipboardNotice');

const ORIGIN = 'https://portal.example.com';
const KEY = SETUP_KEY;
const start = ENROLMENT_START;
const codes = [{ code: 'aZ3-_q', isUsed: false }, { code: 'b7Yy2M', isUsed: false }];
const CODES_COPIED = 'aZ3-_q\nb7Yy2M';

const backend = (handlers: Handlers) => void answerCalls(call, handlers);

/** A clipboard that remembers what it holds; the page has the focus. */
function fakeClipboard() {
  const clipboard = { held: '', writeText: vi.fn(async (text: string) => void (clipboard.held = text)) };
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  return clipboard;
}

function openPage(view: string) {
  history.replaceState(null, '', `/options.html?view=${view}&origin=${encodeURIComponent(ORIGIN)}`);
  backend({
    startEnrolment: () => ({ ok: true, value: start }),
    validateCode: () => ({ ok: true, value: { enrolled: true, backupCodes: codes } }),
    getBackupCodes: () => ({ ok: true, value: codes }),
    cancelEnrolment: () => ({ ok: true, value: true }),
  });
  return render(<App siteGroups={[]} providerNames={{}} />);
}

const click = async (role: 'button' | 'link', name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole(role, { name }));
  });
};
const wait = async (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
/** The page-level notice's live region (the last status on the page; empty while the copying control speaks). */
const pageNotice = () => ({ textContent: document.querySelector('.clipboard-notice [role="status"]')?.textContent ?? '' });

/** The enrolment page at step 2, the setup key copied, fake timers from the copy on. */
async function copySetupKey() {
  const clipboard = fakeClipboard();
  openPage('enrol');
  await screen.findByRole('heading', { name: 'Get an authenticator app' });
  await click('button', 'Next');
  await screen.findByRole('heading', { name: 'Scan the QR code or enter the key' });
  vi.useFakeTimers();
  await click('button', 'Copy key');
  expect(clipboard.held).toBe(KEY);
  expect(pageNotice().textContent).toBe('');
  return clipboard;
}

beforeEach(() => {
  vi.mocked(call).mockReset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the clipboard guard outlives the control that copied', () => {
  it('setup key copied, then Next within 45 s: the page says so, and clears the clipboard when the 45 s are up', async () => {
    const clipboard = await copySetupKey();
    await wait(10_000);
    await click('button', 'Next');
    await screen.findByRole('heading', { name: 'Enter the code from the app' });
    expect(screen.queryByRole('button', { name: 'Copy key' })).toBeNull();
    expect(pageNotice().textContent).toBe('Setup key copied. It is cleared from the clipboard 45 seconds after copying if you stay on this page.');
    expect(screen.getByRole('button', { name: 'Clear the clipboard' })).toBeTruthy();
    await wait(34_000);
    expect(clipboard.held).toBe(KEY);
    await wait(1_000);
    expect(clipboard.held).toBe('');
    expect(pageNotice().textContent).toBe('Clipboard cleared.');
    expect(screen.queryByRole('button', { name: 'Clear the clipboard' })).toBeNull();
  });

  it('setup key copied, Next, then the page lost the focus: the key is left alone and the page notice offers to clear it', async () => {
    const clipboard = await copySetupKey();
    await click('button', 'Next');
    fireEvent.blur(window);
    await wait(45_000);
    expect(clipboard.held).toBe(KEY);
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
    expect(pageNotice().textContent).toBe('Setup key copied. The copied text may still be in the clipboard.');
    await click('button', 'Clear the clipboard');
    expect(clipboard.held).toBe('');
    expect(pageNotice().textContent).toBe('Clipboard cleared.');
  });

  it('setup key copied, then enrolment reaches Done: cleared when the 45 s are up', async () => {
    const clipboard = await copySetupKey();
    await click('button', 'Next');
    const code = generateSync({ secret: KEY, epoch: Math.floor(Date.now() / 1000), guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
    fireEvent.input(screen.getByLabelText('6-digit code'), { target: { value: code } });
    await click('button', 'Check and connect');
    expect(screen.getByRole('heading', { name: 'Your authenticator app is set up' })).toBeTruthy();
    expect(pageNotice().textContent).toContain('Setup key copied.');
    await wait(45_000);
    expect(clipboard.held).toBe('');
    expect(pageNotice().textContent).toBe('Clipboard cleared.');
  });

  it('Clear the clipboard on the page notice, before the time is up, clears at once and the timer has nothing left to do', async () => {
    const clipboard = await copySetupKey();
    await click('button', 'Next');
    await click('button', 'Clear the clipboard');
    expect(clipboard.held).toBe('');
    expect(pageNotice().textContent).toBe('Clipboard cleared.');
    clipboard.held = 'copied later in another app';
    await wait(60_000);
    expect(clipboard.held).toBe('copied later in another app');
    expect(clipboard.writeText).toHaveBeenCalledTimes(2);
  });

  it('Copy all backup codes, then another view: cleared when the 45 s are up', async () => {
    const clipboard = fakeClipboard();
    openPage('codes');
    await screen.findByText('2 codes left');
    vi.useFakeTimers();
    await click('button', 'Copy all');
    expect(clipboard.held).toBe(CODES_COPIED);
    await click('link', 'Reset authenticator');
    expect(screen.queryByRole('button', { name: 'Copy all' })).toBeNull();
    expect(pageNotice().textContent).toBe('2 unused backup codes copied. It is cleared from the clipboard 45 seconds after copying if you stay on this page.');
    await wait(45_000);
    expect(clipboard.held).toBe('');
    expect(pageNotice().textContent).toBe('Clipboard cleared.');
  });

  it('Copy all on Done, then the Backup codes view, then something else copied on the page: the clipboard is not ours any more', async () => {
    const clipboard = await copySetupKey();
    await click('button', 'Next');
    const code = generateSync({ secret: KEY, epoch: Math.floor(Date.now() / 1000), guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
    fireEvent.input(screen.getByLabelText('6-digit code'), { target: { value: code } });
    await click('button', 'Check and connect');
    await click('button', 'Copy all');
    expect(clipboard.held).toBe(CODES_COPIED);
    await click('link', 'Backup codes');
    expect(pageNotice().textContent).toContain('2 unused backup codes copied.');
    fireEvent(document, new Event('copy'));
    clipboard.held = 'something the user copied';
    expect(pageNotice().textContent).toBe('');
    await wait(60_000);
    expect(clipboard.held).toBe('something the user copied');
  });
});

describe('the page being closed', () => {
  /**
   * The browser's copy command, which a page being unloaded can still run (the asynchronous write never completes
   * there): fires `copy` and puts on the clipboard what its listeners set.
   */
  function fakeCopyCommand(clipboard: { held: string }) {
    // happy-dom has no execCommand: the browser's, as far as this goes.
    const execCommand = vi.fn((command: string) => {
      if (command !== 'copy') return false;
      let data: string | null = null;
      const event = Object.assign(new Event('copy', { bubbles: true, cancelable: true }), {
        clipboardData: { setData: (_type: string, text: string) => void (data = text) },
      });
      document.dispatchEvent(event);
      if (event.defaultPrevented && data !== null) clipboard.held = data;
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    return execCommand;
  }
  afterEach(() => {
    Reflect.deleteProperty(document, 'execCommand');
  });
  const pageHide = () => act(async () => void window.dispatchEvent(new Event('pagehide')));

  it('closed (or left) while it kept the focus and nothing else was copied: cleared at once, synchronously', async () => {
    const clipboard = await copySetupKey();
    const copyCommand = fakeCopyCommand(clipboard);
    await click('button', 'Next');
    await pageHide();
    expect(copyCommand).toHaveBeenCalledWith('copy');
    expect(clipboard.held).toBe('');
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
    expect(pageNotice().textContent).toBe('Clipboard cleared.');
  });

  it('closed after it had lost the focus a while before: left alone (something else may have been copied)', async () => {
    const clipboard = await copySetupKey();
    const copyCommand = fakeCopyCommand(clipboard);
    fireEvent.blur(window);
    await wait(1_500);
    await pageHide();
    expect(copyCommand).not.toHaveBeenCalled();
    expect(clipboard.held).toBe(KEY);
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
  });

  it('closed the way Firefox closes a tab (the focus taken away just before): cleared, nothing can have been copied in between', async () => {
    const clipboard = await copySetupKey();
    const copyCommand = fakeCopyCommand(clipboard);
    vi.mocked(document.hasFocus).mockReturnValue(false);
    fireEvent.blur(window);
    await wait(50);
    await pageHide();
    expect(copyCommand).toHaveBeenCalledWith('copy');
    expect(clipboard.held).toBe('');
  });

  it('lost the focus, came back and stayed: still left alone when the page closes (it was away)', async () => {
    const clipboard = await copySetupKey();
    const copyCommand = fakeCopyCommand(clipboard);
    fireEvent.blur(window);
    await wait(5_000);
    fireEvent.focus(window);
    fireEvent.blur(window);
    await pageHide();
    expect(copyCommand).not.toHaveBeenCalled();
    expect(clipboard.held).toBe(KEY);
  });

  it('closed when nothing copied is pending (cleared already): the clipboard is not touched', async () => {
    const clipboard = await copySetupKey();
    const copyCommand = fakeCopyCommand(clipboard);
    await wait(45_000);
    expect(clipboard.held).toBe('');
    clipboard.held = 'copied later';
    await pageHide();
    expect(copyCommand).not.toHaveBeenCalled();
    expect(clipboard.held).toBe('copied later');
  });
});

describe('where the browser refuses the timer\'s clearing (Firefox)', () => {
  const copied = { kind: 'copied', what: 'Setup key copied.', owner: null } as const;

  it('asks for Clear the clipboard from the start instead of promising a clearing in 45 seconds', () => {
    expect(clipboardMessage(copied, true, false)).toBe(
      'Setup key copied. Firefox lets this page clear the clipboard only right after a click, so choose “Clear the clipboard” once you have pasted it.',
    );
    expect(clipboardMessage(copied, true, false)).not.toContain('45');
    expect(offersClear(copied, false)).toBe(true);
  });

  it('elsewhere promises the clearing, and offers the button only once the clipboard may still hold it', () => {
    expect(clipboardMessage(copied, false, true)).toBe('Setup key copied. It is cleared from the clipboard in 45 seconds if you stay on this page.');
    expect(offersClear(copied, true)).toBe(false);
    expect(offersClear({ kind: 'mayRemain', what: 'Setup key copied.', owner: null }, true)).toBe(true);
    expect(offersClear({ kind: 'cleared', owner: null }, false)).toBe(false);
  });
});
