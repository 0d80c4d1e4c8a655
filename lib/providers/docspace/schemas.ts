import { z } from '../../zod-config';

/**
 * zod schemas for the DocSpace wire format (fact sheet §1–§4, §10).
 * Server quirks are absorbed here, not at call sites. Portal names stop at this
 * boundary: `manualEntryKey` becomes `setupKey`, `avaliable` becomes `available`.
 */

export const GuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** Success wrapper (§1.2). `response` is omitted when the action returned null. */
export const EnvelopeSchema = z.object({
  response: z.unknown().optional(),
  count: z.number().optional(),
  total: z.number().optional(),
  status: z.number().optional(),
  statusCode: z.number().optional(),
});

/** Error body (§1.3); 401/403 before the action have an empty body instead. */
/**
 * The error body (§1.3). `message` is translated into the caller's language and only ever shown;
 * `type` (the .NET exception type, untranslated) is what errors are classified by (§11.1).
 */
export const ErrorBodySchema = z.object({
  error: z.object({ message: z.string().nullish(), type: z.string().max(200).nullish() }).loose().nullish(),
  response: z.unknown().optional(),
  statusCode: z.number().optional(),
});

const GuidListSchema = z.array(z.string()).nullish().transform((v) => v ?? null);

/** One `TfaSettingsDto`. Server ≤3.6.1 spells the flag `avaliable`. */
export const TfaSettingsEntrySchema = z
  .object({
    id: z.string(),
    title: z.string().nullish(),
    enabled: z.boolean(),
    available: z.boolean().optional(),
    avaliable: z.boolean().optional(),
    trustedIps: z.array(z.string()).nullish().transform((v) => v ?? null),
    mandatoryUsers: GuidListSchema,
    mandatoryGroups: GuidListSchema,
  })
  .transform(({ avaliable, available, title, ...rest }) => ({
    ...rest,
    title: title ?? '',
    available: available ?? avaliable ?? false,
  }));
export type TfaSettingsEntry = z.output<typeof TfaSettingsEntrySchema>;

export const TfaSettingsListSchema = z.array(TfaSettingsEntrySchema).max(10);

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

/**
 * `GET settings/tfaapp/confirm`: v3.6.1 returns a bare URL string (or ""),
 * v3.7.1+ an object `{url, cookieName, cookieValue}` or no response at all.
 */
export const TfaConfirmSchema = z
  .union([
    z.string(),
    z.object({ url: z.string().nullish(), cookieName: z.string().nullish(), cookieValue: z.string().nullish() }),
    z.null(),
    z.undefined(),
  ])
  .transform((v) => {
    if (v == null || v === '') return null;
    if (typeof v === 'string') return { url: v, key: null };
    if (!v.url) return null;
    return { url: v.url, key: v.cookieValue ?? null };
  });
export type TfaConfirm = z.output<typeof TfaConfirmSchema>;

/** `GET settings/tfaapp/setup` (§2.5): the key is Base32 of 10 ASCII bytes. */
export const SetupCodeSchema = z
  .object({
    account: z.string().max(320),
    manualEntryKey: z.string().regex(/^[A-Z2-7]{16,64}=*$/),
    qrCodeSetupImageUrl: z.string().nullish(),
  })
  .transform((v) => ({
    account: v.account,
    setupKey: v.manualEntryKey.replace(/=+$/, ''),
    // Only a data: image may reach an <img src>; anything else is dropped.
    qrImage: v.qrCodeSetupImageUrl && /^data:image\/(png|bmp|gif|jpeg);base64,[A-Za-z0-9+/=]+$/.test(v.qrCodeSetupImageUrl) ? v.qrCodeSetupImageUrl : null,
  }));
export type SetupCode = z.output<typeof SetupCodeSchema>;

export const BackupCodeSchema = z.object({ isUsed: z.boolean(), code: z.string().min(1).max(64) });
export const BackupCodeListSchema = z.array(BackupCodeSchema).max(100);
export type BackupCode = z.output<typeof BackupCodeSchema>;

export const BooleanResponseSchema = z.boolean();
export const StringResponseSchema = z.string().max(4096);
export const OptionalStringResponseSchema = z.union([z.string().max(4096), z.null(), z.undefined()]).transform((v) => v ?? '');

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
const DisplayNameSchema = z.string().max(6 * MAX_NAME).transform((v) => clip(decodeHtml(v), MAX_NAME));

export const ProfileSchema = z
  .object({
    id: GuidSchema,
    displayName: DisplayNameSchema.nullish(),
    email: z.string().max(320).nullish(),
    userName: z.string().nullish(),
    isOwner: z.boolean().nullish(),
    isAdmin: z.boolean().nullish(),
    isRoomAdmin: z.boolean().nullish(),
    isVisitor: z.boolean().nullish(),
    isCollaborator: z.boolean().nullish(),
    tfaAppEnabled: z.boolean().nullish(),
    status: z.number().nullish(),
    groups: z.array(z.object({ id: z.string(), name: z.string().max(1000).nullish() }).loose()).max(1000).nullish(),
  })
  .transform((p) => ({
    id: p.id,
    displayName: p.displayName || p.email || p.userName || p.id,
    email: p.email ?? null,
    role: roleOf(p),
    isEnrolled: p.tfaAppEnabled ?? null,
    status: p.status ?? null,
    groupIds: p.groups?.map((g) => g.id) ?? [],
  }));
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

export const PeopleListSchema = z.array(ProfileSchema).max(1000);

export const GroupSchema = z
  .object({ id: GuidSchema, name: z.string().max(1000), isSystem: z.boolean().nullish(), membersCount: z.number().nullish() })
  .transform((g) => ({ id: g.id, name: g.name, isSystem: g.isSystem ?? false }));
export type Group = z.output<typeof GroupSchema>;
export const GroupListSchema = z.array(GroupSchema).max(1000);

/** `GET settings/security/loginSettings` (admins): `attemptCount` is also the TFA code limit per minute (§11.3). */
export const LoginSettingsSchema = z
  .object({ attemptCount: z.number().int().min(0).max(10_000) })
  .transform((s) => ({ attemptCount: s.attemptCount }));

/** Anonymous `GET settings` (§10.6). `docSpace: true` is the portal probe. */
export const PortalSettingsSchema = z
  .object({
    docSpace: z.boolean().optional(),
    version: z.string().max(64).nullish(),
    tenantAlias: z.string().max(256).nullish(),
    tenantStatus: z.number().nullish(),
    ownerId: z.string().nullish(),
    timezone: z.string().nullish(),
    culture: z.string().max(32).nullish(),
  })
  .transform((s) => ({
    isDocSpace: s.docSpace === true,
    version: s.version ?? null,
    tenantAlias: s.tenantAlias ?? null,
    ownerId: s.ownerId && s.ownerId !== '00000000-0000-0000-0000-000000000000' ? s.ownerId : null,
    culture: s.culture ?? null,
  }));
export type PortalSettings = z.output<typeof PortalSettingsSchema>;

export const BuildVersionSchema = z.object({ docSpace: z.string().max(64), documentServer: z.string().max(64).nullish() });

export const CapabilitiesSchema = z
  .object({ ldapEnabled: z.boolean().nullish(), oauthEnabled: z.boolean().nullish(), ssoUrl: z.string().nullish(), ssoLabel: z.string().nullish(), providers: z.array(z.string()).nullish() })
  .loose();

/** `POST authentication` (§5.4). */
export const AuthTokenSchema = z
  .object({
    token: z.string().nullish(),
    expires: z.string().nullish(),
    sms: z.boolean().nullish(),
    tfa: z.boolean().nullish(),
    tfaKey: z.string().nullish(),
    confirmUrl: z.string().nullish(),
  })
  .transform((a) => ({
    token: a.token ?? null,
    needsTfa: a.tfa === true || a.sms === true,
    tfaKey: a.tfaKey ?? null,
    confirmUrl: a.confirmUrl ?? null,
  }));
export type AuthToken = z.output<typeof AuthTokenSchema>;

export const ConfirmCheckSchema = z.object({ result: z.number() }).transform((r) => (r.result === 0 ? 'ok' : r.result === 2 ? 'expired' : 'invalid'));
