import type { Ref } from 'preact';
import { enrolment as t } from '../i18n/enrolment';
import './enrolment.css';

interface Props {
  id: string;
  value: string;
  onValue: (digits: string) => void;
  /** Id of the element describing the last failure; marks the field invalid. */
  errorId?: string | null;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

const digitsOf = (text: string) => text.replace(/\D/g, '').slice(0, 6);

/**
 * The 6-digit code field: numeric keyboard, one-time-code autofill, paste with spaces.
 * No `maxLength`: browsers cut inserted text ("123 456" from autofill, drag and drop or
 * a password manager) to "123 45" before any handler sees it; the handler keeps six digits.
 */
export function CodeInput({ id, value, onValue, errorId, disabled, inputRef }: Props) {
  const hintId = `${id}-hint`;
  return (
    <div class="code-input">
      <label for={id}>{t.codeLabel}</label>
      <input
        ref={inputRef}
        id={id}
        name="code"
        class="mono"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        spellcheck={false}
        value={value}
        disabled={disabled}
        aria-invalid={errorId ? 'true' : 'false'}
        aria-describedby={errorId ? `${errorId} ${hintId}` : hintId}
        onPaste={(e) => {
          // Replace rather than insert: a pasted code is the whole code.
          const pasted = e.clipboardData?.getData('text');
          if (!pasted) return;
          e.preventDefault();
          onValue(digitsOf(pasted));
        }}
        onInput={(e) => {
          const digits = digitsOf(e.currentTarget.value);
          if (e.currentTarget.value !== digits) e.currentTarget.value = digits;
          onValue(digits);
        }}
      />
      <p id={hintId} class="muted hint">
        {t.codeHint}
      </p>
    </div>
  );
}
