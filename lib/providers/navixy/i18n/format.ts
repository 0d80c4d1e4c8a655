import type { FactorType } from '../schemas';
import { formatAgo, formatTime, t } from '../../../i18n/t';
import { isolate } from '../../../i18n/bidi';

/** Helpers shared by the Navixy strings of several pages. */

/** Factor types this version can name; any other is shown by the name the panel uses, isolated for bidi as other panel strings are. */
const FACTOR: Readonly<Record<string, string>> = {
  email: t('navixy.settings.factor.email'),
};
export const factorName = (f: FactorType) => (Object.hasOwn(FACTOR, f) ? FACTOR[f]! : t('navixy.settings.unknownFactor', isolate(f)));

/** "10:42" in the UI language. */
export const timeOf = (at: number) => formatTime(new Date(at));
/** "counted 2 hours ago" / "counted just now". */
export const ago = (at: number, now: number, key: 'popup' | 'users') => {
  const text = formatAgo(now - at);
  if (key === 'popup') return text ? t('navixy.popup.countedAgo', text) : t('navixy.popup.countedJustNow');
  return text ? t('navixy.users.countedAgo', text) : t('navixy.users.countedJustNow');
};
