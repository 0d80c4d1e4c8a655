import { openOptionsPage } from '../../../ui';
import { optionsUrl, type ViewName } from '../options-url';

export { VIEW_NAMES, optionsUrl, type ViewName } from '../options-url';

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
  /** The view changed the person's enrolment (set up, reset): the page reads the status again for its navigation. */
  onStatusChange?: () => void;
}
