import type { HeldSettings, NavixyStatus } from '../protocol';
import { navixyPopup as t } from '../i18n/popup';

/** The panel's MFA default in words. */
export function settingsText(s: HeldSettings | null): string {
  if (!s) return t.settings.none;
  return s.type === 'allowed' ? t.settings.allowed(s.factor_types, s.unreadable === true) : t.settings.disallowed;
}

/** The last count of users with MFA allowed, taken over the whole list; null when none was taken. */
export function countOf(status: Pick<NavixyStatus, 'mfaAllowed' | 'countedTotal' | 'countedAt'>): { allowed: number; total: number; at: number } | null {
  const { mfaAllowed: allowed, countedTotal: total, countedAt: at } = status;
  return allowed === null || total === null || at === null ? null : { allowed, total, at };
}

/** "51 of 250 users (counted 2 hours ago)": a count is only ever one taken over the whole list. */
export function allowedText(status: Pick<NavixyStatus, 'mfaAllowed' | 'countedTotal' | 'countedAt' | 'checkedAt'>): string {
  const counted = countOf(status);
  if (!counted) return t.popup.notCounted;
  const count = t.popup.allowedCount(counted.allowed, counted.total);
  return counted.at >= status.checkedAt - 1_000 ? count : `${count} · ${t.popup.countedAgo(counted.at)}`;
}

/** The popup's view of a Navixy panel: who is signed in, the default, how many users have MFA allowed, what this operator may do. */
export function NavixySummary({ status }: { status: NavixyStatus }) {
  return (
    <div class="status-card">
      {status.login ? <p>{t.popup.signedInAs(status.login)}</p> : null}
      {status.canRead ? (
        <dl>
          <dt>{t.popup.defaultLabel}</dt>
          <dd data-field="navixy-default">{settingsText(status.defaultSettings)}</dd>
          <dt>{t.popup.allowedLabel}</dt>
          <dd data-field="navixy-allowed">{allowedText(status)}</dd>
        </dl>
      ) : (
        <p data-field="navixy-no-read">{t.popup.noRead}</p>
      )}
      {status.canRead && !status.canUpdate ? <p class="muted" data-field="navixy-read-only">{t.popup.readOnly}</p> : null}
      {status.sessionEndsAt ? <p class="muted">{t.popup.sessionEnds(status.sessionEndsAt)}</p> : null}
    </div>
  );
}
