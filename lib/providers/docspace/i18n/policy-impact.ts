import type { NamedEntity } from '../protocol';
import type { AddressImpact } from '../tfa/coverage-impact';
import { formatAgo, formatDate, formatList, formatNumber, plural, t } from '../../../i18n/t';

/** Strings of the policy review's impact and the emptied-lists notice (issue 26; options page only). */

type Mode = 'app' | 'sms';
/** Entries named in the notice; the rest as a count. */
export const FIRST_NAMED = 3;

function firstOf(items: string[], total: number): string {
  const shown = items.slice(0, FIRST_NAMED);
  const rest = total - shown.length;
  return rest > 0 ? `${shown.join(', ')} ${t('policy.emptied.more', formatNumber(rest))}` : formatList(shown);
}

const entityName = (e: NamedEntity) => e.name || e.id.slice(0, 8);

export const policyImpact = {
  heading: t('policy.impact.heading'),
  without: (mode: Mode, n: number, trusted: boolean): string => {
    if (n === 0) return mode === 'app' ? t('policy.impact.noneWithout.app') : t('policy.impact.noneWithout.sms');
    if (trusted) return mode === 'app' ? plural('policy.impact.withoutTrusted.app', n) : plural('policy.impact.withoutTrusted.sms', n);
    return mode === 'app' ? plural('policy.impact.without.app', n) : plural('policy.impact.without.sms', n);
  },
  mandatory: (n: number | null) => (n === null ? t('policy.impact.mandatoryUnknown') : plural('policy.impact.mandatory', n)),
  me: (mode: Mode, has: boolean) =>
    mode === 'app' ? (has ? t('policy.impact.me.app.has') : t('policy.impact.me.app.lacks')) : has ? t('policy.impact.me.sms.has') : t('policy.impact.me.sms.lacks'),
  owner: (mode: Mode, has: boolean) =>
    mode === 'app' ? (has ? t('policy.impact.owner.app.has') : t('policy.impact.owner.app.lacks')) : has ? t('policy.impact.owner.sms.has') : t('policy.impact.owner.sms.lacks'),
  address: (a: Exclude<AddressImpact, 'noTrusted'>) => (a === 'mandatory' ? t('policy.impact.address.mandatory') : t('policy.impact.address.cannotKnow')),
  counted: (agoMs: number) => {
    const ago = formatAgo(agoMs);
    return ago === null ? t('policy.impact.countedJustNow') : t('policy.impact.counted', ago);
  },
  partial: t('policy.impact.partial'),
  offCount: (countedAt: number) => t('policy.impact.offCount', formatDate(new Date(countedAt))),
  offUnknown: t('policy.impact.offUnknown'),
  unknown: t('policy.impact.unknown'),
  openCoverage: t('policy.impact.openCoverage'),
};

export const emptiedText = {
  heading: t('policy.emptied.heading'),
  /** "… last saw filled (2 hours ago) …". */
  body: (agoMs: number) => t('policy.emptied.body', formatAgo(agoMs) ?? formatDate(new Date(Date.now() - agoMs))),
  /** "4 trusted IP ranges: a, b, c and 1 more" (`total`: the list's length; `ips`: its entries held, maybe only the first). */
  trustedIps: (total: number, ips: string[]) => plural('policy.emptied.trustedIps', total, firstOf(ips, total)),
  mandatoryUsers: (total: number, users: NamedEntity[]) => plural('policy.emptied.mandatoryUsers', total, firstOf(users.map(entityName), total)),
  mandatoryGroups: (total: number, groups: NamedEntity[]) => plural('policy.emptied.mandatoryGroups', total, firstOf(groups.map(entityName), total)),
  cause: t('policy.emptied.cause'),
  held: t('policy.emptied.held'),
  restore: t('policy.emptied.restore'),
  dismiss: t('policy.emptied.dismiss'),
};
