import { useCallback, useEffect, useState } from 'preact/hooks';
import { call } from '../../../lib/client';
import type { AppError } from '../../../lib/errors';
import type { MfaSettings, NavixyStatus, NavixyUserRow } from '../../../lib/protocol';
import { hostOf } from '../../../lib/portal/origin';
import { isSessionError } from '../../../lib/navixy/errors';
import { batchesOf } from '../../../lib/navixy/users';
import { MAX_IDS_PER_UPDATE } from '../../../lib/navixy/schemas';
import { navixy as t } from '../../../lib/i18n/navixy';
import { common } from '../../../lib/i18n/common';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { NavixySignInForm } from '../../../components/navixy/NavixySignInForm';
import { NavixyDefaultForm } from '../../../components/navixy/NavixyDefaultForm';
import { settingsText } from '../../../components/navixy/NavixySummary';
import { NavixyUserTable } from '../../../components/navixy/NavixyUserTable';
import { BatchProgress, type Progress } from '../../../components/navixy/BatchProgress';
import '../../../components/navixy/navixy.css';

const ALLOW: MfaSettings = { type: 'allowed', factor_types: ['email'] };
const DISALLOW: MfaSettings = { type: 'disallowed' };

type State =
  | { status: 'loading' }
  | { status: 'ready'; data: NavixyStatus }
  | { status: 'error'; error: AppError };

/** A signed-in operator's workspace: the default for new users, and the users' MFA with bulk changes in batches. */
export function NavixyUsersView({ panel, onPanels }: { panel: string; onPanels: () => void }) {
  const host = hostOf(panel);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [users, setUsers] = useState<NavixyUserRow[] | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState('');
  const [confirmAll, setConfirmAll] = useState<boolean | null>(null);

  const loadUsers = useCallback(async () => {
    const r = await call<'listNavixyUsers'>({ type: 'listNavixyUsers', panel });
    if (!r.ok) {
      setActionError(r.error);
      if (isSessionError(r.error)) setState(signedOut);
      return null;
    }
    setUsers(r.value);
    return r.value;
  }, [panel]);

  /** Re-reads the list after a failed batch, keeping the failure on screen. */
  const refreshUsers = async () => {
    const r = await call<'listNavixyUsers'>({ type: 'listNavixyUsers', panel });
    if (r.ok) setUsers(r.value);
  };

  const load = useCallback(async () => {
    const r = await call<'getNavixyStatus'>({ type: 'getNavixyStatus', panel, refresh: true });
    if (!r.ok) {
      // A gone session is forgotten by the background: show why, with the sign-in form.
      if (isSessionError(r.error)) {
        setActionError(r.error);
        const again = await call<'getNavixyStatus'>({ type: 'getNavixyStatus', panel });
        if (again.ok) return setState({ status: 'ready', data: again.value });
      }
      return setState({ status: 'error', error: r.error });
    }
    setState({ status: 'ready', data: r.value });
    if (r.value.state === 'ready') await loadUsers();
  }, [panel, loadUsers]);
  useEffect(() => void load(), [load]);

  const signIn = async (login: string, password: string) => {
    setBusy(true);
    setActionError(null);
    const r = await call<'navixySignIn'>({ type: 'navixySignIn', panel, login, password });
    setBusy(false);
    if (!r.ok) return setActionError(r.error);
    setState({ status: 'ready', data: r.value });
    await loadUsers();
  };

  const signOut = async () => {
    await call<'navixySignOut'>({ type: 'navixySignOut', panel });
    setUsers(null);
    setSelected(new Set());
    setOutcome(t.signIn.signedOut);
    await load();
  };

  const failed = (error: AppError) => {
    setActionError(error);
    if (isSessionError(error)) setState(signedOut);
  };

  const saveDefault = async (settings: MfaSettings) => {
    setBusy(true);
    setActionError(null);
    setOutcome('');
    const r = await call<'setNavixyDefault'>({ type: 'setNavixyDefault', panel, settings });
    setBusy(false);
    if (!r.ok) return failed(r.error);
    if (state.status === 'ready') setState({ status: 'ready', data: { ...state.data, defaultSettings: r.value } });
    setOutcome(t.defaults.saved(settingsText(r.value)));
  };

  /** Sends the selection in batches of at most 100 ids, one after another; stops at the first error. */
  const applySelected = async (allow: boolean) => {
    const batches = batchesOf([...selected], MAX_IDS_PER_UPDATE);
    const total = batches.reduce((n, b) => n + b.length, 0);
    if (!total) return;
    setBusy(true);
    setActionError(null);
    setOutcome('');
    let done = 0;
    for (const [i, ids] of batches.entries()) {
      setProgress({ batch: i + 1, batches: batches.length, done, total });
      const r = await call<'updateNavixyMfa'>({ type: 'updateNavixyMfa', panel, target: { type: 'selected', ids }, settings: allow ? ALLOW : DISALLOW });
      if (!r.ok) {
        setBusy(false);
        setOutcome(t.users.partial(done, total));
        failed(r.error);
        if (!isSessionError(r.error)) await refreshUsers();
        return;
      }
      done += ids.length;
      setProgress({ batch: i + 1, batches: batches.length, done, total });
    }
    setBusy(false);
    await finish(t.users.doneSelected(allow, total, batches.length));
  };

  const applyAll = async (allow: boolean) => {
    setBusy(true);
    setActionError(null);
    setOutcome('');
    setProgress(null);
    const r = await call<'updateNavixyMfa'>({ type: 'updateNavixyMfa', panel, target: { type: 'all' }, settings: allow ? ALLOW : DISALLOW });
    setBusy(false);
    setConfirmAll(null);
    if (!r.ok) return failed(r.error);
    await finish(t.users.doneAll(allow));
  };

  /** Re-reads the users so the page shows what the panel now holds, not what was sent. */
  const finish = async (message: string) => {
    const fresh = await loadUsers();
    setSelected(new Set());
    setOutcome(fresh ? `${message} ${t.users.verified(fresh.filter((u) => u.mfaAllowed).length)}` : message);
  };

  if (state.status === 'loading') return <p>{common.loading}</p>;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={() => void load()} />;
  const { data } = state;
  if (data.state === 'noPermission') {
    return (
      <section>
        <p>{t.popup.noPermissionTitle(host)}</p>
        <button type="button" onClick={onPanels}>{t.popup.openPanels}</button>
      </section>
    );
  }
  if (data.state === 'signedOut') {
    return (
      <>
        <p role="status">{outcome}</p>
        {actionError ? <ErrorNotice error={actionError} /> : null}
        <NavixySignInForm host={host} busy={busy} onSubmit={(l, p) => void signIn(l, p)} />
      </>
    );
  }
  const allowedCount = users ? users.filter((u) => u.mfaAllowed).length : data.mfaAllowed ?? 0;
  return (
    <>
      <p>
        {t.popup.signedInAs(data.login ?? '')}{' '}
        <button type="button" class="link" onClick={() => void signOut()}>{t.signIn.signOut}</button>
      </p>
      {actionError ? <ErrorNotice error={actionError} /> : null}
      <p role="status">{outcome}</p>
      <NavixyDefaultForm current={data.defaultSettings} busy={busy} onSave={(s) => void saveDefault(s)} />
      <section aria-labelledby="navixy-users-h">
        <h2 id="navixy-users-h">{t.users.heading}</h2>
        {users === null ? <p>{common.loading}</p> : (
          <>
            <p>{t.users.summary(allowedCount, users.length)}</p>
            <div class="navixy-toolbar">
              <button type="button" class="primary" disabled={busy || selected.size === 0} onClick={() => void applySelected(true)}>{t.users.allowSelected}</button>
              <button type="button" disabled={busy || selected.size === 0} onClick={() => void applySelected(false)}>{t.users.disallowSelected}</button>
              <button type="button" disabled={busy} onClick={() => setConfirmAll(true)}>{t.users.allowAll}</button>
              <button type="button" class="danger" disabled={busy} onClick={() => setConfirmAll(false)}>{t.users.disallowAll}</button>
              <button type="button" disabled={busy} onClick={() => void loadUsers()}>{t.users.reload}</button>
            </div>
            <BatchProgress progress={progress} />
            <NavixyUserTable
              users={users}
              selected={selected}
              filter={filter}
              disabled={busy}
              onFilter={setFilter}
              onToggle={(id, checked) => setSelected((s) => toggled(s, [id], checked))}
              onToggleAll={(ids, checked) => setSelected((s) => toggled(s, ids, checked))}
            />
          </>
        )}
      </section>
      {confirmAll !== null ? (
        <ConfirmDialog
          title={t.users.confirmAllTitle(confirmAll)}
          confirmLabel={t.users.confirmAll(confirmAll)}
          busyLabel={t.users.applying}
          busy={busy}
          onConfirm={() => void applyAll(confirmAll)}
          onCancel={() => setConfirmAll(null)}
        >
          <p>{t.users.confirmAllBody(confirmAll, host)}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function toggled(s: ReadonlySet<number>, ids: number[], checked: boolean): Set<number> {
  const next = new Set(s);
  for (const id of ids) if (checked) next.add(id);
  else next.delete(id);
  return next;
}

/** The background forgot a session the panel refused (codes 3, 4): show the sign-in form. */
function signedOut(s: State): State {
  return s.status === 'ready' ? { status: 'ready', data: { ...s.data, state: 'signedOut', login: null } } : s;
}
