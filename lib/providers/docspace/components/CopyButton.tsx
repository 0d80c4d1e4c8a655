import { useEffect, useRef, useState } from 'preact/hooks';
import { common } from '../../../i18n/common';
import { copyText } from '../i18n/enrolment';

interface Props {
  /** What goes to the clipboard. */
  text: string;
  label?: string;
  class?: string;
}

/** Copies text and says so in a live region that is always in the DOM. */
export function CopyButton({ text, label = common.copy, class: className }: Props) {
  const [said, setSaid] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const handleClick = async () => {
    let copied: boolean;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = false;
    }
    setSaid(copied ? common.copied : copyText.failed);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSaid(''), 4000);
  };

  return (
    <span class="copy-button">
      <button type="button" class={className} onClick={handleClick}>
        {label}
      </button>
      <span role="status" class="copy-status">
        {said}
      </span>
    </span>
  );
}
