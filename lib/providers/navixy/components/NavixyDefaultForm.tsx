import { useEffect, useId, useState } from 'preact/hooks';
import type { HeldSettings, MfaSettings } from '../protocol';
import { navixy as t } from '../i18n';
import { allowSettingsFrom } from '../users';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { settingsText } from './NavixySummary';
import { SettingsPill } from './SettingsPill';
import { IconWarning } from '../../../../components/icons';
import '../../../../components/forms.css';
import { panelErrorText } from '../messages';

interface Props {
  host: string;
  current: HeldSettings | null;
  busy: boolean;
  /** `users: update`: without it the form is shown disabled, with the reason. */
  canUpdate: boolean;
  onSave: (settings: MfaSettings, applyToAll: boolean) => void;
}

/**
 * The panel's default MFA setting, worded as the spec defines it (users with no setting of
 * their own follow it). Saving always asks first; "apply to all users" writes the same settings
 * to every user in the same confirmed step, as Navixy's own panel does. Allowing keeps the factor
 * types the panel already allows, including ones this version does not know.
 */
function allowedFactors(current: HeldSettings | null): string[] {
  const s = allowSettingsFrom(current);
  return s?.type === 'allowed' ? s.factor_types : current?.type === 'allowed' ? current.factor_types : [];
}

export function NavixyDefaultForm({ host, current, busy, canUpdate, onSave }: Props) {
  const id = useId();
  const [choice, setChoice] = useState<'allowed' | 'disallowed'>(current?.type ?? 'disallowed');
  const [applyToAll, setApplyToAll] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setChoice(current?.type ?? 'disallowed'), [current]);
  useEffect(() => {
    if (!busy) setConfirming(false);
  }, [busy]);
  // Null: the default holds a factor type the extension cannot read; "allow" is not offered, so it is never dropped.
  const allowed = allowSettingsFrom(current);
  const next: MfaSettings | null = choice === 'allowed' ? allowed : { type: 'disallowed' };
  return (
    <section aria-labelledby={`${id}-h`} class="navixy-card">
      <div class="heading-row">
        <h2 id={`${id}-h`}>{t.defaults.heading}</h2>
        <SettingsPill settings={current} label={t.defaults.current} />
      </div>
      <p>{t.defaults.explain}</p>
      {!canUpdate ? <p class="muted" data-field="navixy-read-only">{t.defaults.readOnly}</p> : null}
      {!allowed ? <p class="muted" data-field="navixy-unreadable">{panelErrorText.unreadableFactors(host).message}</p> : null}
      <fieldset class="form-card" disabled={busy || !canUpdate}>
        <legend>{t.defaults.legend}</legend>
        {(['allowed', 'disallowed'] as const).map((value) => (
          <div class="radio-row" key={value}>
            <input
              type="radio" id={`${id}-${value}`} name={`${id}-default`} checked={choice === value}
              disabled={value === 'allowed' && !allowed} onChange={() => setChoice(value)}
            />
            <label for={`${id}-${value}`}>{value === 'allowed' ? t.defaults.allow(allowedFactors(current)) : t.defaults.disallow}</label>
          </div>
        ))}
      </fieldset>
      {/* Not a third choice: it writes every user, so it sits under the choices, with a warning tone. */}
      <div class="check-row warn">
        <input type="checkbox" id={`${id}-all`} checked={applyToAll} disabled={busy || !canUpdate} onChange={(e) => setApplyToAll(e.currentTarget.checked)} />
        <label for={`${id}-all`}>{t.defaults.applyToAll}</label>
        <IconWarning aria-hidden="true" />
      </div>
      <div class="navixy-toolbar">
        <button type="button" class="primary" disabled={busy || !canUpdate || !next} onClick={() => setConfirming(true)}>
          {busy ? t.defaults.saving : t.defaults.save}
        </button>
      </div>
      {confirming && next ? (
        <ConfirmDialog
          title={t.defaults.confirmTitle}
          confirmLabel={t.defaults.confirm(applyToAll)}
          busyLabel={t.defaults.saving}
          busy={busy}
          onConfirm={() => onSave(next, applyToAll)}
          onCancel={() => setConfirming(false)}
        >
          <p>{t.defaults.confirmBody(settingsText(next), host, applyToAll)}</p>
          {applyToAll ? <p data-field="navixy-all-scope">{t.users.allScope}</p> : null}
          {busy ? <p role="status" data-field="navixy-long-wait">{t.users.longWait}</p> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
