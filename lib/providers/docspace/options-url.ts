/** The options page's DocSpace views; `options.html?view=<name>&origin=<portal origin>` selects one. */
export type ViewName = 'enrol' | 'codes' | 'reset' | 'owner' | 'policy' | 'coverage' | 'portals';

export const VIEW_NAMES: readonly ViewName[] = ['enrol', 'codes', 'reset', 'owner', 'policy', 'coverage', 'portals'];

/** Query string for an options view on a portal (pure: the background builds the Portals page's links with it). */
export function optionsUrl(view: ViewName, origin: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ view, ...(origin ? { origin } : {}), ...extra });
  return `?${params.toString()}`;
}
