// Demo data of the emulated Navixy Admin Panel: operators with different permissions, and users of two dealers.

export type Permission = 'read' | 'update';

export interface DemoOperator {
  login: string;
  password: string;
  /** `users` permissions of the operator's role (Navixy "users: read/update"). */
  users: Permission[];
  note: string;
}

export interface PanelUser {
  id: number;
  login: string;
  first_name: string;
  middle_name: string;
  last_name: string;
  mfa_allowed: boolean;
  /** Users of another dealer exist in the database but are not this panel's (error 201). */
  dealer: 1 | 2;
}

export const DEMO_PASSWORD = 'demo-password';

/** Operators sign in with their numeric panel ID as login. `blocked`: an operator of a blocked dealer. */
export const DEMO_LOGINS: Readonly<Record<'admin' | 'viewer' | 'support' | 'blocked', string>> = { admin: '10001', viewer: '10002', support: '10003', blocked: '10004' };

export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD, users: ['read', 'update'], note: 'users: read, update' },
  { login: DEMO_LOGINS.viewer, password: DEMO_PASSWORD, users: ['read'], note: 'users: read' },
  { login: DEMO_LOGINS.support, password: DEMO_PASSWORD, users: [], note: 'no users permission' },
];

const FIRST = ['Anna', 'Boris', 'Chen', 'Dana', 'Emil', 'Farah', 'Goran', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lena'];
const LAST = ['Novak', 'Petrov', 'Silva', 'Tanaka', 'Okafor', 'Jensen', 'Moreau', 'Kowalski', 'Haddad', 'Rossi'];

/** The dealer's users: ids 1…count; every fifth has MFA allowed. Plus five users of dealer 2 (ids 901…905). */
export function demoUsers(count = 250): PanelUser[] {
  const own = Array.from({ length: count }, (_, i): PanelUser => {
    const id = i + 1;
    return {
      id,
      login: `driver${String(id).padStart(3, '0')}@fleet.test`,
      first_name: FIRST[i % FIRST.length]!,
      middle_name: '',
      last_name: `${LAST[Math.floor(i / FIRST.length) % LAST.length]!}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ''}`,
      mfa_allowed: id % 5 === 0,
      dealer: 1,
    };
  });
  const other = [901, 902, 903, 904, 905].map((id): PanelUser => ({
    id, login: `other${id}@elsewhere.test`, first_name: 'Other', middle_name: '', last_name: `Dealer ${id}`, mfa_allowed: false, dealer: 2,
  }));
  return [...own, ...other];
}
