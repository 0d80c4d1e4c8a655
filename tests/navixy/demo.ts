// Demo data of the emulated Navixy Admin Panel: operators (numeric panel logins) with different
// permissions, and the end users of two dealers. Shapes follow the official spec (Admin_Panel.json v1.2.0).

/** `PanelPermissions`: category → granted actions. An absent category grants nothing. */
export type PanelPermissions = Record<string, string[]>;

/** `MfaSettings` as the panel stores and answers it. */
export type MfaSettings = { type: 'allowed'; factor_types: string[] } | { type: 'disallowed' };

export interface DemoOperator {
  /** The panel login: numeric (the panel ID) on Navixy-hosted panels. */
  login: string;
  password: string;
  /** What `panel/account/auth` and `panel/account/get_permissions` answer. */
  permissions: PanelPermissions;
  /** The operator's dealer is blocked: `panel/account/auth` answers code 11 (HTTP 403). */
  blocked?: boolean;
  note: string;
}

/** A user as `panel/user/list` sends it (a schema-valid subset of the spec's `User`). */
export interface PanelUser {
  id: number;
  dealer_id: number;
  login: string;
  first_name: string;
  middle_name: string;
  last_name: string;
  activated: boolean;
  verified: boolean;
  legal_type: 'individual' | 'legal_entity' | 'sole_trader';
  creation_date: string;
  mfa_allowed: boolean;
}

/** A user as the emulator stores it: `mfa` is the user's own setting (null: none, the dealer's default applies). */
export interface StoredUser extends Omit<PanelUser, 'mfa_allowed'> {
  mfa: MfaSettings | null;
  /** The dealer's demo user: `settings/update` with target `all` leaves it alone. Never sent. */
  demo: boolean;
  /** Lower-cased id, login and names, for the server-side filter. Never sent. */
  haystack: string;
}

export const DEMO_PASSWORD = 'demo-password';

/** Operators sign in with their numeric panel ID as login. `blocked`: an operator of a blocked dealer. */
export const DEMO_LOGINS: Readonly<Record<'admin' | 'viewer' | 'support' | 'blocked', string>> = { admin: '10001', viewer: '10002', support: '10003', blocked: '10004' };

/** The signed-in dealer, and another dealer whose users exist in the database but are not this panel's (error 201). */
export const DEALER_ID = 5001;
export const OTHER_DEALER_ID = 5002;
/** The dealer's demo user (Navixy: "applied to all platform users and sub-users, except of the demo user"). */
export const DEMO_USER_ID = 4;

const BASE: PanelPermissions = { base: ['get_dealer_info'] };

export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD, permissions: { ...BASE, users: ['read', 'update'], user_sessions: ['create'] }, note: 'users: read, update' },
  { login: DEMO_LOGINS.viewer, password: DEMO_PASSWORD, permissions: { ...BASE, users: ['read'] }, note: 'users: read' },
  { login: DEMO_LOGINS.support, password: DEMO_PASSWORD, permissions: { ...BASE, trackers: ['read'] }, note: 'no users permission (the category is absent)' },
  { login: DEMO_LOGINS.blocked, password: DEMO_PASSWORD, permissions: { ...BASE, users: ['read', 'update'] }, blocked: true, note: 'the dealer is blocked: sign-in answers error 11' },
];

const FIRST = ['Anna', 'Boris', 'Chen', 'Dana', 'Emil', 'Farah', 'Goran', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lena'];
const LAST = ['Novak', 'Petrov', 'Silva', 'Tanaka', 'Okafor', 'Jensen', 'Moreau', 'Kowalski', 'Haddad', 'Rossi'];
const CREATED = Date.UTC(2023, 0, 2, 9, 0, 0);

const pad = (n: number) => String(n).padStart(2, '0');
function dateOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function haystackOf(u: Pick<PanelUser, 'id' | 'login' | 'first_name' | 'middle_name' | 'last_name'>): string {
  return `${u.id}\n${u.login}\n${u.first_name}\n${u.middle_name}\n${u.last_name}`.toLowerCase();
}

export function storedUser(u: Omit<StoredUser, 'haystack'>): StoredUser {
  return { ...u, haystack: haystackOf(u) };
}

/** Ids of the other dealer's users: 901…905 while the dealer has fewer than 900 users, else just above its own ids. */
export function foreignIds(count: number): number[] {
  const base = count < 900 ? 900 : count + 900;
  return [1, 2, 3, 4, 5].map((k) => base + k);
}

/**
 * The dealer's users: ids 1…count. Own MFA setting: every fifth allowed (email); ids ending in 3
 * and the demo user have none (they follow the dealer's default); the rest disallowed. Every seventh
 * is not activated. User 4 is the demo user. Plus five users of another dealer ({@link foreignIds}).
 */
export function demoUsers(count = 250): StoredUser[] {
  const own = Array.from({ length: count }, (_, i): StoredUser => {
    const id = i + 1;
    return storedUser({
      id,
      dealer_id: DEALER_ID,
      login: `driver${String(id).padStart(3, '0')}@fleet.test`,
      first_name: FIRST[i % FIRST.length]!,
      middle_name: '',
      last_name: `${LAST[Math.floor(i / FIRST.length) % LAST.length]!}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ''}`,
      activated: id % 7 !== 0,
      verified: id % 7 !== 0,
      legal_type: 'individual',
      creation_date: dateOf(CREATED + id * 3_600_000),
      mfa: id % 5 === 0 ? { type: 'allowed', factor_types: ['email'] } : id % 10 === 3 || id === DEMO_USER_ID ? null : { type: 'disallowed' },
      demo: id === DEMO_USER_ID,
    });
  });
  const other = foreignIds(count).map((id): StoredUser => storedUser({
    id, dealer_id: OTHER_DEALER_ID, login: `other${id}@elsewhere.test`, first_name: 'Other', middle_name: '', last_name: `Dealer ${id}`,
    activated: true, verified: true, legal_type: 'individual', creation_date: dateOf(CREATED), mfa: { type: 'disallowed' }, demo: false,
  }));
  return [...own, ...other];
}
