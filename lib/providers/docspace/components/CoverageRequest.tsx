import { useState } from 'preact/hooks';
import type { CoveragePerson } from '../coverage/types';
import { coverageText as t } from '../i18n/coverage';

/**
 * An admin who is not the owner cannot reset anyone: a plain request naming the portal and each selected person,
 * copied as is (names and e-mails are not secrets: not through the secret clipboard guard) and shown read-only too.
 */
export function CoverageRequest({ host, people }: { host: string; people: readonly CoveragePerson[] }) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);

  const copy = async () => {
    const request = t.request(host, people);
    setShown(true);
    try {
      await navigator.clipboard.writeText(request);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div class="coverage-request">
      <p aria-live="polite">{t.selected(people.length)}</p>
      <button type="button" disabled={people.length === 0} onClick={() => void copy()}>{t.copyRequest}</button>
      <p role="status" class={copied === null ? 'visually-hidden' : copied ? 'notice ok' : 'notice warn'}>
        {copied === null ? '' : copied ? t.requestCopied : t.requestCopyFailed}
      </p>
      {shown ? (
        <div>
          <label for="coverage-request-text">{t.requestLabel}</label>
          <textarea id="coverage-request-text" readOnly rows={Math.min(12, people.length + 4)} value={t.request(host, people)} />
        </div>
      ) : null}
    </div>
  );
}
