// A big, messy portal for the emulator (issue 14): thousands of users and hundreds of groups, names of every
// shape a real portal may hold, and a TFA policy naming thousands of them with entries our editor would never
// write. Deterministic: the same ids and names on every start, so tests and people can rely on them.
//
// What a real portal allows (fact sheet §2, §10):
// - display names are free text (markup, any script, bidi controls, very long), encoded on the wire (§10.5);
// - mandatory users and groups are stored as `List<Guid>`: only GUIDs, lower-case on the wire; a user deleted
//   after being named stays in the list (nothing prunes it);
// - trusted IPs are `List<string>`, not validated on save: a malformed entry written by another client is stored
//   and returned verbatim.
//
// Who is who (issue 26, BIG_MIX below): a deterministic mix by the user's number n, close to a portal some time
// after TFA was switched on. About 80 % have an authenticator, 4 % sign in through SSO, 3 % are invited and not yet
// joined (Pending), 2 % are disabled, 12 are DocSpace admins (3 of them without an app), 5 % room admins, 2 % guests,
// the rest users. ASSUMPTIONS (no source gives real proportions): SSO and pending people have no app (SSO people are
// never asked for a DocSpace code, pending ones never signed in); disabled people keep the app they had; the first 50
// big users (the odd names among them) are plain active users, so lists that start with them look as before.
import { type DemoGroup, type DemoRole, type DemoUser, DEMO_PASSWORD, SYSTEM_GROUPS } from './demo';

export const BIG_USERS = 5_000;
export const BIG_GROUPS = 300;

const userId = (n: number): string => `b1600000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const groupId = (n: number): string => `b1600001-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
/** Ids the policy names but the portal no longer has (the user or group was deleted). */
const deletedUserId = (n: number): string => `dead0000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const deletedGroupId = (n: number): string => `dead0001-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The odd names, in the order the first users carry them (the popup shows the first few). */
export const ODD_NAMES: readonly { first: string; last: string }[] = [
  { first: 'محمد', last: 'عبد الله' }, // Arabic, right-to-left
  { first: 'W'.repeat(300), last: '' }, // one unbroken 300-character word
  { first: '<b>Bold</b>', last: '<img src=x onerror=alert(1)> & "Co"' }, // markup
  { first: 'דוד', last: 'לוי' }, // Hebrew, right-to-left
  { first: '\u202Egnp.exe\u202C', last: 'Override' }, // a right-to-left override
  { first: '田中', last: '太郎' }, // CJK
  { first: 'Anne-Marie', last: 'Ó Súilleabháin-Łukasiewicz'.repeat(4) }, // long with breaks
];

/** The 12 admins: n = 100, 500, …, 4,500; the 4th, 8th and 12th (1,300, 2,900, 4,500) have no app. */
const ADMIN_NS: readonly number[] = Array.from({ length: 12 }, (_, k) => 100 + 400 * k);
const ADMINS_WITHOUT_NS: readonly number[] = [ADMIN_NS[3]!, ADMIN_NS[7]!, ADMIN_NS[11]!];

/** The mix for big user n (1 … BIG_USERS): role, status, SSO and whether they have an authenticator. */
export function bigMixOf(n: number): { role: DemoRole; pending: boolean; terminated: boolean; sso: boolean; enrolled: boolean } {
  const plain = n <= 50;
  const r = n % 100;
  const admin = ADMIN_NS.includes(n);
  const pending = !plain && [17, 53, 89].includes(r);
  const terminated = !plain && [29, 71].includes(r);
  const sso = !plain && n % 25 === 13;
  const role: DemoRole = admin ? 'admin' : !plain && n % 20 === 7 ? 'roomadmin' : !plain && n % 50 === 41 ? 'guest' : 'user';
  const enrolled = admin ? !ADMINS_WITHOUT_NS.includes(n) : !pending && !sso && n % 7 !== 3;
  return { role, pending, terminated, sso, enrolled };
}

function bigUser(n: number): DemoUser {
  const odd = ODD_NAMES[n - 1];
  const firstName = odd?.first ?? `User${n}`;
  const lastName = odd?.last ?? `Big${String(n).padStart(4, '0')}`;
  const local = n === 2 ? `${'very.long.address.'.repeat(6)}user${n}` : `big${n}`;
  const mix = bigMixOf(n);
  return {
    id: userId(n),
    email: `${local}@big.demo.test`,
    password: DEMO_PASSWORD,
    firstName,
    lastName,
    displayName: lastName ? `${firstName} ${lastName}` : firstName,
    role: mix.role,
    groups: [groupId(((n - 1) % BIG_GROUPS) + 1)],
    ...(mix.pending ? { pending: true } : {}),
    ...(mix.terminated ? { terminated: true } : {}),
    ...(mix.sso ? { sso: true } : {}),
  };
}

function bigGroup(n: number): DemoGroup {
  const odd: Record<number, string> = {
    1: 'مجموعة المالية',
    2: 'G'.repeat(250),
    3: '<script>alert("group")</script>',
  };
  return { id: groupId(n), name: odd[n] ?? `Team ${String(n).padStart(3, '0')}` };
}

export function bigUsers(): DemoUser[] {
  return Array.from({ length: BIG_USERS }, (_, i) => bigUser(i + 1));
}

export function bigGroups(): DemoGroup[] {
  return Array.from({ length: BIG_GROUPS }, (_, i) => bigGroup(i + 1));
}

/** Trusted-IP entries our editor would refuse, stored verbatim as another client wrote them. */
export const MALFORMED_IPS: readonly string[] = ['10.0.0.999', 'not an address', '192.168.1.0/33'];
export const VALID_IPS: readonly string[] = ['192.0.2.0/24', '198.51.100.10-198.51.100.20', '2001:db8::/32', '203.0.113.7'];
export const DELETED_USERS: readonly string[] = Array.from({ length: 10 }, (_, i) => deletedUserId(i + 1));
export const DELETED_GROUPS: readonly string[] = Array.from({ length: 3 }, (_, i) => deletedGroupId(i + 1));

/**
 * The policy: 5,000 mandatory users (4,990 who exist, the 10 deleted spread through the list), 250 groups plus
 * two system groups and three deleted, and trusted IPs with three malformed entries. The first entries of each
 * list are the odd names.
 */
export function bigPolicy(): { enabled: true; trustedIps: string[]; mandatoryUsers: string[]; mandatoryGroups: string[] } {
  const users = Array.from({ length: BIG_USERS - DELETED_USERS.length }, (_, i) => userId(i + 1));
  DELETED_USERS.forEach((id, i) => users.splice(100 + i * 450, 0, id));
  const groups = Array.from({ length: 250 }, (_, i) => groupId(i + 1));
  groups.splice(10, 0, SYSTEM_GROUPS.guest.id, SYSTEM_GROUPS.docSpaceAdmin.id);
  DELETED_GROUPS.forEach((id, i) => groups.splice(50 + i * 60, 0, id));
  const trustedIps = [VALID_IPS[0]!, MALFORMED_IPS[0]!, VALID_IPS[1]!, MALFORMED_IPS[1]!, VALID_IPS[2]!, MALFORMED_IPS[2]!, VALID_IPS[3]!];
  return { enabled: true, trustedIps, mandatoryUsers: users, mandatoryGroups: groups };
}

const ns = (keep: (n: number) => boolean): string[] =>
  Array.from({ length: BIG_USERS }, (_, i) => i + 1).filter(keep).map(userId);
const mixes = Array.from({ length: BIG_USERS + 1 }, (_, n) => (n === 0 ? null : bigMixOf(n)));
const mixOf = (n: number) => mixes[n]!;
const active = (n: number): boolean => !mixOf(n).pending && !mixOf(n).terminated;

/**
 * The big users' mix (the 5,000 of tests/portal/big.ts only; the demo portal's own 18 accounts come on top, with
 * whatever a test enrols of them). Ids, lower-case; `counts` are their lengths. "Active" = neither pending nor
 * disabled (`status: 1`). The big portal seeds an enrolment (backup codes, no secret) for every id in `enrolled`.
 */
export const BIG_MIX = {
  total: BIG_USERS,
  admins: ADMIN_NS.map(userId),
  adminsWithout: ADMINS_WITHOUT_NS.map(userId),
  active: ns(active),
  pending: ns((n) => mixOf(n).pending),
  disabled: ns((n) => mixOf(n).terminated),
  sso: ns((n) => mixOf(n).sso),
  ssoActive: ns((n) => mixOf(n).sso && active(n)),
  roomAdmins: ns((n) => mixOf(n).role === 'roomadmin'),
  guests: ns((n) => mixOf(n).role === 'guest'),
  enrolled: ns((n) => mixOf(n).enrolled),
  enrolledActive: ns((n) => mixOf(n).enrolled && active(n)),
} as const;
