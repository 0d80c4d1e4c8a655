import '../error-text';
import { useEffect, useState } from 'preact/hooks';
import type { OptionsProps } from '../../../provider';
import { joinNav } from '../../../nav';
import { hostOf } from '../../../portal/origin';
import { originParam, useUrlState } from '../../../location';
import { common } from '../../../i18n/common';
import { call } from '../call';
import type { NavixyPanelInfo } from '../protocol';
import { navixyOptionsUrl, type NavixyViewName } from './views';
import { navixy as t } from '../i18n';
import { navixyNav } from './nav';
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

const pageTitle = (loc: ReturnType<typeof readLocation>) =>
  `${loc.panel && loc.view === 'navixy' ? `${t.views[loc.view]} · ${hostOf(loc.panel)}` : t.views['navixy-panels']} · ${common.appName}`;

/** The options page for Navixy Admin Panels: `?view=navixy-panels` (add, list) or `?view=navixy&panel=<origin>`. */
export function NavixyOptions({ siteGroups }: OptionsProps) {
  const [loc, go] = useUrlState(readLocation, pageTitle);
  const navigate = (view: NavixyViewName, panel: string | null) => go(navixyOptionsUrl(view, panel));
  const { panel, view, params } = loc;
  const [panels, setPanels] = useState<readonly NavixyPanelInfo[]>([]);
  // The panels, read again on every move (adding a panel opens it, so it shows at once).
  const readPanels = () => call<'listNavixyPanels'>({ type: 'listNavixyPanels' }).then((r) => r.ok && setPanels(r.value));
  useEffect(() => void readPanels(), [loc]);
  const listed = panel && !panels.some((p) => p.panel === panel) ? [...panels, { panel, host: hostOf(panel) }] : panels;
  const nav = joinNav(siteGroups, { provider: 'navixy', entries: navixyNav({ panels: listed, panel, view, go }) });
  return (
    <OptionsShell nav={nav}>
      {view === 'navixy-panels' ? <NavixyPanelsView prefill={params.get('add')} forget={originParam(params, 'forget')} onOpen={(p) => navigate('navixy', p)} /> : null}
      {view === 'navixy' && panel ? <NavixyUsersView panel={panel} onPanels={() => navigate('navixy-panels', panel)} /> : null}
    </OptionsShell>
  );
}
