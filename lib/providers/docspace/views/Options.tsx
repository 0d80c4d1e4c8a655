import '../error-text';
import { useEffect, useState } from 'preact/hooks';
import type { OptionsProps } from '../../../provider';
import { joinNav } from '../../../nav';
import { call } from '../call';
import type { KnownPortal } from '../protocol';
import { UNKNOWN_ACCESS, accessOf, docspaceNav, type PortalAccess } from './nav';
import { hostOf } from '../../../portal/origin';
import { originParam, useUrlState } from '../../../location';
import { common } from '../../../i18n/common';
import { options as t } from '../i18n/options';
import { VIEW_NAMES, optionsUrl, type ViewName } from './views';
import { EnrolmentView } from './EnrolmentView';
import { BackupCodesView } from './BackupCodesView';
import { ResetView } from './ResetView';
import { OwnerView } from './OwnerView';
import { PolicyView } from './PolicyView';
import { CoverageView } from './CoverageView';
import { PortalsView } from './PortalsView';
import { OptionsShell } from '../../../../components/OptionsShell';
import { ClipboardGuardProvider, ClipboardNotice } from '../components/ClipboardNotice';

function readLocation() {
  const params = new URLSearchParams(location.search);
  const origin = originParam(params, 'origin');
  const rawView = params.get('view') as ViewName | null;
  const view: ViewName = rawView && VIEW_NAMES.includes(rawView) && (origin || rawView === 'portals') ? rawView : origin ? 'enrol' : 'portals';
  return { origin, view, params };
}

const pageTitle = (loc: ReturnType<typeof readLocation>) =>
  loc.origin && loc.view !== 'portals' ? `${t.views[loc.view]} · ${hostOf(loc.origin)} · ${common.appName}` : `${t.views.portals} · ${common.appName}`;

/**
 * Options page shell: picks the view from the URL and keeps it in history. The page's clipboard guard lives here,
 * above every view, so a copied secret is cleared (or its notice shown) after the control that copied has gone.
 */
export function App({ siteGroups, providerNames }: OptionsProps) {
  const [loc, go] = useUrlState(readLocation, pageTitle);
  const navigate = (view: ViewName, extra: Record<string, string> = {}) => go(optionsUrl(view, loc.origin, extra));
  const { origin, view, params } = loc;
  const [portals, setPortals] = useState<readonly KnownPortal[]>([]);
  const [held, setHeld] = useState<{ origin: string | null; access: PortalAccess }>({ origin: null, access: UNKNOWN_ACCESS });
  // Counts the views' reports that the enrolment changed (set up, reset) without a move: the status is read again.
  const [changes, setChanges] = useState(0);
  const onStatusChange = () => setChanges((n) => n + 1);
  const access = held.origin === origin ? held.access : UNKNOWN_ACCESS;

  // The known portals, read again on every move (one may have been forgotten or added meanwhile).
  useEffect(() => {
    let live = true;
    void call<'listPortals'>({ type: 'listPortals' }).then((r) => live && r.ok && setPortals(r.value));
    return () => void (live = false);
  }, [loc]);
  // The portal's status as the background holds it (read from the portal when it holds none): role and enrolment
  // decide the sections shown. Until it answers for this portal, only what every user has. Read again on every move
  // and after a view reports a change (a setup, a reset); a held status is then checked with the portal, as the popup
  // does: whoever signed in since (another account, another role) gets their own sections, and a status held from the
  // middle of a setup does not outlive it.
  useEffect(() => {
    let live = true;
    if (!origin) return undefined;
    void (async () => {
      const held = await call<'getStatus'>({ type: 'getStatus', origin, refresh: false });
      if (!live) return;
      setHeld({ origin, access: held.ok ? accessOf(held.value) : UNKNOWN_ACCESS });
      if (!held.ok || !held.value.fromCache) return;
      const checked = await call<'getStatus'>({ type: 'getStatus', origin, refresh: true });
      // A check that fails keeps what the held status said.
      if (live && checked.ok) setHeld({ origin, access: accessOf(checked.value) });
    })();
    return () => void (live = false);
  }, [origin, view, changes]);

  const nav = joinNav(siteGroups, { provider: 'docspace', entries: docspaceNav({ portals, origin, view, access, go }) });
  return (
    <ClipboardGuardProvider>
      <OptionsShell nav={nav}>
        {view === 'portals' || !origin ? <PortalsView current={origin} providerNames={providerNames} /> : null}
        {origin && view === 'enrol' ? <EnrolmentView origin={origin} navigate={navigate} params={params} onStatusChange={onStatusChange} /> : null}
        {origin && view === 'codes' ? <BackupCodesView origin={origin} navigate={navigate} params={params} /> : null}
        {origin && view === 'reset' ? <ResetView origin={origin} navigate={navigate} params={params} onStatusChange={onStatusChange} /> : null}
        {origin && view === 'owner' ? <OwnerView origin={origin} navigate={navigate} params={params} /> : null}
        {origin && view === 'policy' ? <PolicyView origin={origin} navigate={navigate} params={params} /> : null}
        {origin && view === 'coverage' ? <CoverageView origin={origin} navigate={navigate} params={params} /> : null}
        <ClipboardNotice />
      </OptionsShell>
    </ClipboardGuardProvider>
  );
}
