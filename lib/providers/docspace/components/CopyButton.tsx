import { useEffect, useRef, useState } from 'preact/hooks';
import { common } from '../../../i18n/common';
import { copyText } from '../i18n/enrolment';
import { clipboardMessage, offersClear, useClipboardGuard } from './ClipboardNotice';
import { IconCopy } from '../../../../components/icons';

interface Props {
  /** What goes to the clipboard (a secret: setup key, backup codes). */
  text: string;
  label?: string;
  /** What was copied, said after copying ("Setup key copied."). */
  copied?: string;
  class?: string;
  /** An icon button named by `label` (inside a field). */
  iconOnly?: boolean;
  /** The copy icon before the label. */
  withIcon?: boolean;
}

/**
 * Copies a secret through the page's clipboard guard (clipboard-guard.ts: when the clipboard is cleared, and why
 * only then) and says what was copied, in a live region that is always in the DOM. The guard keeps the timer: when
 * this button leaves the page, the page-level notice (ClipboardNotice) goes on saying it.
 */
export function CopyButton({ text, label = common.copy, copied = common.copied, class: className, iconOnly = false, withIcon = false }: Props) {
  const [guard, state] = useClipboardGuard();
  /** This button, as the guard knows the owner of a copy. */
  const self = useRef({}).current;
  const [failed, setFailed] = useState(false);
  useEffect(() => () => guard.release(self), [guard]);

  const handleClick = async () => {
    setFailed(false);
    if (!(await guard.copy(text, copied, self))) setFailed(true);
  };

  const mine = state.kind !== 'none' && state.owner === self;
  const message = failed ? copyText.failed : mine ? clipboardMessage(state, false) : '';
  return (
    <span class="copy-button">
      {iconOnly ? (
        <button type="button" class={['icon-button', className].filter(Boolean).join(' ')} aria-label={label} title={label} onClick={() => void handleClick()}>
          <IconCopy size={18} aria-hidden="true" />
        </button>
      ) : (
        <button type="button" class={className} onClick={() => void handleClick()}>
          {withIcon ? <IconCopy size={16} aria-hidden="true" /> : null}
          {label}
        </button>
      )}
      <span role="status" class="copy-status">
        {message}
      </span>
      {!failed && mine && offersClear(state) ? (
        <button type="button" class="link" onClick={() => void guard.clearNow()}>
          {copyText.clear}
        </button>
      ) : null}
    </span>
  );
}
