import type { NavEntry } from '../../../provider';
import { hostOf } from '../../../portal/origin';
import type { PortalStatus, Role } from '../protocol';
import { call } from '../call';
import { options as t } from '../i18n/options';
import { optionsUrl, type ViewName } from './views';

/** What the navigation knows of the signed-in person on a portal: role and enrolment, or nothing yet. */
export interface PortalAccess {
  role: Role | null;
  enrolment: 'enrolled' | 'notEnrolled' | 'unknown';
}
export const UNKNOWN_ACCESS: PortalAccess = { role: null, enrolment: 'unknown' };

/** A portal's sections in navigation order (common.txt: the same names everywhere). */
const SECTIONS: readonly ViewName[] = ['enrol', 'codes', 'reset', 'policy', 'coverage', 'owner'];

/**
 * Whether `role` can use a section: the policy and the coverage are for admins and the owner, resetting someone
 * else's authenticator for the owner; everyone has their own authenticator, backup codes and reset. An unknown role
 * (no status yet, signed out) gets what every user has.
 */
export function canUse(view: ViewName, role: Role | null): boolean {
  if (view === 'policy' || view === 'coverage') return role === 'admin' || role === 'owner';
  if (view === 'owner') return role === 'owner';
  return true;
}

/** The sections a portal's navigation shows: what the role can use, and the one shown now even when it cannot. */
export function portalSections(access: PortalAccess, shown: ViewName | null): ViewName[] {
  return SECTIONS.filter((v) => canUse(v, access.role) || v === shown);
}

/** The authenticator's state beside its name, when the status says it. */
const enrolmentState = (access: PortalAccess): Partial<NavEntry> =>
  access.enrolment === 'enrolled' ? { state: t.state.setUp, stateTone: 'ok' } : access.enrolment === 'notEnrolled' ? { state: t.state.notSetUp, stateTone: 'warn' } : {};

/** The person's role and enrolment from the status the background holds (read only when it holds none). */
export function accessOf(status: PortalStatus): PortalAccess {
  if (status.state !== 'ready') return UNKNOWN_ACCESS;
  return { role: status.me?.role ?? null, enrolment: status.enrolment.state };
}

interface NavInput {
  portals: readonly { origin: string; host: string }[];
  /** The portal the page works on, and the view shown (null: another provider's page). */
  origin: string | null;
  view: ViewName | null;
  access: PortalAccess;
  /** In-page navigation to an options query; absent on another provider's page (links load the page). */
  go?: (href: string) => void;
}

/**
 * DocSpace's part of the navigation: "Portals" (the overview), then each known portal by host; the selected
 * portal's sections under it, filtered by role, with the authenticator's state.
 */
export function docspaceNav({ portals, origin, view, access, go }: NavInput): NavEntry[] {
  const entry = (key: string, label: string, href: string, current: boolean, extra: Partial<NavEntry> = {}): NavEntry => ({
    key, label, href, current, ...(go ? { onSelect: () => go(href) } : {}), ...extra,
  });
  const listed = origin && !portals.some((p) => p.origin === origin) ? [...portals, { origin, host: hostOf(origin) }] : portals;
  const sections = (o: string) =>
    portalSections(access, view).map((v) => entry(v, t.views[v], optionsUrl(v, o), v === view, v === 'enrol' ? enrolmentState(access) : {}));
  return [
    entry('portals', t.views.portals, optionsUrl('portals', origin), view === 'portals'),
    ...listed.map((p) => entry(`portal ${p.origin}`, p.host, optionsUrl('enrol', p.origin), false, p.origin === origin ? { children: sections(p.origin) } : {})),
  ];
}

/** DocSpace's entries for another provider's page: the overview and every known portal (no sections). */
export async function listDocspaceSites(): Promise<NavEntry[]> {
  const known = await call<'listPortals'>({ type: 'listPortals' });
  return docspaceNav({ portals: known.ok ? known.value : [], origin: null, view: null, access: UNKNOWN_ACCESS });
}
