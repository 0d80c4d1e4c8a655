import '../error-text';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { MfaSettings, NavixyStatus, NavixyUserList } from '../protocol';
import { hostOf } from '../../../portal/origin';
import { isSessionError } from '../session-error';
import { navixy as t } from '../i18n';
import { common } from '../../../i18n/common';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { NavixySignInForm } from '../components/NavixySignInForm';
import { NavixyDefaultForm } from '../components/NavixyDefaultForm';
import { UsersSummary } from '../components/NavixyUsersSummary';
import { useNavixyCount } from './useNavixyCount';
import { FIRST_PAGE, ServerSearch, type Query } from '../components/NavixyServerSearch';
import { NavixyUserTable } from '../components/NavixyUserTable';
import { BatchProgress, type Progress } from '../components/BatchProgress';
import { AllUsersActions, SelectionBar } from '../components/NavixyBulkActions';
import { IconRefresh } from '../../../../components/icons';
import { navixyWrites } from './navixy-writes';
import '../components/navixy.css';

type State =
  | { status: 'loading' }
  | { status: 'ready'; data: NavixyStatus }
  | { status: 'error'; error: AppError };

/**
 * A signed-in operator's workspace: the default MFA setting, and the users' MFA with bulk changes
 * in batches. Only what the session's permissions allow is offered: without `users: read` no list
 * is asked for; without `users: update` the controls are shown disabled with the reason. Dealers
 * too large to load whole are searched, sorted and paged on the panel.
 */
export function NavixyUsersView({ panel, onPanels }: { panel: string; onPanels: () => void }) {
  const host = hostOf(panel);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [list, setList] = useState<NavixyUserList | null>(null);
  const [query, setQuery] = useState<Query>(FIRST_PAGE);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState('');
  const [confirmAll, setConfirmAll] = useState<boolean | null>(null);
  /** MFA allowed per user as the lists read so far showed them (a selection may span pages of the panel's search). */
  const known = useRef(new Map<number, boolean>());

  const failed = (error: AppError) => {
    setActionError(error);
    if (isSessionError(error)) setState(signedOut);
  };
  const count = useNavixyCount(panel, (data) => setState({ status: 'ready', data }), failed, () => setActionError(null));

  const loadUsers = useCallback(async (q: Query | null = null) => {
    const r = q
      ? await call<'searchNavixyUsers'>({ type: 'searchNavixyUsers', panel, offset: q.offset, orderBy: q.orderBy, ascending: q.ascending, ...(q.filter.trim() ? { filter: q.filter.trim() } : {}) })
      : await call<'listNavixyUsers'>({ type: 'listNavixyUsers', panel });
    if (!r.ok) {
      failed(r.error);
      return null;
    }
    for (const u of r.value.users) known.current.set(u.id, u.mfaAllowed);
    setList(r.value);
    return r.value;
  }, [panel]);

  /** The list as the page shows it now: whole, or the current page of the panel's search. */
  const reloadUsers = () => (list?.mode === 'server' ? loadUsers(query) : loadUsers());

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
    if (r.value.state === 'ready' && r.value.canRead) await loadUsers();
  }, [panel, loadUsers]);
  useEffect(() => void load(), [load]);

  const signIn = async (login: string, password: string, apiBase: string) => {
    setBusy(true);
    setActionError(null);
    setOutcome('');
    const r = await call<'navixySignIn'>({ type: 'navixySignIn', panel, login, password, apiBase });
    setBusy(false);
    if (!r.ok) {
      setActionError(r.error);
      // Refused before sending: the form shows the panel's API address as it is now.
      if (r.error.kind === 'panel' && r.error.reason === 'apiChangedMeanwhile') await load();
      return;
    }
    setState({ status: 'ready', data: r.value });
    if (r.value.canRead) await loadUsers();
  };

  const signOut = async () => {
    setBusy(true);
    await call<'navixySignOut'>({ type: 'navixySignOut', panel });
    setBusy(false);
    setList(null);
    setSelected(new Set());
    setActionError(null);
    setOutcome(t.signIn.signedOut);
    await load();
  };

 /** The status read again (with the session's permissions, so one granted meanwhile shows), then the users if they may be read; true when the list was read. */
  const refreshStatus = async (): Promise<boolean> => {
    const r = await call<'getNavixyStatus'>({ type: 'getNavixyStatus', panel, refresh: true });
    if (r.ok) setState({ status: 'ready', data: r.value });
    else if (isSessionError(r.error)) {
      failed(r.error);
      return false;
    }
    if (!r.ok || (r.value.state === 'ready' && r.value.canRead)) return (await reloadUsers()) !== null;
    return false;
  };

  /** Re-reads the users so the page shows what the panel now holds, not what was sent. */
  const finish = async (message: string) => {
    const fresh = await reloadUsers();
    setSelected(new Set());
    const whole = fresh?.mode === 'whole' && fresh.users.length >= fresh.count;
    setOutcome(whole ? `${message} ${t.users.verified(fresh.users.filter((u) => u.mfaAllowed).length)}` : message);
  };

  const writes = navixyWrites({
    panel, selected, known: known.current, defaultSettings: state.status === 'ready' ? state.data.defaultSettings : null,
    setBusy, setActionError, setOutcome, setProgress, failed, reread: refreshStatus, finish,
    setDefault: (settings) => setState((s) => (s.status === 'ready' ? { status: 'ready', data: { ...s.data, defaultSettings: settings } } : s)),
  });

  const search = (q: Query) => {
    setQuery(q);
    void loadUsers(q);
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
        <NavixySignInForm host={host} apiBase={data.apiBase} busy={busy} onSubmit={(l, p, a) => void signIn(l, p, a)} />
      </>
    );
  }
  const canChange = data.canUpdate && !busy;
  return (
    <>
      {/* Who is signed in, and signing out: at the right of the page's top, as an account menu would be. */}
      <div class="navixy-account" data-field="navixy-account">
        <span>
          {t.popup.signedInAs(data.login ?? '')}
          {data.sessionEndsAt ? <span class="muted"> · {t.panels.sessionEnds(data.sessionEndsAt)}</span> : null}
        </span>
        <button type="button" disabled={busy} onClick={() => void signOut()}>{t.signIn.signOut}</button>
      </div>
      {actionError ? <ErrorNotice error={actionError} /> : null}
      <p role="status">{outcome}</p>
      {data.canRead ? (
        <NavixyDefaultForm host={host} current={data.defaultSettings} busy={busy} canUpdate={data.canUpdate} onSave={(s, all) => void writes.saveDefault(s, all)} />
      ) : null}
      <section aria-labelledby="navixy-users-h" class="navixy-card">
        <div class="heading-row navixy-users-heading">
          <h2 id="navixy-users-h">{t.users.heading}</h2>
          {data.canRead && list !== null ? (
            <>
              <button type="button" class="icon-button" aria-label={t.users.reload} title={t.users.reload} disabled={busy} onClick={() => void refreshStatus()}>
                <IconRefresh aria-hidden="true" />
              </button>
              <AllUsersActions canChange={canChange} onAll={setConfirmAll} />
            </>
          ) : null}
        </div>
        {!data.canRead ? <p data-field="navixy-no-read">{t.users.noRead}</p> : list === null ? <p>{common.loading}</p> : (
          <>
            <UsersSummary list={list} status={data} count={count} />
            {!data.canUpdate ? <p class="muted" data-field="navixy-read-only">{t.users.readOnly}</p> : null}
            <BatchProgress progress={progress} />
            {list.mode === 'server' ? <ServerSearch query={query} list={list} disabled={busy} onSearch={search} /> : null}
            <NavixyUserTable
              users={list.users}
              selected={selected}
              {...(list.mode === 'whole' ? { filter, onFilter: setFilter } : {})}
              disabled={!canChange}
              onToggle={(id, checked) => setSelected((s) => toggled(s, [id], checked))}
              onToggleAll={(ids, checked) => setSelected((s) => toggled(s, ids, checked))}
              selectionBar={
                <SelectionBar count={selected.size} canChange={canChange} onSelected={(allow) => void writes.applySelected(allow)} onClear={() => setSelected(new Set())} />
              }
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
          onConfirm={() => void writes.applyAll(confirmAll, () => setConfirmAll(null))}
          onCancel={() => setConfirmAll(null)}
        >
          <p>{t.users.confirmAllBody(host, confirmAll ? allowFactors(writes.allowSettings()) : null)}</p>
          <p data-field="navixy-all-scope">{t.users.allScope}</p>
          {busy ? <p role="status" data-field="navixy-long-wait">{t.users.longWait}</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function allowFactors(s: MfaSettings | null): readonly string[] {
  return s?.type === 'allowed' ? s.factor_types : [];
}

function toggled(s: ReadonlySet<number>, ids: number[], checked: boolean): Set<number> {
  const next = new Set(s);
  for (const id of ids) if (checked) next.add(id);
  else next.delete(id);
  return next;
}

/** The background forgot a session the panel refused (codes 2, 3, 4, 11, 103): show the sign-in form. */
function signedOut(s: State): State {
  return s.status === 'ready' ? { status: 'ready', data: { ...s.data, state: 'signedOut', login: null } } : s;
}
