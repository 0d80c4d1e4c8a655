import { openOptionsPage } from '../../../ui';

/** The Navixy Admin Panel's views (`options.html?view=navixy&panel=<panel origin>`). */
export type NavixyViewName = 'navixy' | 'navixy-panels';

export const NAVIXY_VIEW_NAMES: readonly NavixyViewName[] = ['navixy', 'navixy-panels'];

/** Query string for a Navixy view on a panel. */
export function navixyOptionsUrl(view: NavixyViewName, panel: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ view, ...(panel ? { panel } : {}), ...extra });
  return `?${params.toString()}`;
}

/** Opens the options page on a Navixy view for a panel, then closes the popup. */
export function openNavixyOptions(view: NavixyViewName, panel: string | null, extra: Record<string, string> = {}): Promise<void> {
  return openOptionsPage(navixyOptionsUrl(view, panel, extra));
}
