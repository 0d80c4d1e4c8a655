import { openOptionsPage } from '../../../ui';
import { navixyOptionsUrl, type NavixyViewName } from '../options-url';

export { NAVIXY_VIEW_NAMES, navixyOptionsUrl, type NavixyViewName } from '../options-url';

/** Opens the options page on a Navixy view for a panel, then closes the popup. */
export function openNavixyOptions(view: NavixyViewName, panel: string | null, extra: Record<string, string> = {}): Promise<void> {
  return openOptionsPage(navixyOptionsUrl(view, panel, extra));
}
