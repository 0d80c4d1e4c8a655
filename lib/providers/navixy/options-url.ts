/** The Navixy Admin Panel's views (`options.html?view=navixy&panel=<panel origin>`). */
export type NavixyViewName = 'navixy' | 'navixy-panels';

export const NAVIXY_VIEW_NAMES: readonly NavixyViewName[] = ['navixy', 'navixy-panels'];

/** Query string for a Navixy view on a panel (pure: the background builds the Portals page's links with it). */
export function navixyOptionsUrl(view: NavixyViewName, panel: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ view, ...(panel ? { panel } : {}), ...extra });
  return `?${params.toString()}`;
}
