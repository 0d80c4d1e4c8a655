import { useEffect, useRef, useState } from 'preact/hooks';
import { common } from '../../../i18n/common';
import { copyText } from '../i18n/enrolment';

/** A copied secret is taken off the clipboard after this long, when that is known to be safe (see below). */
export const CLIPBOARD_CLEAR_MS = 45_000;

interface Props {
  /** What goes to the clipboard (a secret: setup key, backup codes). */
  text: string;
  label?: string;
  /** What was copied, said after copying ("Setup key copied."). */
  copied?: string;
  class?: string;
}

type Said = { kind: 'none' } | { kind: 'copied' } | { kind: 'failed' } | { kind: 'cleared' } | { kind: 'mayRemain' };

/**
 * Copies a secret and says what was copied, in a live region that is always in the DOM. The extension cannot read
 * the clipboard (that needs the clipboardRead permission, which it does not ask for), so it cannot check that the
 * clipboard still holds the secret. It clears it after {@link CLIPBOARD_CLEAR_MS} only when nothing else can have
 * been copied meanwhile: this page kept the focus the whole time and nothing was copied on it. Otherwise it says
 * the clipboard may still hold the secret and offers to clear it.
 */
export function CopyButton({ text, label = common.copy, copied = common.copied, class: className }: Props) {
  const [said, setSaid] = useState<Said>({ kind: 'none' });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  /** Since our copy: the page lost focus, or something else was copied on it. */
  const disturbed = useRef(false);

  useEffect(() => {
    const onBlur = () => {
      disturbed.current = true;
    };
    const onCopy = () => {
      // Something else was copied on this page: the clipboard no longer holds our secret.
      disturbed.current = true;
      clearTimeout(timer.current);
      setSaid((s) => (s.kind === 'copied' || s.kind === 'mayRemain' ? { kind: 'none' } : s));
    };
    addEventListener('blur', onBlur);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    return () => {
      clearTimeout(timer.current);
      removeEventListener('blur', onBlur);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
    };
  }, []);

  const clear = async (): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText('');
      return true;
    } catch {
      return false;
    }
  };

  const handleClick = async () => {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      setSaid({ kind: 'failed' });
      return;
    }
    disturbed.current = !document.hasFocus();
    setSaid({ kind: 'copied' });
    timer.current = setTimeout(() => {
      void (async () => {
        if (!disturbed.current && document.hasFocus() && (await clear())) setSaid({ kind: 'cleared' });
        else setSaid({ kind: 'mayRemain' });
      })();
    }, CLIPBOARD_CLEAR_MS);
  };

  const clearNow = async () => {
    if (await clear()) setSaid({ kind: 'cleared' });
  };

  const message =
    said.kind === 'copied' ? `${copied} ${copyText.clearsSoon(CLIPBOARD_CLEAR_MS / 1000)}`
    : said.kind === 'failed' ? copyText.failed
    : said.kind === 'cleared' ? copyText.cleared
    : said.kind === 'mayRemain' ? `${copied} ${copyText.mayRemain}`
    : '';
  return (
    <span class="copy-button">
      <button type="button" class={className} onClick={() => void handleClick()}>
        {label}
      </button>
      <span role="status" class="copy-status">
        {message}
      </span>
      {said.kind === 'mayRemain' ? (
        <button type="button" class="link" onClick={() => void clearNow()}>
          {copyText.clear}
        </button>
      ) : null}
    </span>
  );
}
