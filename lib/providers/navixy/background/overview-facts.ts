import type { NavixyStatus } from '../protocol';
import { formatNumber, plural } from '../../../i18n/t';
import { popup, settingsText } from '../i18n/popup';

/** A fact on the Portals page's card in Navixy's own words (the shape of the core's SiteFact). */
export interface NavixyFact {
  field: string;
  label: string;
  value: string;
  tone?: 'ok' | 'warn' | 'off' | 'error';
}

/**
 * What a panel's card on the Portals page says, in the words of the Navixy pages and popup, never DocSpace's (V54):
 * the headline *Default MFA: Disallowed* with its tone (allowed: ok, disallowed or not set: off), and the facts
 * *Default MFA* and, when counted over the whole list, *Users with MFA allowed: 50 of 250 users*.
 */
export function navixyCard(status: Pick<NavixyStatus, 'defaultSettings' | 'mfaAllowed' | 'countedTotal'>): {
  headline: { tone: 'ok' | 'off'; text: string };
  facts: NavixyFact[];
} {
  const tone = status.defaultSettings?.type === 'allowed' ? 'ok' : 'off';
  const facts: NavixyFact[] = [{ field: 'navixy-default', label: popup.defaultLabel, value: settingsText(status.defaultSettings), tone }];
  if (status.mfaAllowed !== null && status.countedTotal !== null) {
    facts.push({ field: 'navixy-users', label: popup.allowedLabel, value: plural('navixy.popup.allowedCount', status.countedTotal, formatNumber(status.mfaAllowed)) });
  }
  return { headline: { tone, text: popup.defaultStatus(settingsText(status.defaultSettings)) }, facts };
}
