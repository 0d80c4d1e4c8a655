/** The options page's views; `options.html?view=<name>&origin=<portal origin>` selects one. */
export type ViewName = 'enrol' | 'codes' | 'reset' | 'owner' | 'policy' | 'portals';

export const VIEW_NAMES: readonly ViewName[] = ['enrol', 'codes', 'reset', 'owner', 'policy', 'portals'];

/** The Navixy Admin Panel's views (`options.html?view=navixy&panel=<panel origin>`). */
export type NavixyViewName = 'navixy' | 'navixy-panels';

export const NAVIXY_VIEW_NAMES: readonly NavixyViewName[] = ['navixy', 'navixy-panels'];

/** Query string for an options view on a portal. */
export function optionsUrl(view: ViewName, origin: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ view, ...(origin ? { origin } : {}), ...extra });
  return `?${params.toString()}`;
}

/** Query string for a Navixy view on a panel. */
export function navixyOptionsUrl(view: NavixyViewName, panel: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ view, ...(panel ? { panel } : {}), ...extra });
  return `?${params.toString()}`;
}
