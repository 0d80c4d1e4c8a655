import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { NamedEntity, PortalStatus } from '../protocol';
import { checkPortalUrl, hostOf } from '../../../portal/origin';
import { openOptionsPage, requestHostAccess } from '../../../ui';
import type { PopupProps } from '../../../provider';
import { openOptions, type ViewName } from './views';
import { popup as t } from '../i18n/popup';
import { common } from '../../../i18n/common';
import { PopupErrorNotice as ErrorNotice, lazyComponent } from '../../../../components/lazy';
import { StatusCard } from '../components/StatusCard';
import { ActionRows, CheckedLine, StatusActions } from '../components/StatusActions';
import { StatusBanner } from '../components/StatusBanner';
import { factsOfStatus, statusModel } from '../status-model';
import { LowCodesNotice } from '../components/LowCodesNotice';
import { CoverageLine } from '../components/CoverageLine';
import { coverageQuery } from '../coverage/link';
import { PopupSkeleton } from '../../../../components/PopupSkeleton';
import { PopupHeader } from '../../../../components/PopupHeader';
import { STATUS_VISIBLE_MARK } from '../../../perf';

/** Sign-in and access states (with the API key form): loaded when one is shown, not before every status. */
const SignInSections = lazyComponent(() => import('../components/SignInSections').then((m) => m.SignInSections));

type View =
  | { status: 'loading' }
  | { status: 'noTarget'; isBrowserPage: boolean }
  | { status: 'ready'; data: PortalStatus; refreshing: boolean }
  | { status: 'error'; error: AppError };

/** The popup for a DocSpace portal (or any site not added as another provider's); ProviderPopup picks it. */
export function App({ found, addSite }: PopupProps) {
  const [view, setView] = useState<View>({ status: 'loading' });
  const [target, setTarget] = useState<{ origin: string; tabId?: number; url?: string } | null>(null);
  const [names, setNames] = useState<Record<string, NamedEntity> | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (origin: string, tabId: number | undefined, refresh: boolean) => {
    const reply = await call<'getStatus'>({ type: 'getStatus', origin, tabId, refresh });
    if (!reply.ok) return setView({ status: 'error', error: reply.error });
    // Stale-while-revalidate: a cached status shows at once and the portal is asked behind it;
    // a fresh read (nothing was cached) is not asked for twice.
    const stale = reply.value.fromCache === true;
    setView({ status: 'ready', data: reply.value, refreshing: stale });
    if (stale) await load(origin, tabId, true);
  }, []);

  // A layout effect: the status is asked for at the first render, not a frame later (a plain effect waits for a paint).
  useLayoutEffect(() => {
    void (async () => {
      if (!found.origin) return setView({ status: 'noTarget', isBrowserPage: found.isBrowserPage });
      setTarget({ origin: found.origin, tabId: found.tabId, url: found.url });
      await load(found.origin, found.tabId, false);
    })();
  }, [load, found]);

  // Names of the first mandatory users and groups the status names without one (admins only), asked for after the
  // status is on screen: at most FIRST_SHOWN of each list, one request per id not cached (README, "Big portals").
  const data = view.status === 'ready' ? view.data : null;
  useEffect(() => {
    if (!data?.policy || !data.me || (data.me.role !== 'owner' && data.me.role !== 'admin')) return;
    const unnamed = (list: NamedEntity[]) => list.filter((e) => !e.name && !e.missing && !e.invalid).map((e) => e.id);
    const users = unnamed(data.policy.mandatoryUsers.first);
    const groups = unnamed(data.policy.mandatoryGroups.first);
    if (!users.length && !groups.length) return setNames({});
    setNames(null);
    void call<'resolveNames'>({ type: 'resolveNames', origin: data.origin, users, groups }).then((r) => {
      const found: Record<string, NamedEntity> = {};
      // A failure leaves the ids without a name: shown as "not visible", never as a placeholder.
      if (r.ok) for (const e of [...r.value.users, ...r.value.groups]) found[e.id.toLowerCase()] = e;
      setNames(found);
    });
  }, [data?.origin, data?.policy, data?.me]);

  // User Timing mark for `npm run bench`: when a status (cached or fresh) is first on screen.
  useLayoutEffect(() => {
    if (data && !performance.getEntriesByName(STATUS_VISIBLE_MARK).length) performance.mark(STATUS_VISIBLE_MARK);
  }, [data]);

  const retry = () => {
    if (!target) return;
    setView({ status: 'loading' });
    void load(target.origin, target.tabId, true);
  };

  // The header's refresh: reads the status again from the portal, keeping what is shown until the answer arrives.
  const refresh = () => {
    if (!target) return;
    if (view.status !== 'ready') return retry();
    setView({ ...view, refreshing: true });
    void load(target.origin, target.tabId, true);
  };

  const allow = async () => {
    if (!target) return;
    const granted = await requestHostAccess(target.origin);
    if (!granted) return setNote(t.permissionDenied);
    setView({ status: 'loading' });
    await load(target.origin, target.tabId, true);
  };

  const useKey = async (key: string, remember: boolean) => {
    if (!target) return;
    setBusy(true);
    // The tab goes along: the background reads from the browser whether it is private (nothing saved to disk then).
    const reply = await call<'setApiKey'>({ type: 'setApiKey', origin: target.origin, key, remember, tabId: target.tabId });
    setBusy(false);
    setView(reply.ok ? { status: 'ready', data: reply.value, refreshing: false } : { status: 'error', error: reply.error });
  };

  const useBrowser = async () => {
    if (!target) return;
    const reply = await call<'useBrowserSignIn'>({ type: 'useBrowserSignIn', origin: target.origin });
    setView(reply.ok ? { status: 'ready', data: reply.value, refreshing: false } : { status: 'error', error: reply.error });
  };

  const host = target ? hostOf(target.origin) : '';
  const refreshing = view.status === 'loading' || (view.status === 'ready' && view.refreshing);
  return (
    <main aria-busy={refreshing}>
      <PopupHeader
        title={host || t.title} subtitle={data?.version ? common.serverVersion(shortVersion(data.version)) : undefined}
        onRefresh={target ? refresh : undefined} refreshing={refreshing}
        onSettings={() => void openOptions('portals', target?.origin ?? null)}
      />
      <div role="status" class="visually-hidden">{view.status === 'loading' ? t.loadingLabel : view.status === 'ready' && view.refreshing ? t.refreshing : ''}</div>
      {view.status === 'loading' ? <PopupSkeleton label={t.loadingLabel} /> : null}
      {view.status === 'noTarget' ? (
        <section>
          <h2>{t.notPortalTitle}</h2>
          <p>{view.isBrowserPage ? t.browserPageBody : t.notPortalBody}</p>
        </section>
      ) : null}
      {view.status === 'error' ? <ErrorNotice error={view.error} onRetry={retry} /> : null}
      {data?.state === 'notPortal' ? (
        <section>
          <h2>{t.notPortalTitle}</h2>
          <p>{t.notPortalBody}</p>
          {addSite.map((link) => (
            <button key={link.href} type="button" class="link" onClick={() => void openOptionsPage(link.href)}>{link.label}</button>
          ))}
        </section>
      ) : null}
      {data && (data.state === 'noPermission' || data.state === 'signedOut' || data.state === 'separateCookies') ? (
        <SignInSections
          data={data} host={host} tabId={target?.tabId} busy={busy} note={note}
          canSetUp={Boolean(target && activationLink(target.url, data.origin))}
          onAllow={() => void allow()} onSetUp={() => void openEnrolment(data.origin, target?.url)} onKey={(k, r) => void useKey(k, r)}
        />
      ) : null}
      {data?.state === 'ready' ? <Ready data={data} names={names} tabUrl={target?.url} onUseBrowser={() => void useBrowser()} /> : null}
    </main>
  );
}

/** "3.7.2.1234" → "3.7": the header's caption (the full version is the portal's business). */
function shortVersion(v: string): string {
  return v.split('.').slice(0, 2).join('.');
}

interface ReadyProps {
  data: PortalStatus;
  names: Record<string, NamedEntity> | null;
  tabUrl: string | undefined;
  onUseBrowser: () => void;
}

/**
 * A status read (issue 27): the answer first (the status line, the backup-code count, the one primary action),
 * then the "You" and "Portal policy" blocks, "All settings", and the freshness line at the foot.
 */
function Ready({ data, names, tabUrl, onUseBrowser }: ReadyProps) {
  const model = statusModel(factsOfStatus(data));
  const open = (viewName: ViewName) => void (viewName === 'enrol' ? openEnrolment(data.origin, tabUrl) : openOptions(viewName, data.origin));
  return (
    <>
      <StatusBanner tone={model.tone} icon={model.icon} title={model.title} detail={model.codes} />
      <LowCodesNotice enrolment={data.enrolment} />
      <StatusActions status={data} onOpen={open} onMakeNewCodes={() => void openOptions('codes', data.origin, { regenerate: '1' })} />
      <StatusCard
        status={data} names={names} onOpen={open}
        onMore={(list) => (offset, count) => call<'policyEntries'>({ type: 'policyEntries', origin: data.origin, list, offset, count })}
      >
        <CoverageLine status={data} now={Date.now()} onOpen={() => void openOptionsPage(coverageQuery(data.origin))} />
      </StatusCard>
      <ActionRows rows={[{ label: t.settings, onClick: () => open('portals') }]} />
      <footer class="popup-footer">
        <CheckedLine checkedAt={data.checkedAt} />
        {/* In a private window or a container the browser's sign-in is refused: no way back to it from here. */}
        {data.auth === 'apiKey' && !data.jar ? (
          <p>
            {t.usingApiKey} <button type="button" class="link" onClick={onUseBrowser}>{t.useBrowserSignIn}</button>
          </p>
        ) : null}
      </footer>
    </>
  );
}

/** The portal's own activation page in the tab (its link may carry a key), or null. */
function activationLink(tabUrl: string | undefined, origin: string): string | null {
  if (!tabUrl) return null;
  const url = checkPortalUrl(tabUrl, origin);
  return url.ok && url.value.pathname.startsWith('/confirm/TfaActivation') ? url.value.href : null;
}

/**
 * Enrolment continues from the activation page when the tab shows one: the background keeps its token and the
 * options page gets only the portal, so the link never lands in a page address or the history.
 */
async function openEnrolment(origin: string, tabUrl: string | undefined): Promise<void> {
  const link = activationLink(tabUrl, origin);
  if (link) await call({ type: 'prepareEnrolment', origin, confirmUrl: link });
  await openOptions('enrol', origin);
}
