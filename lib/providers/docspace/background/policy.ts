import { err, ok, type Result } from '../../../result';
import type { AppError } from '../../../errors';
import type { CommandOf, Me, Replies, SaveReply } from '../protocol';
import { buildPolicyBody, confirmTokenFromUrl, isSmsConfirmUrl, type ConfirmToken, type DocspaceClient } from '../client';
import type { Profile, TfaPolicy } from '../schemas';
import { checkPortalUrl } from '../../../portal/origin';
import { parseTrustedIpList } from '../tfa/trusted-ips';
import { classifyStoredTrustedIp } from '../tfa/stored-ips';
import { needsHugeConfirmation, newHugeEntries } from '../tfa/huge-entries';
import { comparePolicy, draftOf, expectedAfterSave, type PolicyDraft } from '../tfa/policy-diff';
import { describeMismatch, policySave as t } from '../i18n/policy-save';
import { logWarning } from '../../../log';
import { clearSignedIn, clientFor, updateSession, type AccessTicket, type PortalClient } from './session';
import { cachedNames, confirmBudget, rememberNames, resolveMany } from './names';
import { policyGlanceOf } from './glance';
import { keepSaved } from './held-lists';

/**
 * The policy editor's background half (issue 6). Every save sends the full body
 * built by `buildPolicyBody` (`type`, the caller's own `id`, all three lists), then
 * re-reads the policy and reports what the portal holds.
 */

type Reply<K extends keyof Replies> = Promise<Result<Replies[K], AppError>>;
const SEARCH_COUNT = 25;

const isAdminRole = (me: Pick<Me, 'role'>) => me.role === 'owner' || me.role === 'admin';
const lower = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

/** People by name or e-mail (`people/filter?filterValue=`, §10.3); admins and room admins only. */
export async function searchPeople(c: CommandOf<'searchPeople'>): Reply<'searchPeople'> {
  const client = await clientFor(c.origin);
  if (!client.ok) {
    return client;
  }
  const r = await client.value.searchPeople(c.text, SEARCH_COUNT);
  if (!r.ok) {
    return r;
  }
  const list = r.value.map((p) => ({ id: p.id, name: p.displayName, email: p.email }));
  await rememberNames(c.origin, list, client.value.access);
  return ok(list);
}

/** Groups by name (`group?filterValue=`, §10.4). */
export async function searchGroups(c: CommandOf<'searchGroups'>): Reply<'searchGroups'> {
  const client = await clientFor(c.origin);
  if (!client.ok) {
    return client;
  }
  const r = await client.value.listGroups(c.text, SEARCH_COUNT);
  if (!r.ok) {
    return r;
  }
  const list = r.value.map((g) => ({ id: g.id, name: g.name }));
  await rememberNames(c.origin, list, client.value.access);
  return ok(list);
}

/**
 * The owner's id: our own when we are the owner, else `ownerId` of a signed-in `GET settings` (one request,
 * any portal size; fact sheet §11.3). Null when the portal does not say: the portal's own guard then decides.
 */
async function findOwnerId(api: DocspaceClient, me: Me): Promise<string | null> {
  if (me.role === 'owner') {
    return me.id;
  }
  const settings = await api.getSignedInSettings();
  return settings.ok ? settings.value.ownerId : null;
}

const meOf = (p: Profile): Me => ({ id: p.id, displayName: p.displayName, email: p.email, role: p.role });

/** The policy, who I am, the owner, my enrolment (admins only see it while the policy is on, §4.1) and names for the lists. */
export async function getPolicy(c: CommandOf<'getPolicy'>): Reply<'getPolicy'> {
  const client = await clientFor(c.origin);
  if (!client.ok) {
    return client;
  }
  const api = client.value;
  const [current, self] = await Promise.all([api.getTfaPolicy(), api.getSelf()]);
  if (!current.ok) {
    return current;
  }
  if (!self.ok) {
    return self;
  }
  const me = meOf(self.value);
  // One bound on one-by-one checks for the whole open, both lists together (names.ts, README "Big portals").
  const budget = confirmBudget();
  const [ownerId, users, groups] = await Promise.all([
    findOwnerId(api, me),
    resolveMany(api, c.origin, 'user', current.value.mandatoryUsers, budget),
    resolveMany(api, c.origin, 'group', current.value.mandatoryGroups, budget),
  ]);
  return ok({
    policy: current.value,
    me,
    ownerId,
    isEnrolled: self.value.isEnrolled,
    canEdit: isAdminRole(me),
    users,
    groups,
    ...(await policyGlanceOf(api, c.origin, me, current.value, [...users, ...groups])),
  });
}

/** The editor's "Check them again": names for ids it could not read or confirm, within a fresh bound (names.ts). */
export async function resolvePolicyNames(c: CommandOf<'resolvePolicyNames'>): Reply<'resolvePolicyNames'> {
  const client = await clientFor(c.origin);
  if (!client.ok) {
    return client;
  }
  const budget = confirmBudget();
  const [users, groups] = await Promise.all([
    resolveMany(client.value, c.origin, 'user', c.users, budget),
    resolveMany(client.value, c.origin, 'group', c.groups, budget),
  ]);
  return ok({ users, groups });
}

/** Checks a save against what the portal would refuse (role, method, invalid IPs), and for the review's confirmation of huge trusted blocks, before anything is sent. */
function checkSave(c: CommandOf<'savePolicy'>, me: Me, current: TfaPolicy): Result<PolicyDraft, AppError> {
  const origin = c.origin;
  if (!isAdminRole(me)) {
    return err({ kind: 'forbidden', origin, message: t.notAdmin });
  }
  if ((c.method === 'sms' && !current.smsAvailable) || (c.method === 'app' && !current.appAvailable)) {
    return err({ kind: 'notAvailable', origin, message: t.methodUnavailable(c.method), reason: 'method' });
  }
  const ips = parseTrustedIpList(c.trustedIps.join('\n'));
  // Never send what the portal cannot read (§12.1): what our editor writes, or a stored entry the portal reads as it is.
  const keptAsStored = ips.invalid.filter((l) => classifyStoredTrustedIp(l.input).kind === 'works');
  const refused = ips.invalid.filter((l) => !keptAsStored.includes(l));
  if (refused.length) {
    return err({ kind: 'invalidInput', origin, message: t.invalidIps(refused.map((l) => l.input)) });
  }
  // The review asks before trusting a huge block; a save that would, and does not carry that confirmation, is refused.
  const huge = newHugeEntries(current.trustedIps, ips);
  if (needsHugeConfirmation(huge) && c.hugeConfirmed !== true) {
    return err({ kind: 'invalidInput', origin, message: t.hugeNotConfirmed(huge.entries) });
  }
  const trustedIps = [...ips.values, ...keptAsStored.map((l) => l.input).filter((v) => !ips.values.includes(v))];
  const draft: PolicyDraft = { method: c.method, trustedIps, mandatoryUsers: lower(c.mandatoryUsers), mandatoryGroups: lower(c.mandatoryGroups) };
  // No owner check here: the portal's guard never fires for a body with the caller's own id (§11.3), so the
  // extension does not refuse what the portal allows; the review tells an admin who changes the owner's entry.
  return ok(draft);
}

/** Outcomes where the portal may or may not have applied the change: re-read before saying. */
const UNCERTAIN = new Set<AppError['kind']>(['network', 'timeout', 'offline', 'badResponse', 'server']);

/**
 * Stores the confirm token of the caller's link (§2.3) so the enrolment view can continue
 * at once. Only a TfaActivation link means "enrol now"; a TfaAuth link means the caller
 * is enrolled and signs in with a code. A link that is not https on this portal (or not a
 * confirm link at all) is refused and reported, never followed or mistaken for "exempt".
 */
async function keepConfirmToken(origin: string, since: AccessTicket, link: string, key: string | null = null): Promise<{ token: ConfirmToken; url: string } | { refused: string } | null> {
  if (!link) {
    return null;
  }
  const url = checkPortalUrl(link, origin);
  // An SMS policy: the portal's own SMS flow follows on the portal (the saved view says so), nothing to keep.
  if (url.ok && isSmsConfirmUrl(url.value)) {
    return null;
  }
  const parsed = url.ok ? confirmTokenFromUrl(url.value) : null;
  if (!url.ok || !parsed) {
    logWarning('policy-link-unusable', { origin, reason: url.ok ? 'not-tfa' : 'unsafe' });
    return { refused: link.slice(0, 200) };
  }
  const token = key ? { ...parsed, key } : parsed;
  // The save signs everyone out, the admin included, who enrols next on this token: it outlives that sign-out.
  await updateSession(origin, (s) => ({ ...s, enrolment: { token, startedAt: Date.now(), outlivesSignOut: true } }), since);
  return { token, url: url.value.href };
}

type NextStep = Pick<SaveReply, 'enrolNext' | 'confirmUrl' | 'refusedLink' | 'linkLost' | 'callerExempt'>;

function nextStepOf(link: Awaited<ReturnType<typeof keepConfirmToken>>): NextStep {
  return link && 'refused' in link
    ? { enrolNext: false, refusedLink: link.refused }
    : { enrolNext: link?.token.type === 'TfaActivation', ...(link ? { confirmUrl: link.url } : {}) };
}

/**
 * The save was applied but its answer, with the caller's link, was lost (timeout, cut connection). Still signed
 * in (an API key): ask the portal again, so "no link" means what it says. Signed out: the next step is unknown,
 * and the admin is told to sign in on the portal, never that their password is enough.
 */
async function nextStepAfterLostAnswer(api: PortalClient, origin: string): Promise<NextStep> {
  const confirm = await api.getTfaConfirm();
  if (!confirm.ok) {
    return { enrolNext: false, linkLost: true };
  }
  return nextStepOf(confirm.value ? await keepConfirmToken(origin, api.access, confirm.value.url, confirm.value.key) : null);
}

async function nameOf(origin: string): Promise<(id: string) => string> {
  const names = await cachedNames(origin);
  return (id) => names[id.toLowerCase()]?.name || id;
}

/**
 * Saves the full policy. Turning or keeping TFA on uses `tfaappwithlink`: it returns
 * the caller's confirm link under the new policy before the portal signs everyone
 * out (§2.3), so the admin enrols or confirms at once instead of being left signed
 * out without a working second factor. On 3.7 a NullReferenceException 500 there means saved, caller exempt (§12.4).
 */
export async function savePolicy(c: CommandOf<'savePolicy'>): Reply<'savePolicy'> {
  const { origin } = c;
  const client = await clientFor(origin);
  if (!client.ok) {
    return client;
  }
  const api = client.value;
  const [self, current] = await Promise.all([api.getSelf(), api.getTfaPolicy()]);
  if (!self.ok) {
    return self;
  }
  if (!current.ok) {
    return current;
  }
  const checked = checkSave(c, meOf(self.value), current.value);
  if (!checked.ok) {
    return checked;
  }
  const draft = checked.value;
  const body = buildPolicyBody(draft.method, self.value.id, draft);
  const sent = draft.method === 'none' ? await api.setTfaPolicy(body) : await api.setTfaPolicyWithLink(body);
  if (!sent.ok && !UNCERTAIN.has(sent.error.kind)) {
    return sent;
  }
  const link = sent.ok && typeof sent.value === 'string' ? await keepConfirmToken(origin, api.access, sent.value) : null;
  // 3.7 throws this only after the save, the sign-out of every session included, and only for a caller it does not ask for a code.
  const exempt = !sent.ok && sent.error.kind === 'server' && sent.error.callerExempt === true;
  const reread = await api.getTfaPolicy();
  const expected = { ...current.value, ...expectedAfterSave(draft) };
  const mismatches = reread.ok ? comparePolicy(draft, draftOf(reread.value)) : [];
  // Only a save that turned or kept TFA on signs every session out (§2.2): a 401 now proves it was applied.
  const appliedAfterAll = reread.ok ? mismatches.length === 0 : reread.error.kind === 'signedOut' && draft.method !== 'none';
  if (!sent.ok && !appliedAfterAll && !exempt) {
    return sent; // the failure was real: the portal does not hold the change
  }
  const signedOutNow = !reread.ok && reread.error.kind === 'signedOut';
  const next: NextStep = exempt ? { enrolNext: false, callerExempt: true } : sent.ok || draft.method === 'none'
    ? nextStepOf(link)
    : signedOutNow ? { enrolNext: false, linkLost: true } : await nextStepAfterLostAnswer(api, origin);
  // Names the editor knew, read before the sign-out below drops them (held-lists.ts keeps the first few).
  const knownNames = await cachedNames(origin);
  if (draft.method !== 'none') {
    await clearSignedIn(origin, api.access);
  }
  // What the extension saved is what it now holds: a list saved empty is never reported as emptied (held-lists.ts).
  await keepSaved(origin, reread.ok ? reread.value : expected, knownNames, api.access);
  if (!reread.ok) {
    const note = signedOutNow ? [] : [t.unread(reread.error.kind)];
    return ok({ policy: expected, mismatches: note, ...next, signedOut: signedOutNow });
  }
  const names = await nameOf(origin);
  return ok({ policy: reread.value, mismatches: mismatches.map((m) => describeMismatch(m, names)), ...next, signedOut: false });
}
