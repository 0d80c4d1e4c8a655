import { DEFAULT_FACTOR, type MfaSettings, type PanelUser } from './schemas';

/** Pure helpers shared by the background and the options page (no network). */

/** Splits ids (deduplicated, order kept) into batches of at most `size`. */
export function batchesOf(ids: readonly number[], size: number): number[][] {
  const unique = [...new Set(ids)];
  const out: number[][] = [];
  for (let i = 0; i < unique.length; i += size) out.push(unique.slice(i, i + size));
  return out;
}

/** Display name of a panel user: first, middle and last name, else the login. */
export function displayNameOf(u: Pick<PanelUser, 'login' | 'first_name' | 'middle_name' | 'last_name'>): string {
  const name = [u.first_name, u.middle_name, u.last_name].filter((p): p is string => Boolean(p?.trim())).join(' ').trim();
  return name || u.login;
}

/**
 * The settings written when MFA is allowed: the factor types the panel's default already allows
 * (including types this version does not know, so nothing is dropped), else e-mail codes.
 */
export function allowSettingsFrom(current: MfaSettings | null): MfaSettings {
  return current?.type === 'allowed' ? { type: 'allowed', factor_types: [...current.factor_types] } : { type: 'allowed', factor_types: [DEFAULT_FACTOR] };
}
