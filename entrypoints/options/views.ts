import type { ViewName } from '../../lib/views';

export { VIEW_NAMES, optionsUrl, type ViewName } from '../../lib/views';

/** Props every options view receives. */
export interface ViewProps {
  /** The portal this page works on. */
  origin: string;
  navigate: (view: ViewName, extra?: Record<string, string>) => void;
  /** Extra query parameters (e.g. `confirmUrl` when started from the portal's activation page). */
  params: URLSearchParams;
}
