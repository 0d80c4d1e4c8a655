// Response DTOs: EmployeeDto / EmployeeFullDto / GroupDto / GroupSummaryDto (§10.5), TfaSettingsDto (§2.1).
import { type Ctx, requestCulture } from './context';
import { type DemoGroup, type DemoUser, SYSTEM_GROUPS } from './demo';
import { resourceText } from './resources';
import type { TfaSettings } from './state';
import { EMPTY_GUID, apiDate, htmlEncode } from './wire';

const REGISTERED_MS = Date.UTC(2024, 0, 15, 10, 30);

export function employee(ctx: Ctx, u: DemoUser): Record<string, unknown> {
  const hash = u.id.slice(-6);
  const userName = ctx.state.userName(u);
  const name = `${u.firstName} ${u.lastName}`.trim();
  return {
    id: u.id,
    displayName: htmlEncode(name || u.email),
    avatar: `/static/images/default_user_photo_size_82-82.png?hash=${hash}`,
    avatarOriginal: `/static/images/default_user_photo_size_200-200.png?hash=${hash}`,
    avatarMax: `/static/images/default_user_photo_size_200-200.png?hash=${hash}`,
    avatarMedium: `/static/images/default_user_photo_size_48-48.png?hash=${hash}`,
    avatarSmall: `/static/images/default_user_photo_size_32-32.png?hash=${hash}`,
    profileUrl: `${ctx.origin}/accounts/people/filter?search=${encodeURIComponent(u.email)}`,
    hasAvatar: false,
    isAnonim: false,
    userName,
  };
}

export function groupSummary(ctx: Ctx, g: DemoGroup): Record<string, unknown> {
  const manager = g.managerId ? ctx.state.findUser(g.managerId) : undefined;
  return { id: g.id, name: g.name, manager: manager ? ctx.state.userName(manager) : undefined };
}

/**
 * A made-up number for an account with an activated phone, from the fictional 555-01xx range. EmployeeFullDto.cs
 * (server master ed2994e7, lines 414-419) writes `MobilePhone` as stored whenever it is not empty, with no masking
 * there, and `MobilePhoneActivationStatus` always; whether another layer hides the number from some callers is
 * UNCONFIRMED (not read). Accounts without an activated phone have no number here (the key is omitted).
 */
const phoneOf = (u: DemoUser): string => `+1555010${(parseInt(u.id.slice(-4), 16) % 100).toString().padStart(2, '0')}`;

/**
 * Full profile as seen by `viewer`. `tfaAppEnabled` (§4.1, §12.5; EmployeeFullDto.cs `GetFullAsync`): only for a
 * DocSpace-admin viewer (the owner counts) while the app policy is enabled, and only on a portal from v3.1.1 on
 * (`state.tfaAppField`); otherwise the key is absent, never false. true = the person has stored backup codes
 * (`TfaAppUserSettings.EnableForUserAsync` = `CodesSetting.Any()`), which stays so when every code is used.
 * `isSSO` from DemoUser.sso; `isLDAP` always false (the emulator has no LDAP accounts).
 * SIMPLIFIED: every account is activated, in no department, registered on one date and created by the owner; no
 * contacts, quota or theme fields.
 */
export function employeeFull(ctx: Ctx, u: DemoUser, viewer: DemoUser): Record<string, unknown> {
  const st = ctx.state;
  const base = employee(ctx, u);
  const viewerIsAdmin = st.isAdmin(viewer);
  const groups = u.groups
    .map((id) => st.groups.find((g) => g.id === id))
    .filter((g): g is DemoGroup => Boolean(g))
    .map((g) => groupSummary(ctx, g));
  const { userName, ...rest } = base;
  return {
    ...rest,
    firstName: u.firstName,
    lastName: u.lastName,
    userName,
    email: u.email,
    status: u.terminated ? 2 : u.pending ? 4 : 1,
    activationStatus: u.pending ? 2 : 1,
    terminated: u.terminated ? apiDate(REGISTERED_MS + 86_400_000) : undefined,
    department: '',
    groups,
    isAdmin: u.role === 'admin' || (u.role === 'owner' && st.version !== '3.7'),
    isRoomAdmin: u.role === 'roomadmin',
    isOwner: u.role === 'owner',
    isVisitor: u.role === 'guest',
    isCollaborator: u.role === 'user',
    isLDAP: false,
    isSSO: u.sso === true,
    listAdminModules: u.role === 'admin' ? ['people'] : undefined,
    cultureName: u.culture ?? st.culture,
    mobilePhone: u.phoneActivated ? phoneOf(u) : undefined,
    mobilePhoneActivationStatus: u.phoneActivated ? 1 : 0,
    registrationDate: apiDate(REGISTERED_MS),
    createdBy: viewerIsAdmin && u.role !== 'owner' ? employee(ctx, st.owner) : undefined,
    tfaAppEnabled: viewerIsAdmin && st.app.enable && st.tfaAppField ? st.isEnrolled(u.id) : undefined,
    hasPersonalFolder: u.role !== 'guest',
  };
}

export function groupMembers(ctx: Ctx, groupId: string): DemoUser[] {
  const g = groupId.toLowerCase();
  if (Object.values(SYSTEM_GROUPS).some((s) => s.id === g)) return ctx.state.users.filter((u) => ctx.state.inGroup(u, g));
  // A tenant group: its members name it (a plain comparison first: thousands of users per group listed).
  return ctx.state.users.filter((u) => u.groups.some((id) => id === g || id.toLowerCase() === g));
}

export function groupDto(ctx: Ctx, g: DemoGroup & { isSystem?: boolean }, viewer: DemoUser, includeMembers: boolean) {
  const manager = g.managerId ? ctx.state.findUser(g.managerId) : undefined;
  const members = groupMembers(ctx, g.id);
  return {
    name: g.name,
    parent: EMPTY_GUID,
    category: EMPTY_GUID,
    id: g.id,
    isLDAP: false,
    isSystem: g.isSystem ? true : undefined,
    manager: manager ? employeeFull(ctx, manager, viewer) : undefined,
    members: includeMembers ? members.map((m) => employeeFull(ctx, m, viewer)) : undefined,
    membersCount: members.length,
  };
}

export function systemGroup(id: string): (DemoGroup & { isSystem: true }) | undefined {
  const g = Object.values(SYSTEM_GROUPS).find((s) => s.id === id.toLowerCase());
  return g ? { id: g.id, name: g.name, isSystem: true } : undefined;
}

/** One `TfaSettingsDto`; v3.6 spells the flag `avaliable`. The title is a resource, in the request's culture. */
export function tfaSettingsDto(ctx: Ctx, id: 'sms' | 'app', s: TfaSettings, enabled: boolean, available: boolean) {
  const flag = ctx.state.version !== '3.7' ? 'avaliable' : 'available';
  return {
    id,
    title: resourceText(id === 'sms' ? 'ButtonSmsEnable' : 'ButtonTfaAppEnable', requestCulture(ctx)),
    enabled,
    [flag]: available,
    trustedIps: s.trustedIps,
    mandatoryUsers: s.mandatoryUsers,
    mandatoryGroups: s.mandatoryGroups,
  };
}
