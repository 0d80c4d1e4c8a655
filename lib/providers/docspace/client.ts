import type { AppError } from '../../errors';
import { ok, type Result } from '../../result';
import { request, type Transport } from './http';
import {
  BackupCodeListSchema, BooleanResponseSchema, GroupListSchema, GroupSchema, LoginSettingsSchema, OptionalStringResponseSchema, PeopleListSchema, CoveragePeopleSchema,
  PortalSettingsSchema, ProfileSchema, SetupCodeSchema, TfaConfirmSchema, TfaSettingsListSchema, toPolicy,
  type TfaMethod,
} from './schemas';

/** A confirm token for the `confirm` scheme (§5.3); without `key` the HttpOnly cookie is used. */
export interface ConfirmToken {
  type: 'TfaActivation' | 'TfaAuth';
  uid: string;
  key?: string | null;
}

/** The full body of a policy change. `type` is mandatory: a body without it switches TFA off (§2.2). */
export interface PolicyBody {
  type: 'None' | 'App' | 'Sms';
  id: string;
  trustedIps: string[];
  mandatoryUsers: string[];
  mandatoryGroups: string[];
}

export const METHOD_TO_TYPE: Record<TfaMethod, PolicyBody['type']> = { none: 'None', app: 'App', sms: 'Sms' };

export function confirmHeader(token: ConfirmToken): Record<string, string> {
  const params = new URLSearchParams({ type: token.type, uid: token.uid });
  if (token.key) params.set('key', token.key);
  return { confirm: params.toString() };
}

/**
 * A `confirm/PhoneActivation` or `confirm/PhoneAuth` link: the portal's own SMS flow, which `tfaapp/confirm` and
 * `tfaappwithlink` hand out under an SMS policy (§11.3). Not an unsafe link, and nothing the extension can do here.
 */
export function isSmsConfirmUrl(url: URL): boolean {
  const type = url.searchParams.get('type') ?? /\/confirm\/([^/?#]+)/i.exec(url.pathname)?.[1] ?? '';
  return type === 'PhoneActivation' || type === 'PhoneAuth';
}

/** Reads `type` and `uid` from a portal confirm link (`/confirm/TfaActivation?type=…&uid=…`). */
export function confirmTokenFromUrl(url: URL): ConfirmToken | null {
  const type = url.searchParams.get('type');
  const uid = url.searchParams.get('uid');
  if ((type !== 'TfaActivation' && type !== 'TfaAuth') || !uid || !/^[0-9a-f-]{36}$/i.test(uid)) return null;
  return { type, uid };
}

const PAGE = 100;

/** One page of a list endpoint (§10.3, §10.4): the items and `total`, all matches (null when the portal did not say). */
export interface Page<T> { items: T[]; total: number | null }

async function paged<T>(load: (onTotal: (n: number | null) => void) => Promise<Result<T[], AppError>>): Promise<Result<Page<T>, AppError>> {
  let total: number | null = null;
  const r = await load((n) => { total = n; });
  return r.ok ? ok({ items: r.value, total }) : r;
}

/** What the coverage listing asks of each person (exact camelCase DTO names, §10.5). */
export const COVERAGE_FIELDS = 'id,displayName,email,userName,status,activationStatus,isOwner,isAdmin,isRoomAdmin,isVisitor,isCollaborator,isSSO,tfaAppEnabled,mobilePhoneActivationStatus,groups';

/** One function per DocSpace endpoint the extension uses; each returns a Result, none throws. */
export const LIST_PAGE = PAGE;

export function createDocspaceClient(t: Transport) {
  const anon = { anonymous: true } as const;
  return {
    origin: t.origin,
    // Portal recognition (anonymous)
    getPortalSettings: () => request(t, { method: 'GET', path: 'settings', schema: PortalSettingsSchema, ...anon }),
    /** `GET settings` signed in: only then does it carry the owner's id (an anonymous call gives the empty GUID, §11.3). */
    getSignedInSettings: () => request(t, { method: 'GET', path: 'settings', schema: PortalSettingsSchema }),
    /** Admins only (EditPortalSettings): how many codes a user may try before the portal locks them for a minute. */
    getLoginSettings: () => request(t, { method: 'GET', path: 'settings/security/loginSettings', schema: LoginSettingsSchema }),
    // Me
    getSelf: () => request(t, { method: 'GET', path: 'people/@self', schema: ProfileSchema }),
    // TFA policy
    getTfaPolicy: async () => {
      const r = await request(t, { method: 'GET', path: 'settings/tfaapp', schema: TfaSettingsListSchema });
      return r.ok ? ok(toPolicy(r.value)) : r;
    },
    setTfaPolicy: (body: PolicyBody) => request(t, { method: 'PUT', path: 'settings/tfaapp', body, schema: BooleanResponseSchema }),
    /** Returns the caller's activation URL ("" when nothing to confirm); sets the confirm cookie. */
    setTfaPolicyWithLink: (body: PolicyBody) =>
      request(t, { method: 'PUT', path: 'settings/tfaappwithlink', body, schema: OptionalStringResponseSchema }),
    getTfaConfirm: () => request(t, { method: 'GET', path: 'settings/tfaapp/confirm', schema: TfaConfirmSchema }),
    // Enrolment (confirm scheme)
    getTfaSetup: (token: ConfirmToken) =>
      request(t, { method: 'GET', path: 'settings/tfaapp/setup', headers: confirmHeader(token), schema: SetupCodeSchema }),
    validateTfaCode: (token: ConfirmToken, code: string) =>
      request(t, { method: 'POST', path: 'settings/tfaapp/validate', headers: confirmHeader(token), body: { code }, schema: BooleanResponseSchema }),
    // Backup codes and reset
    getBackupCodes: () => request(t, { method: 'GET', path: 'settings/tfaappcodes', schema: BackupCodeListSchema }),
    regenerateBackupCodes: () => request(t, { method: 'PUT', path: 'settings/tfaappnewcodes', schema: BackupCodeListSchema }),
    /** Always with an explicit id: an empty id targets nobody (§2.9). Self → activation URL; other → "". */
    resetTfaApp: (userId: string) => request(t, { method: 'PUT', path: 'settings/tfaappnewapp', body: { id: userId }, schema: OptionalStringResponseSchema }),
    // People and groups (§10)
    getUser: (id: string) => request(t, { method: 'GET', path: `people/${encodeURIComponent(id)}`, schema: ProfileSchema }),
    searchPeople: (text: string, count = 25, startIndex = 0) =>
      request(t, {
        method: 'GET', path: 'people/filter',
        query: { filterValue: text.trim().toLowerCase() || undefined, count: Math.min(Math.max(count, 1), PAGE), startIndex, fields: 'id,displayName,email,isOwner,isAdmin,isRoomAdmin,isVisitor,tfaAppEnabled' },
        schema: PeopleListSchema,
      }),
    getGroup: (id: string) => request(t, { method: 'GET', path: `group/${encodeURIComponent(id)}`, query: { includeMembers: false }, schema: GroupSchema }),
    /** Every account a page at a time, ids and names only (admins see all statuses, room admins no terminated ones; §10.1). */
    peoplePage: (startIndex: number) =>
      paged((onTotal) => request(t, {
        method: 'GET', path: 'people/filter', query: { count: PAGE, startIndex, fields: 'id,displayName,email' }, schema: PeopleListSchema, onTotal,
      })),
    /**
     * One page of everyone for the coverage scan (issue 26): sorted by e-mail, a unique key, so offset paging neither
     * skips nor repeats a row (the default order has ties, §12.2); no `employeeStatus`, so an admin gets every status
     * (§10.2). `fields`: the DTO's exact camelCase names (§12.2); `tfaAppEnabled` only comes to admins in app mode (§12.5).
     */
    coveragePage: (startIndex: number) =>
      paged((onTotal) => request(t, {
        method: 'GET', path: 'people/filter',
        query: { count: PAGE, startIndex, sortBy: 'email', sortOrder: 'ascending', fields: COVERAGE_FIELDS },
        schema: CoveragePeopleSchema, onTotal,
      })),
    /** The tenant's groups a page at a time (system groups are never listed, §10.2). */
    groupsPage: (startIndex: number) =>
      paged((onTotal) => request(t, { method: 'GET', path: 'group', query: { count: PAGE, startIndex }, schema: GroupListSchema, onTotal })),
    listGroups: (text = '', count = PAGE) =>
      request(t, { method: 'GET', path: 'group', query: { filterValue: text.trim() || undefined, count: Math.min(Math.max(count, 1), PAGE) }, schema: GroupListSchema }),
  };
}
export type DocspaceClient = ReturnType<typeof createDocspaceClient>;

/** Builds the full policy body; there is no way to produce one without `type`. */
export function buildPolicyBody(method: TfaMethod, callerId: string, lists: { trustedIps: string[]; mandatoryUsers: string[]; mandatoryGroups: string[] }): PolicyBody {
  return {
    type: METHOD_TO_TYPE[method],
    id: callerId,
    trustedIps: [...lists.trustedIps],
    mandatoryUsers: [...lists.mandatoryUsers],
    mandatoryGroups: [...lists.mandatoryGroups],
  };
}

/** Resolves many ids in parallel (bounded), keeping the ones that failed as errors. */
export async function resolveAll<T>(ids: string[], fetchOne: (id: string) => Promise<Result<T, AppError>>, concurrency = 6): Promise<Map<string, Result<T, AppError>>> {
  const out = new Map<string, Result<T, AppError>>();
  const queue = [...new Set(ids)];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) out.set(id, await fetchOne(id));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return out;
}

