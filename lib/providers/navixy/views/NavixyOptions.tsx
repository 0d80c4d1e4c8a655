import '../error-text';
import type { OptionsProps } from '../../../provider';
import { hostOf } from '../../../portal/origin';
import { originParam, useUrlState } from '../../../location';
import { NAVIXY_VIEW_NAMES, navixyOptionsUrl, type NavixyViewName } from './views';
import { navixy as t } from '../i18n';
import { NavixyPanelsView } from './NavixyPanelsView';
import { NavixyUsersView } from './NavixyUsersView';
import { OptionsShell } from '../../../../components/OptionsShell';

function readLocation() {
  const params = new URLSearchParams(location.search);
  const panel = originParam(params, 'panel');
  const rawView = params.get('view') as NavixyViewName | null;
  const view: NavixyViewName = rawView === 'navixy' && panel ? 'navixy' : 'navixy-panels';
  return { panel, view, params };
}

const pageTitle = (loc: ReturnType<typeof readLocation>) => (loc.panel ? `${t.views[loc.view]} · ${hostOf(loc.panel)}` : t.panels.heading);

/** The options page for Navixy Admin Panels: `?view=navixy-panels` (add, list) or `?view=navixy&panel=<origin>`. */
export function NavixyOptions({ otherSites }: OptionsProps) {
  const [loc, go] = useUrlState(readLocation, pageTitle);
  const navigate = (view: NavixyViewName, panel: string | null) => go(navixyOptionsUrl(view, panel));
  const { panel, view, params } = loc;
  const items = [
    ...NAVIXY_VIEW_NAMES.filter((v) => panel || v !== 'navixy').map((v) => ({
      key: v, label: t.views[v], href: navixyOptionsUrl(v, panel), current: v === view, onSelect: () => navigate(v, panel),
    })),
    ...otherSites.map((link) => ({ key: link.href, label: link.label, href: link.href, current: false })),
  ];
  return (
    <OptionsShell title={panel ? t.panelLabel(hostOf(panel)) : t.panels.heading} items={items}>
      {view === 'navixy-panels' ? <NavixyPanelsView prefill={params.get('add')} forget={originParam(params, 'forget')} onOpen={(p) => navigate('navixy', p)} /> : null}
      {view === 'navixy' && panel ? <NavixyUsersView panel={panel} onPanels={() => navigate('navixy-panels', panel)} /> : null}
    </OptionsShell>
  );
}
