// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, act, waitFor } from '@testing-library/preact';
import { encode } from 'uqr';
import { QrCode, modulePath } from '../../lib/providers/docspace/components/QrCode';
import { SetupKey } from '../../lib/providers/docspace/components/SetupKey';
import { CodeInput } from '../../lib/providers/docspace/components/CodeInput';
import { Countdown, formatSeconds } from '../../lib/providers/docspace/components/Countdown';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BackupCodeList } from '../../lib/providers/docspace/components/BackupCodeList';
import { useState } from 'preact/hooks';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const URI = 'otpauth://totp/portal.example.com:ann%40example.com?secret=MFRGGZDFMZTWQ2LK&issuer=portal.example.com';

describe('QrCode', () => {
  it('renders the module matrix locally as an SVG image with alt text and a quiet zone', () => {
    render(<QrCode text={URI} label="QR code for ann" fallbackSrc="data:image/png;base64,AAAA" />);
    const img = screen.getByRole('img', { name: 'QR code for ann' });
    expect(img.tagName.toLowerCase()).toBe('svg');
    const qr = encode(URI, { ecc: 'M', border: 4 });
    expect(img.getAttribute('viewBox')).toBe(`0 0 ${qr.size} ${qr.size}`);
    expect(img.querySelector('rect.qr-light')?.getAttribute('width')).toBe(String(qr.size));
    expect(img.querySelector('path.qr-dark')?.getAttribute('d')).toBe(modulePath(qr.data));
    // Four light modules on every side.
    for (const row of [...qr.data.slice(0, 4), ...qr.data.slice(-4)]) expect(row.every((m) => !m)).toBe(true);
    expect(qr.data.every((row) => row.slice(0, 4).every((m) => !m) && row.slice(-4).every((m) => !m))).toBe(true);
    // The portal's image is only a fallback.
    expect(document.querySelector('img')).toBeNull();
  });

  it('draws exactly the dark modules', () => {
    const data = [
      [false, true, true, false],
      [true, false, false, true],
    ];
    expect(modulePath(data)).toBe('M1 0h2v1h-2zM0 1h1v1h-1zM3 1h1v1h-1z');
  });

  it('falls back to the portal image when the text cannot be encoded', () => {
    render(<QrCode text={'x'.repeat(5000)} label="QR" fallbackSrc="data:image/png;base64,AAAA" fallbackLabel="Portal QR" />);
    const img = screen.getByRole('img', { name: 'Portal QR' });
    expect(img.tagName.toLowerCase()).toBe('img');
    expect(img.getAttribute('src')).toBe('data:image/png;base64,AAAA');
  });
});

describe('SetupKey', () => {
  /** A clipboard that remembers what it holds; the page has the focus unless told otherwise. */
  function fakeClipboard(focused = true) {
    const clipboard = { held: '', writeText: vi.fn(async (text: string) => void (clipboard.held = text)) };
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    vi.spyOn(document, 'hasFocus').mockReturnValue(focused);
    return clipboard;
  }
  const copyKey = async () => {
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
    });
  };

  it('shows the key in groups of four, copies it without spaces and says what was copied and when it is cleared', async () => {
    const clipboard = fakeClipboard();
    render(<SetupKey setupKey="MFRGGZDFMZTWQ2LK" account="ann@example.com" issuer="portal.example.com" />);
    expect(screen.getByText('MFRG GZDF MZTW Q2LK')).toBeTruthy();
    const status = screen.getAllByRole('status')[0]!;
    expect(status.textContent).toBe('');
    await copyKey();
    expect(clipboard.held).toBe('MFRGGZDFMZTWQ2LK');
    expect(status.textContent).toBe('Setup key copied. It is cleared from the clipboard in 45 seconds if you stay on this page.');
  });

  it('clears the clipboard after 45 s when the page kept the focus and nothing else was copied', async () => {
    vi.useFakeTimers();
    const clipboard = fakeClipboard();
    render(<SetupKey setupKey="MFRGGZDFMZTWQ2LK" account="a" issuer="b" />);
    await copyKey();
    await act(async () => void (await vi.advanceTimersByTimeAsync(44_000)));
    expect(clipboard.held).toBe('MFRGGZDFMZTWQ2LK');
    await act(async () => void (await vi.advanceTimersByTimeAsync(1_000)));
    expect(clipboard.held).toBe('');
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('Clipboard cleared.');
  });

  it('leaves the clipboard alone once the page lost the focus (something else may have been copied), and offers to clear it', async () => {
    vi.useFakeTimers();
    const clipboard = fakeClipboard();
    render(<SetupKey setupKey="MFRGGZDFMZTWQ2LK" account="a" issuer="b" />);
    await copyKey();
    fireEvent.blur(window);
    await act(async () => void (await vi.advanceTimersByTimeAsync(45_000)));
    expect(clipboard.held).toBe('MFRGGZDFMZTWQ2LK');
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('Setup key copied. The copied text may still be in the clipboard.');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Clear the clipboard' }));
    });
    await act(async () => void (await vi.advanceTimersByTimeAsync(1)));
    expect(clipboard.held).toBe('');
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('Clipboard cleared.');
  });

  it('something else copied on the page: the clipboard is not ours any more and is left alone', async () => {
    vi.useFakeTimers();
    const clipboard = fakeClipboard();
    render(<SetupKey setupKey="MFRGGZDFMZTWQ2LK" account="a" issuer="b" />);
    await copyKey();
    fireEvent(document, new Event('copy'));
    clipboard.held = 'something the user copied';
    await act(async () => void (await vi.advanceTimersByTimeAsync(60_000)));
    expect(clipboard.held).toBe('something the user copied');
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
  });

  it('says when copying failed', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<SetupKey setupKey="MFRGGZDFMZTWQ2LK" account="a" issuer="b" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
    });
    expect(writeText).toHaveBeenCalled();
    await waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).toMatch(/could not copy/i));
  });
});

function CodeHarness({ errorId }: { errorId?: string }) {
  const [value, setValue] = useState('');
  return (
    <>
      <CodeInput id="c" value={value} onValue={setValue} errorId={errorId ?? null} />
      <output data-testid="value">{value}</output>
      {errorId ? <p id={errorId}>Wrong</p> : null}
    </>
  );
}

describe('CodeInput', () => {
  it('is labelled "6-digit code" with numeric keyboard and one-time-code autofill', () => {
    render(<CodeHarness />);
    const input = screen.getByLabelText('6-digit code') as HTMLInputElement;
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('pattern')).toBe('[0-9]{6}');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(input.getAttribute('aria-describedby')).toBe('c-hint');
  });

  it('keeps only digits when typing', () => {
    render(<CodeHarness />);
    const input = screen.getByLabelText('6-digit code') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '12a 3' } });
    expect(input.value).toBe('123');
    expect(screen.getByTestId('value').textContent).toBe('123');
    // Inserted with spaces (autofill, drag and drop): all six digits survive; a seventh is dropped.
    fireEvent.input(input, { target: { value: '123 456' } });
    expect(input.value).toBe('123456');
    fireEvent.input(input, { target: { value: '1234567' } });
    expect(input.value).toBe('123456');
  });

  it('accepts a pasted code with spaces', () => {
    render(<CodeHarness />);
    const input = screen.getByLabelText('6-digit code') as HTMLInputElement;
    const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
    event.clipboardData = { getData: () => ' 123 456 ' };
    fireEvent(input, event);
    expect(event.defaultPrevented).toBe(true);
    expect(screen.getByTestId('value').textContent).toBe('123456');
  });

  it('points at the error text and marks itself invalid after a failure', () => {
    render(<CodeHarness errorId="err" />);
    const input = screen.getByLabelText('6-digit code');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('err c-hint');
  });
});

describe('Countdown', () => {
  it('counts down each second and calls onDone once at zero', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const onDone = vi.fn();
    render(<Countdown until={1_000_000 + 42_000} label="Try again in" onDone={onDone} />);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('0:42');
    await act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(timer.textContent).toBe('0:32');
    expect(onDone).not.toHaveBeenCalled();
    await act(() => {
      vi.advanceTimersByTime(40_000);
    });
    expect(timer.textContent).toBe('0:00');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it.each([[0, '0:00'], [59, '0:59'], [60, '1:00'], [125, '2:05']])('formats %i s as %s', (s, out) => expect(formatSeconds(s)).toBe(out));
});

describe('ConfirmDialog', () => {
  it('puts Cancel, quiet, on the left and the action on the right (danger by default, primary on request)', () => {
    const { rerender } = render(<ConfirmDialog title="T" confirmLabel="Go" onConfirm={vi.fn()} onCancel={vi.fn()}>x</ConfirmDialog>);
    const buttons = () => [...screen.getByRole('dialog').querySelectorAll('.dialog-actions button')].map((b) => [b.textContent, b.className]);
    expect(buttons()).toEqual([['Cancel', 'quiet'], ['Go', 'danger']]);
    rerender(<ConfirmDialog title="T" confirmLabel="Go" tone="primary" onConfirm={vi.fn()} onCancel={vi.fn()}>x</ConfirmDialog>);
    expect(buttons()).toEqual([['Cancel', 'quiet'], ['Go', 'primary']]);
  });

  it('opens modal with focus on Cancel; confirm and cancel call back', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <ConfirmDialog title="Make new codes?" confirmLabel="Make new codes" onConfirm={onConfirm} onCancel={onCancel}>
        <p>Old codes stop working.</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Make new codes?' });
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Make new codes' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('Escape cancels, but not while busy', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<ConfirmDialog title="T" confirmLabel="Go" onConfirm={vi.fn()} onCancel={onCancel}>x</ConfirmDialog>);
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<ConfirmDialog title="T" confirmLabel="Go" busy onConfirm={vi.fn()} onCancel={onCancel}>x</ConfirmDialog>);
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('BackupCodeList', () => {
  const codes = [
    { code: 'aZ3-_q', isUsed: false },
    { code: 'Kp09xQ', isUsed: true },
    { code: 'b7Yy2M', isUsed: false },
  ];
  const date = new Date(2026, 4, 7);
  let blobs: Blob[];
  beforeEach(() => {
    blobs = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });

  it('shows the codes as a grid of monospace chips without ordinals, used ones struck through with words, and the count as a chip', () => {
    render(<BackupCodeList codes={codes} host="portal.example.com" date={date} />);
    expect(screen.getByText('2 codes left').className).toBe('count-chip ok');
    const list = screen.getByRole('list', { name: 'Backup codes' });
    // No ordinals: an unordered grid ("4. -5-v0a" read as punctuation).
    expect(list.tagName).toBe('UL');
    expect(list.className).toBe('code-grid mono');
    const items = [...list.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['aZ3-_q', 'Kp09xQ (used)', 'b7Yy2M']);
    const used = list.querySelector('li.used')!;
    expect(used.querySelector('s')?.textContent).toBe('Kp09xQ');
    expect(used.querySelector('.visually-hidden')?.textContent).toBe(' (used)');
    // Copy, Download and Print as one labelled group, each with an icon.
    const toolbar = screen.getByRole('group', { name: 'Save your backup codes' });
    expect([...toolbar.querySelectorAll('button')].map((b) => [b.textContent, Boolean(b.querySelector('svg'))])).toEqual([
      ['Copy all', true], ['Download .txt', true], ['Print', true],
    ]);
  });

  it.each([
    [[{ code: 'a', isUsed: false }, { code: 'b', isUsed: true }], 'low', '1 code left, the last one'],
    [[{ code: 'a', isUsed: true }], 'none', 'No codes left'],
  ])('the count chip turns amber at one and red at none, in words and with an icon (%#)', (list, tone, text) => {
    render(<BackupCodeList codes={list} host="portal.example.com" date={date} />);
    const chip = screen.getByText(text);
    expect(chip.className).toBe(`count-chip ${tone}`);
    expect(chip.querySelector('svg')).toBeTruthy();
  });

  it('downloads a .txt named after the portal and date through a Blob and <a download>', async () => {
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    render(<BackupCodeList codes={codes} host="portal.example.com" date={date} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download .txt' }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('backup-codes-portal.example.com-2026-05-07.txt');
    expect(clicked[0]!.href).toBe('blob:test/1');
    const text = await blobs[0]!.text();
    expect(text).toContain('Backup codes for portal.example.com');
    expect(text).toContain(' 2. Kp09xQ  (used)');
    expect(screen.getByText('Saved as backup-codes-portal.example.com-2026-05-07.txt')).toBeTruthy();
    // The temporary link is gone again.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('prints through window.print (no pop-up) with a print-only sheet', () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    window.print = print;
    const open = vi.spyOn(window, 'open');
    render(<BackupCodeList codes={codes} host="portal.example.com" date={date} />);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    const sheet = document.querySelector('.print-sheet')!;
    expect(sheet.textContent).toContain('Backup codes for portal.example.com');
    expect(sheet.textContent).toContain('Kp09xQ (used)');
  });

  it('copies the unused codes', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<BackupCodeList codes={codes} host="portal.example.com" date={date} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
    });
    expect(writeText).toHaveBeenCalledWith('aZ3-_q\nb7Yy2M');
  });
});
