import { openOptionsPage } from '../../../ui';

/** The options page's DocSpace views; `options.html?view=<name>&origin=<portal origin>` selects one. */
export type ViewName = 'enrol' | 'codes' | 'reset' | 'owner' | 'policy' | 'portals';

export const VIEW_NAMES: readonly ViewName[] = ['enrol', 'codes', 'reset', 'owner', 'policy', 'portals'];

/** Query string for an options view on a portal. */
export function optionsUrl(view: ViewName, origin: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ view, ...(origin ? { origin } : {}), ...extra });
  return `?${params.toString()}`;
}

/** Opens the options page on a view for a portal, then closes the popup. */
export function openOptions(view: ViewName, origin: string | null, extra: Record<string, string> = {}): Promise<void> {
  return openOptionsPage(optionsUrl(view, origin, extra));
}

/** Props every options view receives. */
export interface ViewProps {
  /** The portal this page works on. */
  origin: string;
  navigate: (view: ViewName, extra?: Record<string, string>) => void;
  /** Extra query parameters (never a portal link: those go to the background, not into the page address). */
  params: URLSearchParams;
}
