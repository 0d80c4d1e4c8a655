import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AppError } from '../../../errors';
import type { Consequence } from '../tfa/policy-diff';
import { policy as t } from '../i18n/policy';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import './policy.css';

interface Props {
  /** The change in words ("Adds 10.0.0.1 to trusted IPs and enables the authenticator app."). */
  changes: string;
  consequences: Consequence[];
  /** Trusted entries (as typed) that cover a large part of the Internet: saving waits for the admin's confirmation. */
  hugeEntries?: string[];
  busy: boolean;
  error: AppError | null;
  onBack: () => void;
  /** `hugeConfirmed`: huge entries were listed and the admin confirmed them (the save carries it to the background). */
  onSave: (hugeConfirmed: boolean) => void;
  /** Issue 26: the save's impact on people (PolicyImpact), shown after the consequences. */
  children?: ComponentChildren;
}

const SERIOUS = new Set<Consequence>(['signsOutEveryone', 'listsCleared', 'youEnrolNow', 'youEnrolOrConfirm']);

/** Review before save: what changes and what happens next (who is signed out, what the admin must do). */
export function PolicyReview({ changes, consequences, hugeEntries = [], busy, error, onBack, onSave, children }: Props) {
  const id = useId();
  const [hugeAccepted, setHugeAccepted] = useState(false);
  const blocked = hugeEntries.length > 0 && !hugeAccepted;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section class="policy-review" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1} class="view-heading">
        {t.reviewHeading}
      </h3>
      <h4>{t.changesHeading}</h4>
      <p class="diff-words">{changes}</p>
      <h4>{t.consequencesHeading}</h4>
      <ul class="consequences">
        {consequences.map((c) => (
          <li key={c} class={SERIOUS.has(c) ? 'warn-text' : undefined}>
            {t.consequence[c]}
          </li>
        ))}
      </ul>
      {children}
      {hugeEntries.length ? (
        <div class="notice warn" role="group" aria-labelledby={`${id}-huge`}>
          <h4 id={`${id}-huge`}>{t.hugeHeading}</h4>
          <ul class="ip-list mono">
            {hugeEntries.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <label class="check">
            <input type="checkbox" checked={hugeAccepted} disabled={busy} onChange={(e) => setHugeAccepted(e.currentTarget.checked)} />
            {t.hugeConfirm}
          </label>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div class="form-actions">
        <button type="button" onClick={onBack} disabled={busy}>
          {t.back}
        </button>
        <button type="button" class="primary" onClick={() => onSave(hugeEntries.length > 0 && hugeAccepted)} disabled={busy || blocked} aria-busy={busy ? 'true' : 'false'}>
          {busy ? t.saving : t.save}
        </button>
      </div>
      <p class="muted hint" role="status">
        {busy ? t.saving : ''}
      </p>
    </section>
  );
}
