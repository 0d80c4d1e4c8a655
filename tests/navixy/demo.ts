// Demo data of the emulated Navixy Admin Panel: operators (numeric panel logins) with different
// permissions, and the end users of two dealers. Shapes follow the official spec (Admin_Panel.json v1.2.0):
// a listed user carries every field of the spec's `User` schema, the legal ones too ("every legal field is
// present regardless of `legal_type`, with empty strings where a field does not apply"). The values are
// invented but realistic in shape and size (a listed user is about 1 KB of JSON, as on a real panel).

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

export type LegalType = 'individual' | 'legal_entity' | 'sole_trader';

/** A user as `panel/user/list` sends it: every property of the spec's `User`, in the spec's order. */
export interface PanelUser {
  id: number;
  dealer_id: number;
  login: string;
  activated: boolean;
  verified: boolean;
  phone_verified: boolean;
  legal_type: LegalType;
  first_name: string;
  middle_name: string;
  last_name: string;
  phone: string;
  post_country: string;
  post_index: string;
  post_region: string;
  post_city: string;
  post_street_address: string;
  registered_country: string;
  registered_index: string;
  registered_region: string;
  registered_city: string;
  registered_street_address: string;
  legal_name: string;
  tin: string;
  iec: string;
  state_reg_num: string;
  okpo_code: string;
  balance: number;
  bonus: number;
  trackers_count: number;
  menu_preset_id: number | null;
  mfa_allowed: boolean;
  creation_date: string;
  comment: string;
}

/** The fields `filter` matches ([LIST]: id, login, names, phone, post_*, registered_*, tin, iec, legal_name). */
export const FILTER_FIELDS = [
  'id', 'login', 'first_name', 'middle_name', 'last_name', 'phone',
  'post_country', 'post_index', 'post_region', 'post_city', 'post_street_address',
  'registered_country', 'registered_index', 'registered_region', 'registered_city', 'registered_street_address',
  'tin', 'iec', 'legal_name',
] as const satisfies readonly (keyof PanelUser)[];

/** A user as the emulator stores it: `mfa` is the user's own setting (null: none, the dealer's default applies). */
export interface StoredUser extends Omit<PanelUser, 'mfa_allowed'> {
  mfa: MfaSettings | null;
  /** The dealer's demo user (option `allSkipsDemoUser`: `settings/update` with target `all` leaves it alone). Never sent. */
  demo: boolean;
  /** The lower-cased {@link FILTER_FIELDS}, for the server-side filter. Never sent. */
  haystack: string;
}

export const DEMO_PASSWORD = 'demo-password';

/** Operators sign in with their numeric panel ID as login. `blocked`: an operator of a blocked dealer. */
export const DEMO_LOGINS: Readonly<Record<'admin' | 'viewer' | 'support' | 'blocked', string>> = { admin: '10001', viewer: '10002', support: '10003', blocked: '10004' };

/** The signed-in dealer, and another dealer whose users exist in the database but are not this panel's (error 201). */
export const DEALER_ID = 5001;
export const OTHER_DEALER_ID = 5002;
/** The dealer's demo user ([PANEL]'s UI: "applied to all platform users and sub-users, except of the demo user"). */
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
const MIDDLE = ['Marie', 'Olegovich', 'José'];
/** country, phone prefix, region, city, postal code, street. */
const PLACES = [
  ['Germany', '49', 'Berlin', 'Berlin', '10115', 'Invalidenstraße'],
  ['Spain', '34', 'Comunidad de Madrid', 'Madrid', '28013', 'Calle de Alcalá'],
  ['Brazil', '55', 'São Paulo', 'Campinas', '13010-111', 'Rua Barão de Jaguara'],
  ['Kenya', '254', 'Nairobi County', 'Nairobi', '00100', 'Kenyatta Avenue'],
  ['Poland', '48', 'Małopolskie', 'Kraków', '30-001', 'ulica Długa'],
  ['Serbia', '381', 'Vojvodina', 'Novi Sad', '21000', 'Bulevar oslobođenja'],
  ['Mexico', '52', 'Nuevo León', 'Monterrey', '64000', 'Avenida Constitución'],
  ['United Arab Emirates', '971', 'Dubai', 'Dubai', '00000', 'Sheikh Zayed Road'],
  ['Chile', '56', 'Región Metropolitana', 'Santiago', '8320000', 'Avenida Libertador Bernardo O\'Higgins'],
] as const;
const COMPANY = ['Logistics', 'Freight', 'Transport', 'Couriers', 'Fleet Services', 'Cargo'];
const FORM = ['GmbH', 'S.L.', 'Ltda.', 'Ltd', 'sp. z o.o.', 'd.o.o.', 'S.A. de C.V.', 'LLC', 'SpA'];
const COMMENTS = [
  '',
  'Contract renewed for 12 months; invoices by e-mail to the accounts department, paper copies on request.',
  '',
  'Prefers contact by phone between 9:00 and 17:00 local time. Trackers installed by the regional partner.',
  'Pilot customer: keep the old map preset until the drivers are trained. Ask before changing the plan.',
];
const CREATED = Date.UTC(2023, 0, 2, 9, 0, 0);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
function dateOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
/** Deterministic digits of a given width from an id and a salt. */
const digits = (id: number, salt: number, width: number) => pad(Math.abs((id * 2_654_435_761 + salt * 40_503) % 10 ** Math.min(width, 9)), width);

export function haystackOf(u: Pick<PanelUser, (typeof FILTER_FIELDS)[number]>): string {
  return FILTER_FIELDS.map((f) => String(u[f])).join('\n').toLowerCase();
}

export function storedUser(u: Omit<StoredUser, 'haystack'>): StoredUser {
  return { ...u, haystack: haystackOf(u) };
}

/** Ids of the other dealer's users: 901…905 while the dealer has fewer than 900 users, else just above its own ids. */
export function foreignIds(count: number): number[] {
  const base = count < 900 ? 900 : count + 900;
  return [1, 2, 3, 4, 5].map((k) => base + k);
}

type Fields = Omit<StoredUser, 'haystack' | 'mfa' | 'demo'>;

/**
 * Every field of user `id` except the MFA setting, derived from the id alone (so a user can be made without
 * keeping the others, e.g. for option `runawayCount`). Every 6th user (from 6) is a legal entity, every 6th
 * from 3 a sole trader, the rest individuals; ids ending in 7 have a middle name (the others none, as the
 * existing tests' "Boris Novak" expects); every 7th is not activated and owns no trackers; every 9th has no
 * phone. `names`: the index into the name lists (the demo users' order, so names repeat in blocks).
 */
export function userFields(id: number, dealerId: number, names = id - 1, loginDomain = 'fleet.test'): Fields {
  const [country, code, region, city, index, street] = PLACES[(id * 5) % PLACES.length]!;
  const legal: LegalType = id % 6 === 0 ? 'legal_entity' : id % 6 === 3 ? 'sole_trader' : 'individual';
  const business = legal !== 'individual';
  const last = LAST[Math.floor(names / FIRST.length) % LAST.length]!;
  const round = Math.floor(names / (FIRST.length * LAST.length));
  const phone = id % 9 === 0 ? '' : `${code}${digits(id, 1, 9)}`;
  return {
    id,
    dealer_id: dealerId,
    login: `driver${pad(id, 3)}@${loginDomain}`,
    activated: id % 7 !== 0,
    verified: id % 7 !== 0,
    phone_verified: phone !== '' && id % 4 !== 1,
    legal_type: legal,
    first_name: FIRST[names % FIRST.length]!,
    middle_name: id % 10 === 7 ? MIDDLE[Math.floor(id / 10) % MIDDLE.length]! : '',
    last_name: `${last}${round > 0 ? ` ${round + 1}` : ''}`,
    phone,
    post_country: country,
    post_index: index,
    post_region: region,
    post_city: city,
    post_street_address: `${street} ${(id % 180) + 1}`,
    registered_country: business ? country : '',
    registered_index: business ? index : '',
    registered_region: business ? region : '',
    registered_city: business ? city : '',
    registered_street_address: business ? `${street} ${(id % 180) + 1}, office ${(id % 40) + 1}` : '',
    legal_name: legal === 'legal_entity' ? `${last} ${COMPANY[id % COMPANY.length]!} ${FORM[(id * 5) % FORM.length]!}` : '',
    tin: business ? digits(id, 2, 10) : '',
    iec: legal === 'legal_entity' ? digits(id, 3, 9) : '',
    state_reg_num: business ? `${digits(id, 4, 7)}${digits(id, 5, 6)}` : '',
    okpo_code: business ? digits(id, 6, 8) : '',
    balance: Math.round(((id * 7919) % 250_000) - 20_000) / 100,
    bonus: id % 4 === 0 ? ((id * 131) % 5000) / 100 : 0,
    trackers_count: id % 7 === 0 ? 0 : (id * 37) % 120,
    menu_preset_id: id % 3 === 0 ? 346 : null,
    creation_date: dateOf(CREATED + id * 3_600_000),
    comment: COMMENTS[id % COMMENTS.length]!,
  };
}

/**
 * The dealer's users: ids 1…count. Own MFA setting: every fifth allowed (email); ids ending in 3
 * and the demo user have none (they follow the dealer's default); the rest disallowed. Every seventh
 * is not activated. User 4 is the demo user. Plus five users of another dealer ({@link foreignIds}).
 */
export function demoUsers(count = 250, loginDomain?: string): StoredUser[] {
  const own = Array.from({ length: count }, (_, i): StoredUser => {
    const id = i + 1;
    return storedUser({
      ...userFields(id, DEALER_ID, id - 1, loginDomain),
      mfa: id % 5 === 0 ? { type: 'allowed', factor_types: ['email'] } : id % 10 === 3 || id === DEMO_USER_ID ? null : { type: 'disallowed' },
      demo: id === DEMO_USER_ID,
    });
  });
  const other = foreignIds(count).map((id): StoredUser => storedUser({
    ...userFields(id, OTHER_DEALER_ID),
    login: `other${id}@elsewhere.test`, first_name: 'Other', middle_name: '', last_name: `Dealer ${id}`,
    activated: true, verified: true, creation_date: dateOf(CREATED), mfa: { type: 'disallowed' }, demo: false,
  }));
  return [...own, ...other];
}
