import type { CoveragePerson, CoverageReport, CoverageSummary } from '../../lib/providers/docspace/coverage/types';

/** Coverage fixtures for component and unit tests (issue 26). */
export const guid = (n: number) => `8d1e5b2a-7c3f-4a6e-b0d9-${n.toString(16).padStart(12, '0')}`;

export function person(n: number, over: Partial<CoveragePerson> = {}): CoveragePerson {
  return {
    id: guid(n), name: `Person ${n}`, email: `p${n}@example.com`, role: 'user', status: 'active',
    hasApp: true, phoneActivated: null, sso: false, mandatory: null, groupIds: [], ...over,
  };
}

export const OWNER = guid(1);
export const ADMIN = guid(2);

/** A small portal: the owner, two admins (one without an app), people with and without, SSO, pending, disabled, mandatory. */
export const PEOPLE: CoveragePerson[] = [
  person(1, { name: 'Olga Owner', email: 'owner@example.com', role: 'owner' }),
  person(2, { name: 'Ada Admin', email: 'ada@example.com', role: 'admin' }),
  person(3, { name: 'Boris Admin', email: 'boris@example.com', role: 'admin', hasApp: false }),
  person(4, { name: 'Élodie Durand', email: 'elodie@example.com', hasApp: false, mandatory: 'user' }),
  person(5, { name: 'Юлия Смирнова', email: 'yulia@example.com', hasApp: false, mandatory: 'group' }),
  person(6, { name: 'Sam Sso', email: 'sam@example.com', hasApp: false, sso: true }),
  person(7, { name: 'Pat Pending', email: 'pat@example.com', hasApp: false, status: 'pending' }),
  person(8, { name: 'Dan Disabled', email: 'dan@example.com', hasApp: false, status: 'disabled' }),
  person(9, { name: 'Carl Covered', email: 'carl@example.com', mandatory: 'user' }),
];

export const SUMMARY: CoverageSummary = {
  countedAt: Date.UTC(2026, 11, 7, 5, 0), mode: 'app', total: 9, read: 9, active: 7, covered: 3, sso: 1,
  adminsWithout: 1, without: 3, mandatoryWithout: 2, meCovered: true, ownerCovered: true,
};

export function report(over: Partial<CoverageReport> = {}): CoverageReport {
  return { origin: 'https://portal.example.com', unavailable: null, summary: SUMMARY, people: PEOPLE, missing: 0, partial: false, meId: OWNER, ownerId: OWNER, ...over };
}
