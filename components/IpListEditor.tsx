import { useId } from 'preact/hooks';
import type { TrustedIpList } from '../lib/tfa/trusted-ips';
import { policy as t } from '../lib/i18n/policy';
import './policy.css';

interface Props {
  text: string;
  /** The parse of `text` (the editor and the save button share it). */
  list: TrustedIpList;
  onText: (text: string) => void;
  readOnly?: boolean;
}

/**
 * Trusted IPs, one per line. Invalid lines are listed by number with the reason and
 * mark the field invalid; duplicates are announced and dropped on save.
 */
export function IpListEditor({ text, list, onText, readOnly = false }: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorsId = `${id}-errors`;
  const statusId = `${id}-status`;
  const invalid = list.invalid.length > 0;

  if (readOnly) {
    return (
      <div class="ip-editor">
        <h3 class="field-label">{t.trustedIpsLabel}</h3>
        {list.values.length ? (
          <ul class="ip-list mono">
            {list.values.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t.trustedIpsNone}</p>
        )}
      </div>
    );
  }

  return (
    <div class="ip-editor">
      <label class="field-label" for={id}>
        {t.trustedIpsLabel}
      </label>
      <p id={helpId} class="muted hint">
        {t.trustedIpsHelp}
      </p>
      <textarea
        id={id}
        class="mono"
        rows={Math.min(Math.max(text.split('\n').length + 1, 4), 14)}
        spellcheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={invalid ? 'true' : 'false'}
        aria-describedby={`${helpId} ${statusId} ${errorsId}`}
        onInput={(e) => onText(e.currentTarget.value)}
      />
      <ul id={errorsId} class="ip-errors" aria-live="polite">
        {list.invalid.map((l) => (
          <li key={`${l.line}-${l.input}`} class="error-text">
            {t.ipLineError(l.line, l.input, l.result.ok ? '' : t.ipProblem[l.result.problem])}
          </li>
        ))}
      </ul>
      <p id={statusId} class="muted hint" role="status">
        {[
          invalid ? t.ipInvalidCount(list.invalid.length) : '',
          list.values.length ? t.ipValidCount(list.values.length) : '',
          list.duplicates.length ? t.ipDuplicates(list.duplicates.length) : '',
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
    </div>
  );
}
