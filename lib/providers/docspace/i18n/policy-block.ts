import type { TfaMethod } from '../protocol';
import { formatNumber, plural, t, type MessageKey } from '../../../i18n/t';

const METHOD_KEYS = { none: 'popup.method.none', app: 'popup.method.app', sms: 'popup.method.sms' } as const satisfies Record<TfaMethod, MessageKey>;

/** Strings of the admins' "Portal policy" block of the popup (PolicyBlock, ListPeek): loaded with it, after the status. */
export const policyBlock = {
  policyHeading: t('popup.policyHeading'),
  policyLabel: t('popup.policyLabel'),
  trustedIps: (n: number) => plural('popup.trustedIps', n),
  noTrustedIps: t('popup.noTrustedIps'),
  noneSet: t('popup.noneSet'),
  andMore: (n: number) => t('popup.andMore', formatNumber(n)),
  deletedEntity: (id: string) => t('popup.deletedEntity', id.slice(0, 8)),
  hiddenEntity: (id: string) => t('popup.hiddenEntity', id.slice(0, 8)),
  mandatoryUsersCount: (n: number) => plural('popup.mandatoryUsersCount', n),
  mandatoryGroupsCount: (n: number) => plural('popup.mandatoryGroupsCount', n),
  notValidCount: (n: number) => plural('popup.notValidCount', n),
  notValid: t('popup.notValid'),
  breaks: t('popup.breaks'),
  /** A stored entry the status keeps shortened (limits.ts), with its full length. */
  entryClipped: (n: number) => plural('popup.entryClipped', n),
  ipBreak: (host: string) => t('popup.ipBreak', host),
  realIp: t('popup.realIp'),
  listLabel: (label: string) => t('popup.listLabel', label),
  managePolicy: t('popup.managePolicy'),
  method: (m: TfaMethod) => t(METHOD_KEYS[m]),
} as const;
