import { z } from '../../zod-config';

/**
 * zod schemas for the DocSpace wire format (fact sheet §1–§4, §10).
 * Server quirks are absorbed here, not at call sites. Portal names stop at this
 * boundary: `manualEntryKey` becomes `setupKey`, `avaliable` becomes `available`.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const GuidSchema = z.string().check(z.regex(GUID));

/** Success wrapper (§1.2). `response` is omitted when the action returned null. */
export const EnvelopeSchema = z.object({
  response: z.optional(z.unknown()),
  count: z.optional(z.number()),
  total: z.optional(z.number()),
  status: z.optional(z.number()),
  statusCode: z.optional(z.number()),
});

/** Error body (§1.3); 401/403 before the action have an empty body instead. */
/**
 * The error body (§1.3). `message` is translated into the caller's language and only ever shown;
 * `type` (the .NET exception type, untranslated) is what errors are classified by (§11.1).
 */
export const ErrorBodySchema = z.object({
  error: z.nullish(z.looseObject({ message: z.nullish(z.string()), type: z.nullish(z.string().check(z.maxLength(200))) })),
  response: z.optional(z.unknown()),
  statusCode: z.optional(z.number()),
});

const GuidListSchema = z.pipe(z.nullish(z.array(z.string())), z.transform((v) => v ?? null));

/** One `TfaSettingsDto`. Server ≤3.6.1 spells the flag `avaliable`. */
export const TfaSettingsEntrySchema = z.pipe(
  z.object({
    id: z.string(),
    title: z.nullish(z.string()),
    enabled: z.boolean(),
    available: z.optional(z.boolean()),
    avaliable: z.optional(z.boolean()),
    trustedIps: z.pipe(z.nullish(z.array(z.string())), z.transform((v) => v ?? null)),
    mandatoryUsers: GuidListSchema,
    mandatoryGroups: GuidListSchema,
  }), z.transform(({ avaliable, available, title, ...rest }) => ({
    ...rest,
    title: clip(title ?? '', 200),
    available: available ?? avaliable ?? false,
  })));
export type TfaSettingsEntry = z.output<typeof TfaSettingsEntrySchema>;

export const TfaSettingsListSchema = z.array(TfaSettingsEntrySchema).check(z.maxLength(10));

export type TfaMethod = 'none' | 'app' | 'sms';

/** The portal policy in our words, derived from the `GET settings/tfaapp` list. */
export interface TfaPolicy {
  method: TfaMethod;
  smsAvailable: boolean;
  appAvailable: boolean;
  trustedIps: string[];
  mandatoryUsers: string[];
  mandatoryGroups: string[];
}

export function toPolicy(list: TfaSettingsEntry[]): TfaPolicy {
  const sms = list.find((e) => e.id === 'sms');
  const app = list.find((e) => e.id === 'app');
  const active = app?.enabled ? app : sms?.enabled ? sms : undefined;
  return {
    method: app?.enabled ? 'app' : sms?.enabled ? 'sms' : 'none',
    smsAvailable: sms?.available ?? false,
    appAvailable: app?.available ?? false,
    trustedIps: active?.trustedIps ?? [],
    mandatoryUsers: active?.mandatoryUsers ?? [],
    mandatoryGroups: active?.mandatoryGroups ?? [],
  };
}

/** A confirm link or its key, in characters: longer is a bad response (nothing kept). */
const MAX_LINK = 4096;

/**
 * `GET settings/tfaapp/confirm`: v3.6.1 returns a bare URL string (or ""),
 * v3.7.1+ an object `{url, cookieName, cookieValue}` or no response at all.
 */
export const TfaConfirmSchema = z.pipe(
  z.union([
    // Bounded: the key is kept in storage.session for the enrolment; a real link and key are far shorter.
    z.string().check(z.maxLength(MAX_LINK)),
    z.object({
      url: z.nullish(z.string().check(z.maxLength(MAX_LINK))),
      cookieName: z.nullish(z.string().check(z.maxLength(256))),
      cookieValue: z.nullish(z.string().check(z.maxLength(MAX_LINK))),
    }),
    z.null(),
    z.undefined(),
  ]), z.transform((v) => {
    if (v == null || v === '') return null;
    if (typeof v === 'string') return { url: v, key: null };
    if (!v.url) return null;
    return { url: v.url, key: v.cookieValue ?? null };
  }));
export type TfaConfirm = z.output<typeof TfaConfirmSchema>;

/** `GET settings/tfaapp/setup` (§2.5): the key is Base32 of 10 ASCII bytes. */
export const SetupCodeSchema = z.pipe(
  z.object({
    account: z.string().check(z.maxLength(320)),
    manualEntryKey: z.string().check(z.regex(/^[A-Z2-7]{16,64}=*$/)),
    qrCodeSetupImageUrl: z.nullish(z.string()),
  }), z.transform((v) => ({
    account: v.account,
    setupKey: v.manualEntryKey.replace(/=+$/, ''),
    // Only a data: image may reach an <img src>; anything else is dropped.
    qrImage: v.qrCodeSetupImageUrl && /^data:image\/(png|bmp|gif|jpeg);base64,[A-Za-z0-9+/=]+$/.test(v.qrCodeSetupImageUrl) ? v.qrCodeSetupImageUrl : null,
  })));
export type SetupCode = z.output<typeof SetupCodeSchema>;

/**
 * Length and count are server settings (`web.tfaapp.backup.length`, default 6; `web.tfaapp.backup.count`, default 5;
 * SetupInfo.cs, §12.4), so neither is assumed: the bounds only keep a hostile answer small.
 */
export const BackupCodeSchema = z.object({ isUsed: z.boolean(), code: z.string().check(z.minLength(1), z.maxLength(64)) });
export const BackupCodeListSchema = z.array(BackupCodeSchema).check(z.maxLength(1000));
export type BackupCode = z.output<typeof BackupCodeSchema>;

export const BooleanResponseSchema = z.boolean();
export const StringResponseSchema = z.string().check(z.maxLength(MAX_LINK));
export const OptionalStringResponseSchema = z.pipe(z.union([z.string().check(z.maxLength(MAX_LINK)), z.null(), z.undefined()]), z.transform((v) => v ?? ''));

const MAX_NAME = 1000;

/** At most `max` code points, never splitting a surrogate pair. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('');
}

/** `displayName` is HTML-encoded on the wire (§10.5); decode it once here. */
function decodeHtml(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|#39);/gi, (whole, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
    const lower = entity.toLowerCase();
    if (named[lower]) return named[lower];
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
/**
 * The wire form may be up to six times the name (`"` becomes `&quot;`), so the bound is on the
 * decoded text: a name of quotes and brackets must not make a whole people list unreadable.
 */
const DisplayNameSchema = z.pipe(z.string().check(z.maxLength(6 * MAX_NAME)), z.transform((v) => clip(decodeHtml(v), MAX_NAME)));

/** The fields of `EmployeeFullDto` every people reading parses (§10.5), whatever else it adds. */
const PERSON_FIELDS = {
  id: GuidSchema,
  displayName: z.nullish(DisplayNameSchema),
  email: z.nullish(z.string().check(z.maxLength(320))),
  // Shown as the name when the portal gives neither a name nor an e-mail: bounded like the name.
  userName: z.nullish(z.string().check(z.maxLength(6 * MAX_NAME))),
  isOwner: z.nullish(z.boolean()),
  isAdmin: z.nullish(z.boolean()),
  isRoomAdmin: z.nullish(z.boolean()),
  isVisitor: z.nullish(z.boolean()),
  isCollaborator: z.nullish(z.boolean()),
  tfaAppEnabled: z.nullish(z.boolean()),
  status: z.nullish(z.number()),
};

/** The name a person is shown by: the display name, else the e-mail, else the user name, else the id. */
const personName = (p: { id: string; displayName?: string | null; email?: string | null; userName?: string | null }): string =>
  p.displayName || p.email || (p.userName ? clip(p.userName, MAX_NAME) : '') || p.id;

export const ProfileSchema = z.pipe(
  z.object({
    ...PERSON_FIELDS,
    groups: z.nullish(z.array(z.looseObject({ id: z.string(), name: z.nullish(z.string().check(z.maxLength(1000))) })).check(z.maxLength(1000))),
  }), z.transform((p) => ({
    id: p.id,
    displayName: personName(p),
    email: p.email ?? null,
    role: roleOf(p),
    isEnrolled: p.tfaAppEnabled ?? null,
    status: p.status ?? null,
    groupIds: p.groups?.map((g) => g.id) ?? [],
  })));
export type Profile = z.output<typeof ProfileSchema>;
export type Role = 'owner' | 'admin' | 'roomadmin' | 'user' | 'guest';

/** v3.6.1 also sets isAdmin on the owner; v3.7.1+ only isOwner. Check owner first. */
function roleOf(p: { isOwner?: boolean | null; isAdmin?: boolean | null; isRoomAdmin?: boolean | null; isVisitor?: boolean | null }): Role {
  if (p.isOwner) return 'owner';
  if (p.isAdmin) return 'admin';
  if (p.isVisitor) return 'guest';
  if (p.isRoomAdmin) return 'roomadmin';
  return 'user';
}

export const PeopleListSchema = z.array(ProfileSchema).check(z.maxLength(1000));

/**
 * One person of the coverage listing (issue 26, fact sheet §12.5, §10.5): the profile plus `isSSO`,
 * `mobilePhoneActivationStatus` and `tfaAppEnabled`, kept as null when the portal did not carry it (TFA off, SMS mode,
 * a caller who is not a DocSpace admin, a portal older than 3.1.1). `status`: 1 Active, 2 Terminated, 4 Pending.
 */
export const CoverageProfileSchema = z.pipe(
  z.object({
    ...PERSON_FIELDS,
    activationStatus: z.nullish(z.number()),
    isSSO: z.nullish(z.boolean()),
    mobilePhoneActivationStatus: z.nullish(z.number()),
    groups: z.nullish(z.array(z.looseObject({ id: z.string().check(z.maxLength(100)) })).check(z.maxLength(1000))),
  }), z.transform((p) => ({
    id: p.id,
    name: personName(p),
    email: p.email ?? null,
    role: roleOf(p),
    status: p.status === 2 ? 'disabled' as const : p.status === 4 ? 'pending' as const : 'active' as const,
    hasApp: p.tfaAppEnabled ?? null,
    phoneActivated: p.mobilePhoneActivationStatus == null ? null : p.mobilePhoneActivationStatus === 1,
    sso: p.isSSO === true,
    groupIds: p.groups?.map((g) => g.id) ?? [],
  })));
export type CoverageProfile = z.output<typeof CoverageProfileSchema>;
export const CoveragePeopleSchema = z.array(CoverageProfileSchema).check(z.maxLength(1000));

export const GroupSchema = z.pipe(
  z.object({ id: GuidSchema, name: z.string().check(z.maxLength(1000)), isSystem: z.nullish(z.boolean()), membersCount: z.nullish(z.number()) }), z.transform((g) => ({ id: g.id, name: g.name, isSystem: g.isSystem ?? false })));
export type Group = z.output<typeof GroupSchema>;
export const GroupListSchema = z.array(GroupSchema).check(z.maxLength(1000));

/** `GET settings/security/loginSettings` (admins): `attemptCount` is also the TFA code limit per minute (§11.3). */
export const LoginSettingsSchema = z.pipe(
  z.object({ attemptCount: z.int().check(z.minimum(0), z.maximum(10_000)) }), z.transform((s) => ({ attemptCount: s.attemptCount })));

/** Anonymous `GET settings` (§10.6). `docSpace: true` is the portal probe. */
export const PortalSettingsSchema = z.pipe(
  z.object({
    docSpace: z.optional(z.boolean()),
    version: z.nullish(z.string().check(z.maxLength(64))),
    tenantAlias: z.nullish(z.string().check(z.maxLength(256))),
    tenantStatus: z.nullish(z.number()),
    ownerId: z.nullish(z.string()),
    timezone: z.nullish(z.string()),
    culture: z.nullish(z.string().check(z.maxLength(32))),
  }), z.transform((s) => ({
    isDocSpace: s.docSpace === true,
    version: s.version ?? null,
    tenantAlias: s.tenantAlias ?? null,
    ownerId: s.ownerId && s.ownerId !== '00000000-0000-0000-0000-000000000000' && GUID.test(s.ownerId) ? s.ownerId : null,
    culture: s.culture ?? null,
  })));
export type PortalSettings = z.output<typeof PortalSettingsSchema>;
