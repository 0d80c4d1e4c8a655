import '../error-text';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { NavixyStatus } from '../protocol';
import { hostOf } from '../../../portal/origin';
import { isSessionError } from '../session-error';
import type { PopupTarget } from '../../../ui';
import { openNavixyOptions } from './views';
import { navixyPopup as t } from '../i18n/popup';
import { PopupErrorNotice as ErrorNotice } from '../../../../components/lazy';
import { PopupSkeleton } from '../../../../components/PopupSkeleton';
import { PopupHeader } from '../../../../components/PopupHeader';
import { NavixySummary } from '../components/NavixySummary';

type View =
  | { status: 'loading' }
  | { status: 'ready'; data: NavixyStatus; refreshing: boolean }
  | { status: 'error'; error: AppError };

/** The popup for a Navixy Admin Panel the user added: default for new users and users with MFA allowed. */
export function NavixyPopup({ found }: { found: PopupTarget }) {
  const panel = found.origin ?? '';
  const [view, setView] = useState<View>({ status: 'loading' });

  const load = useCallback(async (refresh: boolean) => {
    const reply = await call<'getNavixyStatus'>({ type: 'getNavixyStatus', panel, refresh });
    if (!reply.ok) return setView({ status: 'error', error: reply.error });
    // Stale-while-revalidate, as for DocSpace portals.
    const stale = !refresh && reply.value.state === 'ready';
    setView({ status: 'ready', data: reply.value, refreshing: stale });
    if (stale) await load(true);
  }, [panel]);
  useEffect(() => void load(false), [load]);

  const host = hostOf(panel);
  const data = view.status === 'ready' ? view.data : null;
  const refreshing = view.status === 'loading' || (view.status === 'ready' && view.refreshing);
  /** The header's refresh: the panel read again, what is shown kept until the answer comes. */
  const refresh = () => {
    if (view.status === 'ready') setView({ ...view, refreshing: true });
    void load(true);
  };
  const signIn = <button type="button" class="primary" onClick={() => void openNavixyOptions('navixy', panel)}>{t.popup.signIn}</button>;
  return (
    <main aria-busy={view.status === 'loading' || (view.status === 'ready' && view.refreshing)}>
      <PopupHeader
        title={host} subtitle={t.providerName} onRefresh={refresh} refreshing={refreshing}
        onSettings={() => void openNavixyOptions(data?.state === 'ready' ? 'navixy' : 'navixy-panels', panel)}
      />
      <div role="status" class="visually-hidden">{view.status === 'loading' ? t.popup.loading : ''}</div>
      {view.status === 'loading' ? <PopupSkeleton label={t.popup.loading} /> : null}
      {view.status === 'error' ? (
        <>
          <ErrorNotice error={view.error} onRetry={() => void load(true)} />
          {isSessionError(view.error) ? signIn : null}
        </>
      ) : null}
      {data?.state === 'noPermission' ? (
        <section>
          <h2>{t.popup.noPermissionTitle(host)}</h2>
          <p>{t.popup.noPermissionBody}</p>
          <button type="button" class="primary" onClick={() => void openNavixyOptions('navixy-panels', panel)}>{t.popup.openPanels}</button>
        </section>
      ) : null}
      {data?.state === 'signedOut' ? (
        <section>
          <h2>{t.popup.signedOutTitle(host)}</h2>
          <p>{t.popup.signedOutBody}</p>
          {signIn}
        </section>
      ) : null}
      {data?.state === 'ready' ? (
        <>
          <NavixySummary status={data} />
          <div class="actions">
            <button type="button" class="primary" onClick={() => void openNavixyOptions('navixy', panel)}>{t.popup.manage}</button>
          </div>
        </>
      ) : null}
    </main>
  );
}
