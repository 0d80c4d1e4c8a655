import { z } from '../zod-config';

/**
 * Zod schemas of the Navixy Admin Panel API (seed 003_f8b5ae526d7c1278.txt): every
 * response is parsed here before anything else sees it. Unknown fields are dropped.
 */

/** Factor types the panel knows; only e-mail codes exist today. */
export const FactorTypeSchema = z.enum(['email']);
export type FactorType = z.infer<typeof FactorTypeSchema>;

/** `MFA settings`: `factor_types` is required (non-empty) when `type` is `allowed`. */
export const MfaSettingsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('allowed'), factor_types: z.array(FactorTypeSchema).min(1).max(10) }),
  z.object({ type: z.literal('disallowed') }),
]);
export type MfaSettings = z.infer<typeof MfaSettingsSchema>;

/** `Update target`: everyone of the dealer, or 1 to 100 positive user ids. */
export const MAX_IDS_PER_UPDATE = 100;
export const UserIdSchema = z.number().int().positive().max(2 ** 31 - 1);
export const UpdateTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }),
  z.object({ type: z.literal('selected'), ids: z.array(UserIdSchema).min(1).max(MAX_IDS_PER_UPDATE) }),
]);
export type UpdateTarget = z.infer<typeof UpdateTargetSchema>;

/** The error envelope: `{ success: false, status: { code, description } }`. */
export const ErrorEnvelopeSchema = z.object({
  success: z.literal(false),
  status: z.object({ code: z.number().int(), description: z.string().max(2000).catch('') }),
});

export const SuccessSchema = z.object({ success: z.literal(true) });

export const AuthSchema = z.object({ success: z.literal(true), hash: z.string().regex(/^[0-9A-Za-z_-]{8,200}$/) });

export const PanelUserSchema = z.object({
  id: UserIdSchema,
  login: z.string().max(500),
  first_name: z.string().max(500).nullish(),
  middle_name: z.string().max(500).nullish(),
  last_name: z.string().max(500).nullish(),
  mfa_allowed: z.boolean(),
});
export type PanelUser = z.infer<typeof PanelUserSchema>;

export const UserListSchema = z.object({
  success: z.literal(true),
  list: z.array(PanelUserSchema),
  count: z.number().int().nonnegative(),
});

/** `value` is optional: a panel that never set a default answers without it. */
export const DefaultReadSchema = z.object({ success: z.literal(true), value: MfaSettingsSchema.nullish() });
