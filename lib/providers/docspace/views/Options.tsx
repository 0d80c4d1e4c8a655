import '../error-text';
import type { OptionsProps } from '../../../provider';
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

const pageTitle = (loc: ReturnType<typeof readLocation>) => (loc.origin ? `${t.views[loc.view]} · ${hostOf(loc.origin)}` : common.appName);

/**
 * Options page shell: picks the view from the URL and keeps it in history. The page's clipboard guard lives here,
 * above every view, so a copied secret is cleared (or its notice shown) after the control that copied has gone.
 */
export function App({ otherSites, providerNames }: OptionsProps) {
  const [loc, go] = useUrlState(readLocation, pageTitle);
  const navigate = (view: ViewName, extra: Record<string, string> = {}) => go(optionsUrl(view, loc.origin, extra));
  const { origin, view, params } = loc;

  const items = [
    ...VIEW_NAMES.filter((v) => origin || v === 'portals').map((v) => ({
      key: v, label: t.views[v], href: optionsUrl(v, origin), current: v === view, onSelect: () => navigate(v),
    })),
    ...otherSites.map((link) => ({ key: link.href, label: link.label, href: link.href, current: false })),
  ];
  return (
    <ClipboardGuardProvider>
      <OptionsShell title={origin ? t.titleFor(hostOf(origin)) : common.appName} items={items}>
        {view === 'portals' || !origin ? <PortalsView current={origin} providerNames={providerNames} /> : null}
        {origin && view === 'enrol' ? <EnrolmentView origin={origin} navigate={navigate} params={params} /> : null}
        {origin && view === 'codes' ? <BackupCodesView origin={origin} navigate={navigate} params={params} /> : null}
        {origin && view === 'reset' ? <ResetView origin={origin} navigate={navigate} params={params} /> : null}
        {origin && view === 'owner' ? <OwnerView origin={origin} navigate={navigate} params={params} /> : null}
        {origin && view === 'policy' ? <PolicyView origin={origin} navigate={navigate} params={params} /> : null}
        {origin && view === 'coverage' ? <CoverageView origin={origin} navigate={navigate} params={params} /> : null}
        <ClipboardNotice />
      </OptionsShell>
    </ClipboardGuardProvider>
  );
}
