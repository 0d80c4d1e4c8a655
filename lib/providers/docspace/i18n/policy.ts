import type { Role, TfaMethod } from '../schemas';
import type { TrustedIpProblem } from '../tfa/trusted-ips';
import type { Consequence, ListChange, Mismatch, PolicyDiff } from '../tfa/policy-diff';
import { common } from '../../../i18n/common';
import { formatNumber, plural, t } from '../../../i18n/t';
import { cleanBidi, isolate } from '../../../i18n/bidi';
import { joinWords } from './policy-save';

export { describeMismatch, joinWords, policySave } from './policy-save';

/** Strings of the policy editor (options page) and its background replies. */

const shortId = (id: string) => id.slice(0, 8);
type EntityKindText = 'user' | 'group';

function methodChange(from: TfaMethod, to: TfaMethod): string {
  if (to === 'none') {
    return t('policy.diff.turnsOff');
  }
  if (from === 'none' || from === to) {
    return to === 'app' ? t('policy.diff.enables.app') : t('policy.diff.enables.sms');
  }
  return to === 'app' ? t('policy.diff.switchesTo.app') : t('policy.diff.switchesTo.sms');
}

type Counted = 'policy.diff.entries' | 'policy.diff.people' | 'policy.diff.groups';

/** Up to three items by name, else a count (`items` holds the first few names of `total`). */
function listPhrase(items: string[], total: number, counted: Counted): string {
  return total <= 3 ? joinWords(items) : plural(counted, total);
}

interface ListText {
  counted: Counted;
  add: (what: string) => string;
  remove: (what: string) => string;
}

function listPhrases(change: ListChange, text: ListText, nameOf: (id: string) => string): string[] {
  const out: string[] = [];
  if (change.added.length) {
    out.push(text.add(listPhrase(change.added.slice(0, 4).map((v) => isolate(nameOf(v))), change.added.length, text.counted)));
  }
  if (change.removed.length) {
    out.push(text.remove(listPhrase(change.removed.slice(0, 4).map((v) => isolate(nameOf(v))), change.removed.length, text.counted)));
  }
  return out;
}

const LISTS = {
  trustedIps: { counted: 'policy.diff.entries', add: (w) => t('policy.diff.addTrustedIps', w), remove: (w) => t('policy.diff.removeTrustedIps', w) },
  mandatoryUsers: { counted: 'policy.diff.people', add: (w) => t('policy.diff.addUsers', w), remove: (w) => t('policy.diff.removeUsers', w) },
  mandatoryGroups: { counted: 'policy.diff.groups', add: (w) => t('policy.diff.addGroups', w), remove: (w) => t('policy.diff.removeGroups', w) },
} satisfies Record<Exclude<Mismatch['field'], 'method'>, ListText>;

/** "Adds 10.0.0.1 to trusted IPs, removes Alice from mandatory users and enables the authenticator app." */
export function describeDiff(diff: PolicyDiff, names: { user: (id: string) => string; group: (id: string) => string }): string {
  const phrases = [
    ...listPhrases(diff.trustedIps, LISTS.trustedIps, (v) => v),
    ...listPhrases(diff.mandatoryUsers, LISTS.mandatoryUsers, names.user),
    ...listPhrases(diff.mandatoryGroups, LISTS.mandatoryGroups, names.group),
    ...(diff.method ? [methodChange(diff.method.from, diff.method.to)] : []),
  ];
  if (!phrases.length) {
    return policy.noChanges;
  }
  const sentence = joinWords(phrases);
  return `${sentence.charAt(0).toLocaleUpperCase()}${sentence.slice(1)}.`;
}

export const policy = {
  heading: t('policy.heading'),
  loading: t('policy.loading'),
  intro: t('policy.intro'),
  readOnly: (role: Role) => t('policy.readOnly', common.role[role].toLocaleLowerCase()),
  methodLegend: t('policy.methodLegend'),
  methodHint: { none: t('policy.methodHint.none'), app: t('policy.methodHint.app'), sms: t('policy.methodHint.sms') } satisfies Record<TfaMethod, string>,
  appUnavailable: t('policy.appUnavailable'),
  smsUnavailable: t('policy.smsUnavailable'),
  trustedIpsLabel: t('policy.trustedIpsLabel'),
  trustedIpsHelp: t('policy.trustedIpsHelp'),
  trustedIpsNone: t('policy.trustedIpsNone'),
  ipProblem: {
    notAnAddress: t('policy.ipProblem.notAnAddress'),
    zoneId: t('policy.ipProblem.zoneId'),
    mixedFamilies: t('policy.ipProblem.mixedFamilies'),
    reversedRange: t('policy.ipProblem.reversedRange'),
    badPrefix: t('policy.ipProblem.badPrefix'),
    tooLong: t('policy.ipProblem.tooLong'),
  } satisfies Record<TrustedIpProblem, string>,
  ipLineError: (line: number, input: string, problem: string) => t('policy.ipLineError', String(line), isolate(input), problem),
  ipConverted: (line: number, input: string, sent: string) => t('policy.ipConverted', String(line), isolate(input), isolate(sent)),
  ipHuge: (line: number, input: string) => t('policy.ipHuge', String(line), isolate(input)),
  ipHugeTogether: t('policy.ipHugeTogether'),
  ipNetwork: (line: number, input: string, sent: string) => t('policy.ipNetwork', String(line), isolate(input), isolate(sent)),
  hugeHeading: t('policy.hugeHeading'),
  hugeTogetherEntry: t('policy.hugeTogetherEntry'),
  hugeConfirm: t('policy.hugeConfirm'),
  realIpHeading: t('policy.realIpHeading'),
  realIpWarning: t('policy.realIpWarning'),
  ipBreakingHeading: t('policy.ipBreakingHeading'),
  ipBreakingBody: t('policy.ipBreakingBody'),
  ipBreakingFix: (entry: string, fix: string | null) => (fix === null ? t('policy.ipBreakingRemove', isolate(entry)) : t('policy.ipBreakingFix', isolate(entry), isolate(fix))),
  applyIpFixes: t('policy.applyIpFixes'),
  ipInvalidCount: (n: number) => plural('policy.ipInvalidCount', n),
  ipDuplicates: (n: number) => plural('policy.ipDuplicates', n),
  ipValidCount: (n: number) => plural('policy.ipValidCount', n),
  listsExplainer: t('policy.listsExplainer'),
  usersLabel: t('policy.usersLabel'),
  groupsLabel: t('policy.groupsLabel'),
  searchPeople: t('policy.searchPeople'),
  searchGroups: t('policy.searchGroups'),
  searching: t('policy.searching'),
  noResults: t('policy.noResults'),
  results: (n: number) => plural('policy.results', n),
  // Accessible names only (never drawn): the controls are dropped, no isolate needed.
  add: (name: string) => t('policy.add', cleanBidi(name)),
  addShort: t('policy.addShort'),
  resultsLabel: (searchLabel: string) => t('policy.resultsLabel', searchLabel.toLocaleLowerCase()),
  alreadyAdded: t('policy.alreadyAdded'),
  emptyList: t('policy.emptyList'),
  emptyGroups: t('policy.emptyGroups'),
  unknownUser: (id: string) => t('policy.unknownUser', shortId(id)),
  unknownGroup: (id: string) => t('policy.unknownGroup', shortId(id)),
  hiddenUser: (id: string) => t('policy.hiddenUser', shortId(id)),
  hiddenGroup: (id: string) => t('policy.hiddenGroup', shortId(id)),
  unreadUser: (id: string) => t('policy.unreadUser', shortId(id)),
  unreadGroup: (id: string) => t('policy.unreadGroup', shortId(id)),
  unconfirmedUser: (id: string) => t('policy.unconfirmedUser', shortId(id)),
  unconfirmedGroup: (id: string) => t('policy.unconfirmedGroup', shortId(id)),
  invalidId: (value: string) => t('policy.invalidId', isolate(value)),
  invalidTag: t('policy.invalidTag'),
  deletedTag: t('policy.deletedTag'),
  listFilter: { user: t('policy.listFilter.user'), group: t('policy.listFilter.group') } satisfies Record<EntityKindText, string>,
  listOnlyProblems: { user: t('policy.listOnlyProblems.user'), group: t('policy.listOnlyProblems.group') } satisfies Record<EntityKindText, string>,
  listShowing: (from: number, to: number, of: number) => t('policy.listShowing', formatNumber(from), formatNumber(to), formatNumber(of)),
  listNoMatch: t('policy.listNoMatch'),
  listPrevious: t('policy.listPrevious'),
  listNext: t('policy.listNext'),
  /** "5,000 users: 12 deleted, 3 without a name, 1 not valid, 4 not read and 2 not checked". */
  listCounts(kind: 'user' | 'group', total: number, c: { deleted: number; unnamed: number; invalid: number; unread: number; unconfirmed: number }): string {
    const head = plural(kind === 'user' ? 'policy.listUsers' : 'policy.listGroups', total);
    const parts = [
      c.deleted ? plural('policy.listDeleted', c.deleted) : '',
      c.unnamed ? plural('policy.listUnnamed', c.unnamed) : '',
      c.invalid ? plural('policy.listInvalid', c.invalid) : '',
      c.unread ? plural('policy.listUnread', c.unread) : '',
      c.unconfirmed ? plural('policy.listUnconfirmed', c.unconfirmed) : '',
    ].filter(Boolean);
    return parts.length ? t('policy.listCounts', head, joinWords(parts)) : head;
  },
  removeDeleted: (n: number) => plural('policy.removeDeleted', n),
  unresolvedNote: (n: number, bound: number) => plural('policy.unresolvedNote', n, formatNumber(bound)),
  retryNames: t('policy.retryNames'),
  retryingNames: t('policy.retryingNames'),
  invalidIdsNote: (n: number) => plural('policy.invalidIdsNote', n),
  storedIpsNeverMatch: (entries: string[]) => plural('policy.storedIpsNeverMatch', entries.length, joinWords(entries.slice(0, 3).map(isolate)) + (entries.length > 3 ? ', …' : '')),
  tooMany: (max: number) => t('policy.tooMany', formatNumber(max)),
  ownerTag: t('policy.ownerTag'),
  youTag: t('policy.youTag'),
  review: t('policy.review'),
  noChanges: t('policy.noChanges'),
  listsNeedTfa: t('policy.listsNeedTfa'),
  reviewHeading: t('policy.reviewHeading'),
  changesHeading: t('policy.changesHeading'),
  consequencesHeading: t('policy.consequencesHeading'),
  consequence: {
    signsOutEveryone: t('policy.consequence.signsOutEveryone'),
    youEnrolNow: t('policy.consequence.youEnrolNow'),
    youEnrolOrConfirm: t('policy.consequence.youEnrolOrConfirm'),
    youConfirmWithCode: t('policy.consequence.youConfirmWithCode'),
    dependsOnYourIp: t('policy.consequence.dependsOnYourIp'),
    smsOnPortal: t('policy.consequence.smsOnPortal'),
    listsCleared: t('policy.consequence.listsCleared'),
    nobodySignedOut: t('policy.consequence.nobodySignedOut'),
    listsIgnored: t('policy.consequence.listsIgnored'),
    ownerMadeMandatory: t('policy.consequence.ownerMadeMandatory'),
    ownerNoLongerMandatory: t('policy.consequence.ownerNoLongerMandatory'),
    trustedIpsClaimable: t('policy.consequence.trustedIpsClaimable'),
  } satisfies Record<Consequence, string>,
  back: t('policy.back'),
  save: t('policy.save'),
  saving: t('policy.saving'),
  savedHeading: t('policy.savedHeading'),
  savedHolds: t('policy.savedHolds'),
  savedUnverified: t('policy.savedUnverified'),
  mismatchHeading: t('policy.mismatchHeading'),
  exempt: t('policy.exempt'),
  exemptAfterError: t('policy.exemptAfterError'),
  linkLost: t('policy.linkLost'),
  linkRefused: (url: string) => t('policy.linkRefused', isolate(url)),
  confirmWithCode: t('policy.confirmWithCode'),
  signedOutNext: t('policy.signedOutNext'),
  none: t('policy.none'),
  signInLink: t('policy.signInLink'),
  enrolNow: t('policy.enrolNow'),
  editAgain: t('policy.editAgain'),
  summaryMethod: t('policy.summaryMethod'),
  summaryIps: t('policy.summaryIps'),
} as const;
