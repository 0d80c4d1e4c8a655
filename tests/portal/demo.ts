// Demo data for the emulated DocSpace portal. GUIDs are fixed so tests and people can rely on them.

export type DemoRole = 'owner' | 'admin' | 'roomadmin' | 'user' | 'guest';

export interface DemoUser {
  id: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  /** Raw (not HTML-encoded) display name; the wire encodes it (fact sheet §10.5). */
  displayName: string;
  role: DemoRole;
  /** Ids of the tenant groups this user belongs to. */
  groups: string[];
  /** A disabled account: sign-in is refused, profile answers with `status: 2`. */
  terminated?: boolean;
  /** Invited and not yet joined: `status: 4` (Pending); listed between the active and the disabled accounts. */
  pending?: boolean;
  /** The user's own language (`CultureName`); unset: the portal's. Errors to this user are in it (§11.1). */
  culture?: string;
  /**
   * Signs in through the portal's SSO (`SsoNameId` set): `isSSO: true`, matched by `accountLoginType=0`, never asked
   * for a DocSpace code (§12.4, SsoHandler.cs). SIMPLIFIED: the emulator has no identity provider and still takes
   * this account's password on its own sign-in.
   */
  sso?: boolean;
  /** A confirmed mobile phone (`MobilePhoneActivationStatus.Activated`): `mobilePhoneActivationStatus: 1` and a number. */
  phoneActivated?: boolean;
}

export interface DemoGroup {
  id: string;
  name: string;
  /** Id of the group manager, if any. */
  managerId?: string;
}

export const DEMO_PASSWORD = 'demo-password';

/** System groups resolved by `GET group/{id}` (§10.2); never listed by `GET group`. */
export const SYSTEM_GROUPS = {
  everyone: { id: 'c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e', name: 'Everyone' },
  guest: { id: 'aced04fa-dd96-4b35-af3e-346bf1eb972d', name: 'Guest' },
  roomAdmin: { id: 'abef62db-11a8-4673-9d32-ef1d8af19dc0', name: 'RoomAdmin' },
  docSpaceAdmin: { id: 'cd84e66b-b803-40fc-99f9-b2969a54a1de', name: 'DocSpaceAdmin' },
  user: { id: '88f11e7c-7407-4bea-b4cb-070010cdbb6b', name: 'User' },
} as const;

export const GROUP_IDS = {
  finance: '4a1f6c3e-2b7d-4e59-9f10-6a0b7c1d2e01',
  engineering: '4a1f6c3e-2b7d-4e59-9f10-6a0b7c1d2e02',
  support: '4a1f6c3e-2b7d-4e59-9f10-6a0b7c1d2e03',
} as const;

const uid = (n: number): string => `8d1e5b2a-7c3f-4a6e-b0d9-${n.toString(16).padStart(12, '0')}`;

type Extra = Pick<DemoUser, 'terminated' | 'sso' | 'phoneActivated'>;
type Seed = [n: number, local: string, first: string, last: string, role: DemoRole, groups: string[], extra?: Extra];

const { finance, engineering, support } = GROUP_IDS;

const SEEDS: Seed[] = [
  [1, 'owner', 'Olivia', 'Owner', 'owner', []],
  [2, 'admin', 'Adam', 'Admin', 'admin', [support]],
  [3, 'roomadmin', 'Rita', 'Roomadmin', 'roomadmin', [engineering]],
  [4, 'user', 'Uma', 'User', 'user', [finance]],
  [5, 'guest', 'Gus', 'Guest', 'guest', []],
  [6, 'alice', 'Alice', 'Anderson', 'user', [finance]],
  [7, 'bob', 'Bob', 'Brown', 'roomadmin', [engineering]],
  [8, 'carol', 'Carol', 'Chen', 'user', [finance], { phoneActivated: true }],
  [9, 'dave', 'Dave', 'Dubois', 'user', [engineering]],
  [10, 'erin', 'Erin', 'Evans', 'user', [engineering]],
  [11, 'frank', 'Frank', 'Fischer', 'user', [finance, support]],
  [12, 'grace', 'Grace', 'García', 'user', [support]],
  [13, 'heidi', 'Heidi', 'Hansen', 'user', [support]],
  [14, 'ivan', 'Ivan', 'Ivanov', 'user', [engineering]],
  [15, 'judy', 'Judy', 'Jones', 'guest', []],
  [16, 'mallory', '<b>Mallory', '&"\'Quote', 'user', [engineering]],
  [17, 'trent', 'Trent', 'Terminated', 'user', [support], { terminated: true }],
  // Issue 26: an SSO account, added last so the ids and order of the others stay as they were.
  [18, 'sam', 'Sam', 'Sso', 'user', [], { sso: true }],
];

/** Fresh copies of the demo users. */
export function demoUsers(): DemoUser[] {
  return SEEDS.map(([n, local, firstName, lastName, role, groups, extra]) => ({
    id: uid(n),
    email: `${local}@demo.test`,
    password: DEMO_PASSWORD,
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    role,
    groups: [...groups],
    ...extra,
  }));
}

/** Fresh copies of the demo groups. */
export function demoGroups(): DemoGroup[] {
  return [
    { id: finance, name: 'Finance', managerId: uid(8) },
    { id: engineering, name: 'Engineering', managerId: uid(7) },
    { id: support, name: 'Support' },
  ];
}

export const ROLE_EMAILS: Record<DemoRole, string> = {
  owner: 'owner@demo.test',
  admin: 'admin@demo.test',
  roomadmin: 'roomadmin@demo.test',
  user: 'user@demo.test',
  guest: 'guest@demo.test',
};
