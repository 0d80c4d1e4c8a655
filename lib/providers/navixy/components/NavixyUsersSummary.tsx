import type { NavixyStatus, NavixyUserList } from '../protocol';
import { navixy as t } from '../i18n';
import { countOf } from './NavixySummary';

/**
 * How many users have MFA allowed: counted here over a whole list; for a dealer searched on the
 * panel, the last whole count with its time and a button to count again. Never over a partial list.
 */
export function UsersSummary({ list, status, counting, onCount }: { list: NavixyUserList; status: NavixyStatus; counting: boolean; onCount: () => void }) {
  if (list.mode === 'whole') {
    if (list.users.length < list.count) return <p class="warn-text" data-field="navixy-incomplete">{t.users.incomplete(list.users.length, list.count)}</p>;
    return <p data-field="navixy-summary">{t.users.summary(list.users.filter((u) => u.mfaAllowed).length, list.count)}</p>;
  }
  const counted = countOf(status);
  return (
    <>
      <p data-field="navixy-server-mode">{t.users.serverMode(list.count)}</p>
      <p data-field="navixy-summary">
        {counted ? `${t.users.summary(counted.allowed, counted.total)} ${t.users.countedAgo(counted.at)}` : t.users.notCounted}{' '}
        <button type="button" disabled={counting} onClick={onCount}>{counting ? t.users.counting : t.users.countNow}</button>
      </p>
    </>
  );
}
