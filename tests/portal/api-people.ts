// People and group look-ups (§4.1, §10, §12.5): visibility per role, filter/paging, system groups, the status
// routes. Read from ONLYOFFICE/DocSpace-server master ed2994e7 (UserController.cs, DbUserService.cs); assumptions
// where no source says are marked UNCONFIRMED or SIMPLIFIED where they are made.
import { type Ctx, requireCaller } from './context';
import type { DemoGroup, DemoUser } from './demo';
import { employee, employeeFull, groupDto, groupMembers, systemGroup } from './dto';
import { Counted, EmptyStatus, GUID_RE, Paged, ValidationError, errors } from './wire';
import { sortWithTies } from './order';

function intParam(ctx: Ctx, name: string, def: number, min: number, max: number): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') {
    return def;
  }
  if (!/^-?\d+$/.test(raw.trim())) {
    throw new ValidationError({ [name]: [`The value '${raw}' is not valid for ${name}.`] });
  }
  const n = Number(raw);
  if (n < min || n > max) {
    throw new ValidationError({ [name]: [`The field ${name} must be between ${min} and ${max}.`] });
  }
  return n;
}

const truthy = (v: string | null): boolean => v !== null && v.toLowerCase() === 'true';
const descending = (ctx: Ctx): boolean => ['descending', '1'].includes((ctx.query.get('sortOrder') ?? '').toLowerCase());

const TYPE_NAMES = ['all', 'roomadmin', 'guest', 'docspaceadmin', 'user'];

/**
 * `accountLoginType` (AccountLoginType.cs: SSO = 0, LDAP = 1, Standart = 2; DbUserService.cs `GetUserQueryForFilter`:
 * SSO = `SsoNameId != null`, LDAP = `Sid != null`, Standart = neither). Bound by name (any case) or number, as
 * ASP.NET Core binds enums (UNCONFIRMED at runtime, §10.3); another value is refused with a wrapped 400 as a failed
 * binding would be (UNCONFIRMED). The emulator has no LDAP accounts, so LDAP matches nobody.
 */
const LOGIN_TYPES = ['sso', 'ldap', 'standart'] as const;
type LoginType = (typeof LOGIN_TYPES)[number];

function loginTypeParam(ctx: Ctx): LoginType | null {
  const raw = (ctx.query.get('accountLoginType') ?? '').trim().toLowerCase();
  if (!raw) {
    return null;
  }
  const found = /^\d+$/.test(raw) ? LOGIN_TYPES[Number(raw)] : LOGIN_TYPES.find((t) => t === raw);
  if (!found) {
    throw new ValidationError({ accountLoginType: [`The value '${raw}' is not valid.`] });
  }
  return found;
}

const loginTypeOf = (u: DemoUser): LoginType => (u.sso ? 'sso' : 'standart');

/** `EmployeeStatus` from a route or query value, by number or name; null = no status filter (All, 7, or absent). */
function statusParam(raw: string): string {
  const v = raw.trim().toLowerCase();
  const named: Record<string, string> = { '1': 'active', '2': 'terminated', '4': 'pending', '7': '', all: '', '': '' };
  if (v in named) {
    return named[v] ?? '';
  }
  if (['active', 'terminated', 'pending'].includes(v)) {
    return v;
  }
  // A route value that is not an EmployeeStatus fails model binding (UNCONFIRMED: the exact answer).
  throw new ValidationError({ status: [`The value '${raw}' is not valid.`] });
}

function userType(u: DemoUser): string {
  return { owner: 'docspaceadmin', admin: 'docspaceadmin', roomadmin: 'roomadmin', user: 'user', guest: 'guest' }[u.role];
}

function textMatch(ctx: Ctx, u: DemoUser): boolean {
  const value = (ctx.query.get('filterValue') ?? '').trim().toLowerCase();
  if (!value) {
    return true;
  }
  const hay = [u.firstName, u.lastName, u.email].map((s) => s.toLowerCase());
  const sep = ctx.query.get('filterSeparator');
  const terms = (sep ? value.split(sep) : value.split(/\s+/)).map((t) => t.trim()).filter(Boolean);
  const hit = (t: string): boolean => hay.some((h) => h.includes(t));
  return sep ? terms.some(hit) : terms.every(hit);
}

/** One collator for every sort (localeCompare with options builds one per call: slow over thousands of users). */
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });

function filterUsers(ctx: Ctx, viewer: DemoUser, forceStatus: string | null): DemoUser[] {
  const st = ctx.state;
  const q = ctx.query;
  const status = statusParam(forceStatus ?? q.get('employeeStatus') ?? '');
  // GET people and people/status/{status} build their filter without it (UserController.cs `GetByStatus`).
  const loginType = forceStatus === null ? loginTypeParam(ctx) : null;
  const types = [...q.getAll('employeeType'), ...q.getAll('employeeTypes')]
    .map((t) => t.toLowerCase())
    .map((t) => TYPE_NAMES[Number(t)] ?? t)
    .filter((t) => t !== 'all');
  const area = (q.get('area') ?? '').toLowerCase();
  const groupId = q.get('groupId');
  const list = st.users.filter((u) => {
    if (viewer.role === 'roomadmin' && (u.role === 'guest' || u.terminated)) {
      return false;
    }
    if (status === 'active' && (u.terminated || u.pending)) {
      return false;
    }
    if (status === 'terminated' && !u.terminated) {
      return false;
    }
    if (status === 'pending' && !u.pending) {
      return false;
    }
    if (loginType && loginTypeOf(u) !== loginType) {
      return false;
    }
    if (types.length > 0 && !types.includes(userType(u))) {
      return false;
    }
    if ((area === '1' || area === 'people') && u.role === 'guest') {
      return false;
    }
    if ((area === '2' || area === 'guests') && u.role !== 'guest') {
      return false;
    }
    if (groupId && st.inGroup(u, groupId) === truthy(q.get('excludeGroup'))) {
      return false;
    }
    if (truthy(q.get('withoutGroup')) && u.groups.length > 0) {
      return false;
    }
    if (truthy(q.get('isAdministrator')) && !st.isAdmin(u)) {
      return false;
    }
    return textMatch(ctx, u);
  });
  return sortUsers(ctx, list);
}

/** Active, then Pending, then Terminated: the bucket DbUserService.cs sorts by first (always ascending). */
const bucket = (u: DemoUser): number => (u.terminated ? 2 : u.pending ? 1 : 0);

/**
 * DbUserService.cs `GetUsers` (§12.2): firstName (the default, and unknown sorts) and lastName sort by the status
 * bucket, then the name (a Pending account by its e-mail), `sortOrder` reversing only the name; email sorts by e-mail
 * alone (`q.OrderBy(u => u.Email)`, DbUserService.cs lines 418-419, read in ONLYOFFICE/DocSpace-server master
 * ed2994e7 for issue 26). E-mails are unique in a tenant (`SaveUserAsync` refuses a second account with the same
 * one: `AnyUsersByEmailAsync`, "Duplicate Email"), so that order has no ties and pages the same on every request. Nothing breaks a tie: equal keys come back in a new order on each request (order.ts). Simplifications: the
 * collation is Intl's (base sensitivity) rather than MySQL's; `displayName` sorts by the display name with the
 * bucket, and the other sorts (type, department, usedSpace, createdBy, registrationDate) fall back to firstName.
 */
function sortUsers(ctx: Ctx, list: DemoUser[]): DemoUser[] {
  const sortBy = (ctx.query.get('sortBy') ?? '').toLowerCase();
  const sign = descending(ctx) ? -1 : 1;
  const random = ctx.state.tieOrder.next();
  if (sortBy === 'email') {
    return sortWithTies(list, (a, b) => sign * COLLATOR.compare(a.email, b.email), random);
  }
  const name = (u: DemoUser): string =>
    u.pending ? u.email : sortBy === 'lastname' ? u.lastName : sortBy === 'displayname' ? u.displayName : u.firstName;
  return sortWithTies(list, (a, b) => bucket(a) - bucket(b) || sign * COLLATOR.compare(name(a), name(b)), random);
}

function pagedUsers(ctx: Ctx, full: boolean, forceStatus: string | null = null): Paged {
  const { user: viewer } = requireCaller(ctx);
  if (viewer.role === 'user' || viewer.role === 'guest') {
    throw errors.accessDenied();
  }
  const count = intParam(ctx, 'count', 100, 1, 100);
  const start = intParam(ctx, 'startIndex', 0, 0, Number.MAX_SAFE_INTEGER);
  const all = filterUsers(ctx, viewer, forceStatus);
  const page = all.slice(start, start + count).map((u) => (full ? employeeFull(ctx, u, viewer) : employee(ctx, u)));
  return new Paged(page, all.length);
}

function search(ctx: Ctx, query: string, full: boolean): Counted {
  const { user: viewer } = requireCaller(ctx);
  if (!ctx.state.isAdmin(viewer)) {
    throw errors.accessDenied();
  }
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const found = ctx.state.users.filter((u) => {
    if (u.terminated || words.length === 0) {
      return false;
    }
    const hay = [u.lastName, u.firstName, u.email].map((s) => s.toLowerCase());
    return words.every((w) => w.length >= 2 && hay.some((h) => h.includes(w)));
  });
  // §12.5: `people/search` does not carry `tfaAppEnabled` while `people/@search/{query}` does. UNCONFIRMED at runtime:
  // the action is declared `IAsyncEnumerable<EmployeeDto>` around the `@search` iterator (UserController.cs); the
  // emulator keeps the full profile's other properties (§10.3) and drops only this one, as the fact sheet says.
  return new Counted(
    found.map((u) => (full ? employeeFull(ctx, u, viewer) : withoutTfaField(employeeFull(ctx, u, viewer)))),
    1,
  );
}

function withoutTfaField(dto: Record<string, unknown>): Record<string, unknown> {
  delete dto.tfaAppEnabled;
  return dto;
}

/**
 * `GET people/status/{status}/search?query=` (UserController.cs `SearchUsersByStatus`): DocSpace admins only
 * (SecurityException otherwise), every account of that status whose first name, last name, user name or e-mail
 * contains `query` (ordinal, case-insensitive; contacts are not emulated); not paged, count 1, no total, full profiles.
 * SIMPLIFIED: a missing `query` matches everyone (the server's `Contains(null)` would throw: UNCONFIRMED which answer);
 * `filterBy=group` is not emulated. The list is in stored order (`UserManager.GetUsersAsync` sorts nothing here).
 */
function statusSearch(ctx: Ctx, rawStatus: string): Counted {
  const { user: viewer } = requireCaller(ctx);
  if (!ctx.state.isAdmin(viewer)) {
    throw errors.accessDenied();
  }
  const status = statusParam(rawStatus);
  const query = (ctx.query.get('query') ?? '').toLowerCase();
  const found = ctx.state.users.filter((u) => {
    const st = u.terminated ? 'terminated' : u.pending ? 'pending' : 'active';
    if (status && st !== status) {
      return false;
    }
    return [u.firstName, u.lastName, ctx.state.userName(u), u.email].some((s) => s.toLowerCase().includes(query));
  });
  return new Counted(
    found.map((u) => employeeFull(ctx, u, viewer)),
    1,
  );
}

/** `DemandPermissionsAsync(Action_ReadGroups)` (GroupsController.cs): an AuthorizingException for users and guests. */
function requireGroupReader(ctx: Ctx): DemoUser {
  const { user } = requireCaller(ctx);
  if (user.role === 'user' || user.role === 'guest') {
    throw errors.notAuthorized();
  }
  return user;
}

export const peopleRoutes = {
  getSelf(ctx: Ctx): unknown {
    const { user } = requireCaller(ctx);
    return employeeFull(ctx, user, user);
  },

  getUser(ctx: Ctx, idOrName: string): unknown {
    const { user: viewer } = requireCaller(ctx);
    const st = ctx.state;
    const key = idOrName.toLowerCase();
    const target =
      st.users.find((u) => st.userName(u).toLowerCase() === key) ?? (GUID_RE.test(key) ? st.findUser(key) : undefined);
    if (!target) {
      throw errors.userNotFound();
    }
    const visible =
      st.isAdmin(viewer) || target.id === viewer.id || (viewer.role === 'roomadmin' && target.role !== 'guest');
    if (!visible) {
      throw errors.accessDenied();
    }
    return employeeFull(ctx, target, viewer);
  },

  getFilter: (ctx: Ctx): unknown => pagedUsers(ctx, true),
  getSimpleFilter: (ctx: Ctx): unknown => pagedUsers(ctx, false),
  getPeople: (ctx: Ctx): unknown => pagedUsers(ctx, true, '1'),
  /** `GET people/status/{status}` (`GetByStatus`): `people/filter` with the route's status and the text filter. */
  getByStatus: (ctx: Ctx, status: string): unknown => pagedUsers(ctx, true, status),
  getStatusSearch: (ctx: Ctx, status: string): unknown => statusSearch(ctx, status),
  getSearch: (ctx: Ctx): unknown => search(ctx, ctx.query.get('query') ?? '', false),
  getAtSearch: (ctx: Ctx, query: string): unknown => search(ctx, query, true),

  getGroups(ctx: Ctx): unknown {
    const viewer = requireGroupReader(ctx);
    const st = ctx.state;
    const q = ctx.query;
    const count = intParam(ctx, 'count', 100, 1, 100);
    const start = intParam(ctx, 'startIndex', 0, 0, Number.MAX_SAFE_INTEGER);
    const text = (q.get('filterValue') ?? '').trim().toLowerCase();
    const userId = q.get('userId')?.toLowerCase();
    const managerOnly = truthy(q.get('manager'));
    let list = st.groups.filter((g) => {
      if (text && !g.name.toLowerCase().includes(text)) {
        return false;
      }
      if (userId) {
        const member = managerOnly ? g.managerId?.toLowerCase() === userId : groupMembers(ctx, g.id).some((u) => u.id === userId);
        return member;
      }
      return true;
    });
    const sortBy = (q.get('sortBy') ?? '').toLowerCase();
    const key = (g: DemoGroup): string | number =>
      sortBy === 'memberscount'
        ? groupMembers(ctx, g.id).length
        : sortBy === 'manager'
          ? (g.managerId ? st.findUser(g.managerId)?.displayName : '') ?? ''
          : g.name;
    // DbUserService.cs `GetGroupsAsync`: by Name (or manager, members count), no tie-breaker (§12.2, order.ts).
    const sign = descending(ctx) ? -1 : 1;
    list = sortWithTies(list, (a, b) => {
      const ka = key(a);
      const kb = key(b);
      return sign * (typeof ka === 'number' && typeof kb === 'number' ? ka - kb : COLLATOR.compare(String(ka), String(kb)));
    }, st.tieOrder.next());
    const page = list.slice(start, start + count).map((g) => groupDto(ctx, g, viewer, false));
    return new Paged(page, list.length);
  },

  getGroup(ctx: Ctx, id: string): unknown {
    if (!GUID_RE.test(id)) {
      // Route is {id:guid}: a non-GUID matches no route.
      throw new EmptyStatus(404);
    }
    const viewer = requireGroupReader(ctx);
    const group = ctx.state.groups.find((g) => g.id === id.toLowerCase()) ?? systemGroup(id);
    if (!group) {
      throw errors.groupNotFound();
    }
    const includeMembers = (ctx.query.get('includeMembers') ?? 'true').toLowerCase() !== 'false';
    return groupDto(ctx, group, viewer, includeMembers);
  },
};
