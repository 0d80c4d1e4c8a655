import { useEffect, useId, useState } from 'preact/hooks';
import type { MfaSettings } from '../../lib/protocol';
import { navixy as t } from '../../lib/i18n/navixy';
import { settingsText } from './NavixySummary';

interface Props {
  current: MfaSettings | null;
  busy: boolean;
  onSave: (settings: MfaSettings) => void;
}

/** The panel's default MFA setting for newly created users: allowed with e-mail codes, or disallowed. */
export function NavixyDefaultForm({ current, busy, onSave }: Props) {
  const id = useId();
  const [choice, setChoice] = useState<'allowed' | 'disallowed'>(current?.type ?? 'disallowed');
  useEffect(() => setChoice(current?.type ?? 'disallowed'), [current]);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.defaults.heading}</h2>
      <p>{t.defaults.current(settingsText(current))}</p>
      <fieldset class="method-choice" disabled={busy}>
        <legend>{t.defaults.legend}</legend>
        {(['allowed', 'disallowed'] as const).map((value) => (
          <div class="radio-row" key={value}>
            <input type="radio" id={`${id}-${value}`} name={`${id}-default`} checked={choice === value} onChange={() => setChoice(value)} />
            <label for={`${id}-${value}`}>{value === 'allowed' ? t.defaults.allow : t.defaults.disallow}</label>
          </div>
        ))}
      </fieldset>
      <div class="navixy-toolbar">
        <button type="button" class="primary" disabled={busy} onClick={() => onSave(choice === 'allowed' ? { type: 'allowed', factor_types: ['email'] } : { type: 'disallowed' })}>
          {busy ? t.defaults.saving : t.defaults.save}
        </button>
      </div>
    </section>
  );
}
