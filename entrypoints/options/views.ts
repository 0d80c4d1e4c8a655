import type { ViewName } from '../../lib/views';

export { VIEW_NAMES, optionsUrl, type ViewName } from '../../lib/views';

/** Props every options view receives. */
export interface ViewProps {
  /** The portal this page works on. */
  origin: string;
  navigate: (view: ViewName, extra?: Record<string, string>) => void;
  /** Extra query parameters (never a portal link: those go to the background, not into the page address). */
  params: URLSearchParams;
}
