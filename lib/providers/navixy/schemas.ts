import { z } from '../../zod-config';

/**
 * Zod schemas of the Navixy Admin Panel API (seed 003_f8b5ae526d7c1278.txt): every
 * response is parsed here before anything else sees it. Unknown fields are dropped.
 */

/**
 * A factor type. Only `email` exists today, but the API is work in progress and Navixy's own
 * panel already announces authenticator apps and SMS: any short printable name is accepted
 * (e.g. `Authenticator-App`, `sms-otp`), shown by name (bidi-isolated), and kept when "allowed"
 * is written back. Surrounding spaces are not trimmed away but refused: a trimmed copy written
 * back would not be the type the panel holds.
 */
export const MAX_FACTOR_NAME = 50;
export function isFactorName(name: string): boolean {
  return name.length >= 1 && name.length <= MAX_FACTOR_NAME && name.trim() === name && !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name);
}
export const FactorTypeSchema = z.string().check(z.refine(isFactorName));
export type FactorType = z.infer<typeof FactorTypeSchema>;
/** The factor type written when MFA is allowed and nothing else is known. */
export const DEFAULT_FACTOR: FactorType = 'email';
/** The most factor types one setting carries (read or written). */
export const MAX_FACTORS = 50;

/** `MFA settings`: `factor_types` is required (non-empty) when `type` is `allowed`. What the extension writes. */
export const MfaSettingsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('allowed'), factor_types: z.array(FactorTypeSchema).check(z.minLength(1), z.maxLength(MAX_FACTORS)) }),
  z.object({ type: z.literal('disallowed') }),
]);
export type MfaSettings = z.infer<typeof MfaSettingsSchema>;

/**
 * Settings as the panel holds them: an `allowed` setting whose factor types are partly unreadable
 * (empty, too long, not text, or no list at all) is still read, with the readable names and
 * `unreadable: true`, so one odd entry never fails the status read. Such a setting is never
 * written back as it reads: that would drop the unreadable types (see allowSettingsFrom).
 */
export type HeldSettings = { type: 'allowed'; factor_types: FactorType[]; unreadable?: true } | { type: 'disallowed' };

const HeldAllowedSchema = z.pipe(
  z.object({ type: z.literal('allowed'), factor_types: z.catch(z.array(z.unknown()), []) }),
  z.transform(({ factor_types: raw }): HeldSettings => {
    const names = raw.slice(0, MAX_FACTORS).filter((f): f is string => typeof f === 'string' && isFactorName(f));
    const unreadable = raw.length === 0 || names.length < raw.length;
    return { type: 'allowed', factor_types: names, ...(unreadable ? { unreadable: true as const } : {}) };
  }),
);
export const HeldSettingsSchema = z.union([HeldAllowedSchema, z.object({ type: z.literal('disallowed') })]);

/** `Update target`: everyone of the dealer, or 1 to 100 positive user ids. */
export const MAX_IDS_PER_UPDATE = 100;
export const UserIdSchema = z.int().check(z.positive(), z.maximum(2 ** 31 - 1));
export const UpdateTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }),
  z.object({ type: z.literal('selected'), ids: z.array(UserIdSchema).check(z.minLength(1), z.maxLength(MAX_IDS_PER_UPDATE)) }),
]);
export type UpdateTarget = z.infer<typeof UpdateTargetSchema>;

/** The error envelope: `{ success: false, status: { code, description } }`. */
export const ErrorEnvelopeSchema = z.object({
  success: z.literal(false),
  status: z.object({ code: z.int(), description: z.catch(z.string().check(z.maxLength(2000)), '') }),
  /** Code 7 names the parameters it refused; kept short, never trusted for anything but display. */
  errors: z.catch(z.optional(z.array(z.catch(z.object({ parameter: z.catch(z.string().check(z.maxLength(100)), '') }), { parameter: '' })).check(z.maxLength(50))), undefined),
});

/**
 * `PanelPermissions`: categories → granted actions. A category can be absent (grants nothing);
 * only the `users` category matters to MFA. Unknown categories are dropped; a malformed one grants nothing.
 */
export const PermissionsSchema = z.object({
  users: z.catch(z.optional(z.array(z.string().check(z.maxLength(50))).check(z.maxLength(50))), undefined),
});
export type PanelPermissions = z.infer<typeof PermissionsSchema>;

export const PermissionsReplySchema = z.object({ success: z.literal(true), permissions: z.optional(PermissionsSchema) });

export const SuccessSchema = z.object({ success: z.literal(true) });

/** `permissions` is optional: a panel older than the 2026 spec answers with the hash only (then get_permissions is asked). */
export const AuthSchema = z.object({ success: z.literal(true), hash: z.string().check(z.regex(/^[0-9A-Za-z_-]{8,200}$/)), permissions: z.optional(PermissionsSchema) });

export const PanelUserSchema = z.object({
  id: UserIdSchema,
  login: z.string().check(z.maxLength(500)),
  first_name: z.nullish(z.string().check(z.maxLength(500))),
  middle_name: z.nullish(z.string().check(z.maxLength(500))),
  last_name: z.nullish(z.string().check(z.maxLength(500))),
  /** Absent on panels that do not send it: taken as active. */
  activated: z.optional(z.boolean()),
  mfa_allowed: z.boolean(),
});
export type PanelUser = z.infer<typeof PanelUserSchema>;

export const UserListSchema = z.object({
  success: z.literal(true),
  list: z.array(PanelUserSchema),
  count: z.int().check(z.nonnegative()),
});

/** `value` is optional: a panel that never set a default answers without it. */
export const DefaultReadSchema = z.object({ success: z.literal(true), value: z.nullish(HeldSettingsSchema) });
