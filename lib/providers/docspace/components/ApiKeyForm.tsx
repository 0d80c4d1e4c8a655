import { useId, useState } from 'preact/hooks';
import { signIn as t } from '../i18n/sign-in';

interface Props {
  busy: boolean;
  /** Shown open (a refused key: pasting a new one is one of the two ways on). */
  open?: boolean;
  /** A private window: the key is never saved on this device, so remembering is not offered. */
  privateWindow?: boolean;
  onSubmit: (key: string, remember: boolean) => void;
}

const KEY_PATTERN = /^sk-[0-9a-zA-Z]{8,200}$/;

/** Paste an API key; validated before it is sent. Remembering is an explicit opt-in. */
export function ApiKeyForm({ busy, open, privateWindow, onSubmit }: Props) {
  const id = useId();
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(false);
  const [touched, setTouched] = useState(false);
  const trimmed = key.trim();
  const invalid = touched && !KEY_PATTERN.test(trimmed);
  return (
    <details class="api-key" open={open}>
      <summary>{t.apiKeySummary}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (KEY_PATTERN.test(trimmed)) onSubmit(trimmed, remember && !privateWindow);
        }}
      >
        <label for={`${id}-key`}>{t.apiKeyLabel}</label>
        <input
          id={`${id}-key`} type="password" autoComplete="off" spellcheck={false} value={key}
          aria-invalid={invalid} aria-describedby={invalid ? `${id}-err` : undefined}
          onInput={(e) => setKey(e.currentTarget.value)} onBlur={() => setTouched(true)}
        />
        {invalid ? <p id={`${id}-err`} class="error-text">{t.apiKeyInvalid}</p> : null}
        {privateWindow ? (
          <p class="muted">{t.keyNotSaved}</p>
        ) : (
          <>
            <label class="check">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} /> {t.apiKeyRemember}
            </label>
            <p class="muted">{t.apiKeyRememberHint}</p>
          </>
        )}
        <button type="submit" class="primary" disabled={busy}>{t.apiKeySave}</button>
      </form>
    </details>
  );
}
