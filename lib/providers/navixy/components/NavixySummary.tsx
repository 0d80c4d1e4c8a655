import type { NavixyStatus } from '../protocol';
import { navixyPopup as t, settingsText } from '../i18n/popup';

/** The panel's MFA default in words (kept in ../i18n/popup.ts, which the background's overview uses too). */
export { settingsText };
import { IconOff, IconOn } from '../../../../components/icons';
import './navixy-popup.css';

/** The last count of users with MFA allowed, taken over the whole list; null when none was taken. */
export function countOf(status: Pick<NavixyStatus, 'mfaAllowed' | 'countedTotal' | 'countedAt'>): { allowed: number; total: number; at: number } | null {
  const { mfaAllowed: allowed, countedTotal: total, countedAt: at } = status;
  return allowed === null || total === null || at === null ? null : { allowed, total, at };
}

/** "51 of 250 users with MFA allowed · counted 2 hours ago": a count is only ever one taken over the whole list. */
export function allowedText(status: Pick<NavixyStatus, 'mfaAllowed' | 'countedTotal' | 'countedAt' | 'checkedAt'>): string {
  const counted = countOf(status);
  if (!counted) return t.popup.notCounted;
  const count = t.popup.allowedLine(counted.allowed, counted.total);
  return counted.at >= status.checkedAt - 1_000 ? count : `${count} · ${t.popup.countedAgo(counted.at)}`;
}

/**
 * The popup's view of a Navixy panel, answer first: a status line with its icon and words (the default: "Default MFA:
 * Disallowed"), how many users have MFA allowed under it, then what this operator may not do and who is signed in.
 */
export function NavixySummary({ status }: { status: NavixyStatus }) {
  const tone = status.defaultSettings?.type === 'allowed' ? 'ok' : 'off';
  const Icon = tone === 'ok' ? IconOn : IconOff;
  return (
    <div class="status-card navixy-status">
      {status.canRead ? (
        <div class={`navixy-status-line ${tone}`} data-field="navixy-status" data-tone={tone}>
          <Icon aria-hidden="true" />
          <div>
            <p class="navixy-headline" data-field="navixy-default">{t.popup.defaultStatus(settingsText(status.defaultSettings))}</p>
            <p data-field="navixy-allowed">{allowedText(status)}</p>
          </div>
        </div>
      ) : (
        <p data-field="navixy-no-read">{t.popup.noRead}</p>
      )}
      {status.canRead && !status.canUpdate ? <p class="muted" data-field="navixy-read-only">{t.popup.readOnly}</p> : null}
      {status.login ? <p class="muted navixy-account-line">{t.popup.signedInAs(status.login)}</p> : null}
      {status.sessionEndsAt ? <p class="muted navixy-account-line">{t.popup.sessionEnds(status.sessionEndsAt)}</p> : null}
    </div>
  );
}
