import type { MfaSettings, NavixyStatus } from '../../lib/protocol';
import { navixy as t } from '../../lib/i18n/navixy';

/** The panel's MFA default in words. */
export function settingsText(s: MfaSettings | null): string {
  if (!s) return t.settings.none;
  return s.type === 'allowed' ? t.settings.allowed(s.factor_types) : t.settings.disallowed;
}

/** The popup's view of a Navixy panel: who is signed in, the default for new users, how many users have MFA allowed. */
export function NavixySummary({ status }: { status: NavixyStatus }) {
  return (
    <div class="status-card">
      {status.login ? <p>{t.popup.signedInAs(status.login)}</p> : null}
      <dl>
        <dt>{t.popup.defaultLabel}</dt>
        <dd data-field="navixy-default">{settingsText(status.defaultSettings)}</dd>
        <dt>{t.popup.allowedLabel}</dt>
        <dd data-field="navixy-allowed">{status.mfaAllowed !== null && status.usersTotal !== null ? t.popup.allowedCount(status.mfaAllowed, status.usersTotal) : '–'}</dd>
      </dl>
    </div>
  );
}
