import type { Role, TfaMethod } from '../docspace/schemas';
import type { TrustedIpProblem } from '../tfa/trusted-ips';
import type { Consequence, ListChange, Mismatch, PolicyDiff } from '../tfa/policy-diff';
import { common } from './common';

/** English strings of the policy editor (options page) and its background replies. */

const shortId = (id: string) => `${id.slice(0, 8)}…`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a", "a and b", "a, b and c". */
export function joinWords(items: string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const METHOD_PHRASE: Record<TfaMethod, string> = { none: 'off', app: 'the authenticator app', sms: 'SMS codes' };

function methodChange(from: TfaMethod, to: TfaMethod): string {
  if (to === 'none') {
    return 'turns two-factor authentication off';
  }
  if (from === 'none') {
    return `enables ${METHOD_PHRASE[to]}`;
  }
  return `switches from ${METHOD_PHRASE[from]} to ${METHOD_PHRASE[to]}`;
}

/** Up to three items by name, else a count. */
function listPhrase(items: string[], one: string, many: string): string {
  return items.length <= 3 ? joinWords(items) : plural(items.length, one, many);
}

function listPhrases(change: ListChange, label: string, one: string, many: string, nameOf: (id: string) => string): string[] {
  const out: string[] = [];
  if (change.added.length) {
    out.push(`adds ${listPhrase(change.added.map(nameOf), one, many)} to ${label}`);
  }
  if (change.removed.length) {
    out.push(`removes ${listPhrase(change.removed.map(nameOf), one, many)} from ${label}`);
  }
  return out;
}

/** "Adds 10.0.0.1 to trusted IPs, removes Alice from mandatory users and enables the authenticator app." */
export function describeDiff(diff: PolicyDiff, names: { user: (id: string) => string; group: (id: string) => string }): string {
  const phrases = [
    ...listPhrases(diff.trustedIps, 'trusted IPs', 'entry', 'entries', (v) => v),
    ...listPhrases(diff.mandatoryUsers, 'mandatory users', 'person', 'people', names.user),
    ...listPhrases(diff.mandatoryGroups, 'mandatory groups', 'group', 'groups', names.group),
    ...(diff.method ? [methodChange(diff.method.from, diff.method.to)] : []),
  ];
  if (!phrases.length) {
    return policy.noChanges;
  }
  const sentence = joinWords(phrases);
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

const FIELD: Record<Exclude<Mismatch['field'], 'method'>, string> = {
  trustedIps: 'Trusted IPs',
  mandatoryUsers: 'Mandatory users',
  mandatoryGroups: 'Mandatory groups',
};

/** One sentence per difference between what was sent and what the portal holds. */
export function describeMismatch(m: Mismatch, nameOf: (id: string) => string = (v) => v): string {
  if (m.field === 'method') {
    return `The portal reports the method as ${common.method[m.held]}, not ${common.method[m.expected]} as sent.`;
  }
  const parts: string[] = [];
  if (m.missing.length) {
    parts.push(`${joinWords(m.missing.map(nameOf))} ${m.missing.length === 1 ? 'was' : 'were'} sent but not kept`);
  }
  if (m.unexpected.length) {
    parts.push(`${joinWords(m.unexpected.map(nameOf))} ${m.unexpected.length === 1 ? 'is' : 'are'} held but ${m.unexpected.length === 1 ? 'was' : 'were'} not sent`);
  }
  return `${FIELD[m.field]}: ${parts.join('; ')}.`;
}

export const policy = {
  heading: 'Portal policy',
  loading: 'Loading the portal policy…',
  intro: 'Choose who must sign in to this portal with a code from an authenticator app.',
  readOnly: (role: Role) =>
    `Only DocSpace admins and the portal owner can change this policy; you are signed in as ${common.role[role].toLowerCase()}, so you see it read-only.`,
  methodLegend: 'Two-factor authentication',
  methodHint: { none: 'Nobody is asked for a code.', app: 'A 6-digit code from an authenticator app.', sms: 'A code sent by text message.' } satisfies Record<TfaMethod, string>,
  appUnavailable: 'The portal does not offer the authenticator app.',
  trustedIpsLabel: 'Trusted IP addresses',
  trustedIpsHelp: 'One per line: an IPv4 or IPv6 address, a range such as 10.0.0.1-10.0.0.50, or a CIDR block such as 203.0.113.0/24. Leave empty to challenge everyone.',
  trustedIpsNone: 'None: everyone is asked for a code.',
  ipProblem: {
    notAnAddress: 'is not an IPv4 or IPv6 address, range or CIDR block',
    zoneId: 'has a zone index (%…), which a visitor’s address never has',
    mixedFamilies: 'mixes IPv4 and IPv6 in one range',
    reversedRange: 'ends before it starts; write the lower address first',
    badPrefix: 'has a prefix length outside 0–32 (IPv4) or 0–128 (IPv6)',
    tooLong: 'is longer than 100 characters',
  } satisfies Record<TrustedIpProblem, string>,
  ipLineError: (line: number, input: string, problem: string) => `Line ${line}: “${input}” ${problem}.`,
  ipInvalidCount: (n: number) => `${plural(n, 'entry is', 'entries are')} not valid; fix ${n === 1 ? 'it' : 'them'} to save.`,
  ipDuplicates: (n: number) => `${plural(n, 'duplicate', 'duplicates')} will be removed.`,
  ipValidCount: (n: number) => `${plural(n, 'valid entry', 'valid entries')}.`,
  listsExplainer:
    'Mandatory users and groups only matter when trusted IP addresses are set: they must use a code even from a trusted address, while with no trusted addresses everyone must.',
  usersLabel: 'Mandatory users',
  groupsLabel: 'Mandatory groups',
  searchPeople: 'Find people by name or e-mail',
  searchGroups: 'Find groups by name',
  searching: 'Searching…',
  noResults: 'No matches.',
  results: (n: number) => plural(n, 'match', 'matches'),
  add: (name: string) => `Add ${name}`,
  remove: (name: string) => `Remove ${name}`,
  addShort: 'Add',
  removeShort: 'Remove',
  resultsLabel: (searchLabel: string) => `Results: ${searchLabel.toLowerCase()}`,
  alreadyAdded: 'already added',
  emptyList: 'Nobody yet.',
  emptyGroups: 'No groups yet.',
  unknownUser: (id: string) => `Unknown user (${shortId(id)})`,
  unknownGroup: (id: string) => `Unknown group (${shortId(id)})`,
  hiddenUser: (id: string) => `User ${shortId(id)} (only admins see names)`,
  hiddenGroup: (id: string) => `Group ${shortId(id)} (only admins see names)`,
  ownerOnly: 'Only the portal owner can make the owner’s sign-in mandatory or lift it.',
  ownerTag: 'owner',
  youTag: 'you',
  review: 'Review changes',
  noChanges: 'Nothing has changed yet.',
  listsNeedTfa: 'Turn two-factor authentication on to save trusted IPs and mandatory lists: the portal keeps no lists while it is off.',
  reviewHeading: 'Review before saving',
  changesHeading: 'What changes',
  consequencesHeading: 'What happens next',
  consequence: {
    signsOutEveryone: 'Saving signs out everyone on the portal, you included.',
    youEnrolNow: 'You have not set up an authenticator for this portal: you set it up right away, here.',
    youEnrolOrConfirm: 'You continue here at once: set up an authenticator if you have none for this portal yet, otherwise confirm with a code.',
    youConfirmWithCode: 'You sign back in with a code from your authenticator app.',
    dependsOnYourIp: 'Trusted IPs are set: unless you belong to a mandatory group, whether the portal asks you for a code depends on the address you connect from; if it does not, your password is enough.',
    smsOnPortal: 'SMS set-up is done on the portal: sign in there and follow its steps.',
    listsCleared: 'Turning TFA off makes the portal clear its trusted IPs and mandatory lists.',
    nobodySignedOut: 'Nobody is signed out.',
    listsIgnored: 'With no trusted IPs, everyone is asked for a code, so the mandatory lists change nothing for now.',
  } satisfies Record<Consequence, string>,
  back: 'Back to editing',
  save: 'Save policy',
  saving: 'Saving…',
  savedHeading: 'Saved',
  savedHolds: 'The portal now holds:',
  savedUnverified: 'The portal signed everyone out, so the extension could not read the policy back yet; it shows what was sent. Sign in again to check.',
  mismatchHeading: 'The portal holds something different from what was sent',
  exempt: 'The portal handed out no code link for you: from your current address it does not ask you for a code, so your password is enough.',
  linkRefused: (url: string) => `The portal returned a code link that is not a secure address on this portal (${url}), so it was not followed. Sign in on the portal itself; it will ask for a code if you need one.`,
  confirmWithCode: 'You already use an authenticator app on this portal: have it ready for the code.',
  signedOutNext: 'The portal signed everyone out, you included, as expected: sign in again, with a code if the portal asks for one.',
  none: 'None',
  signInLink: 'Open the portal sign-in page',
  enrolNow: 'Continue to set up your authenticator',
  editAgain: 'Edit again',
  summaryMethod: 'Method',
  summaryIps: 'Trusted IPs',
  // Background replies (savePolicy)
  notAdmin: 'Only DocSpace admins and the portal owner can change the TFA policy',
  invalidIps: (lines: string[]) => `Invalid trusted IP entries: ${lines.join(', ')}`,
  unread: (kind: string) => `The change was applied, but the policy could not be read back to check it (${kind}).`,
  methodUnavailable: (m: TfaMethod) => `${common.method[m]} is not available on this portal`,
} as const;
