import type { NavEntry } from '../../../provider';
import { call } from '../call';
import { navixy as t } from '../i18n';
import { navixyOptionsUrl, type NavixyViewName } from './views';

interface NavInput {
  panels: readonly { panel: string; host: string }[];
  /** The panel the page works on and the view shown (null: another provider's page). */
  panel: string | null;
  view: NavixyViewName | null;
  /** In-page navigation to an options query; absent on another provider's page. */
  go?: (href: string) => void;
}

/**
 * Navixy's part of the options navigation (shell wiring, issue 27): "Navixy panels" with each panel under it by
 * host, only once a panel exists or a Navixy page is open; else nothing, so DocSpace-only users never see Navixy.
 */
export function navixyNav({ panels, panel, view, go }: NavInput): NavEntry[] {
  if (panels.length === 0 && view === null) return [];
  const entry = (key: string, label: string, href: string, current: boolean, extra: Partial<NavEntry> = {}): NavEntry => ({
    key, label, href, current, ...(go ? { onSelect: () => go(href) } : {}), ...extra,
  });
  const children = panels.map((p) => entry(`panel ${p.panel}`, p.host, navixyOptionsUrl('navixy', p.panel), view === 'navixy' && p.panel === panel));
  return [entry('navixy-panels', t.views['navixy-panels'], navixyOptionsUrl('navixy-panels', null), view === 'navixy-panels', { children })];
}

/** Navixy's entries for another provider's page: the panels, when there are any. */
export async function listNavixySites(): Promise<NavEntry[]> {
  const panels = await call<'listNavixyPanels'>({ type: 'listNavixyPanels' });
  return navixyNav({ panels: panels.ok ? panels.value : [], panel: null, view: null });
}
