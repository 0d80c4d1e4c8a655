import { useEffect, useRef } from 'preact/hooks';
import type { NavixyStatus, NavixyUserList } from '../protocol';
import { navixy as t } from '../i18n';
import { countOf } from './NavixySummary';
import type { NavixyCount } from '../views/useNavixyCount';

/**
 * How many users have MFA allowed: counted here over a whole list; for a dealer searched on the
 * panel, the last whole count with its time and a button to count again (with Cancel and progress
 * while it runs, and what was read when it stopped early). Never over a partial list.
 */
export function UsersSummary({ list, status, count }: { list: NavixyUserList; status: NavixyStatus; count: NavixyCount }) {
  const countButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasCounting = useRef(false);
  // Focus follows the button that replaces the one pressed: Cancel while counting, Count after.
  useEffect(() => {
    const active = document.activeElement;
    if (count.counting && (active === countButton.current || active === document.body)) cancelButton.current?.focus();
    if (!count.counting && wasCounting.current && (active === cancelButton.current || active === document.body || active === null)) countButton.current?.focus();
    wasCounting.current = count.counting;
  }, [count.counting]);
  if (list.mode === 'whole') {
    if (list.users.length < list.count) return <p class="warn-text" data-field="navixy-incomplete">{t.users.incomplete(list.users.length, list.count)}</p>;
    return <p data-field="navixy-summary">{t.users.summary(list.users.filter((u) => u.mfaAllowed).length, list.count)}</p>;
  }
  const counted = countOf(status);
  const { stopped, progress } = count;
  return (
    <>
      <p data-field="navixy-server-mode">{t.users.serverMode(list.count)}</p>
      <p data-field="navixy-summary">
        {counted ? `${t.users.summary(counted.allowed, counted.total)} ${t.users.countedAgo(counted.at)}` : t.users.notCounted}{' '}
        {count.counting ? (
          <>
            <span data-field="navixy-count-progress">{progress ? t.users.countProgress(progress.read, progress.total) : t.users.counting}</span>{' '}
            <button type="button" ref={cancelButton} onClick={count.cancel}>{t.users.cancelCount}</button>
          </>
        ) : <button type="button" ref={countButton} onClick={count.start}>{t.users.countNow}</button>}
      </p>
      <p role="status" class="warn-text" data-field="navixy-count-stopped">
        {stopped ? t.users.countStopped(stopped.reason, stopped.read, stopped.total, stopped.limit) : ''}
      </p>
    </>
  );
}
