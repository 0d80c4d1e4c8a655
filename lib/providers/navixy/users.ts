import { DEFAULT_FACTOR, type HeldSettings, type MfaSettings, type PanelUser } from './schemas';

/** Pure helpers shared by the background and the options page (no network). */

/** Splits ids (deduplicated, order kept) into batches of at most `size`. */
export function batchesOf(ids: readonly number[], size: number): number[][] {
  const unique = [...new Set(ids)];
  const out: number[][] = [];
  for (let i = 0; i < unique.length; i += size) out.push(unique.slice(i, i + size));
  return out;
}

/**
 * The selected users a change actually writes: those not already in the state asked for (as the
 * list last showed them; a user the page has not seen is written). Skipping is deliberate, not an
 * optimisation: writing a setting to a user gives that user a setting of their own ([SPEC]), so
 * later changes of the default no longer reach them; a user who already has MFA allowed (or
 * disallowed) through the default would be detached from it for nothing.
 */
export function planSelected(ids: Iterable<number>, known: ReadonlyMap<number, boolean>, allow: boolean): { send: number[]; skipped: number } {
  const send: number[] = [];
  let skipped = 0;
  for (const id of new Set(ids)) {
    if (known.get(id) === allow) skipped++;
    else send.push(id);
  }
  return { send, skipped };
}

/** Display name of a panel user: first, middle and last name, else the login. */
export function displayNameOf(u: Pick<PanelUser, 'login' | 'first_name' | 'middle_name' | 'last_name'>): string {
  const name = [u.first_name, u.middle_name, u.last_name].filter((p): p is string => Boolean(p?.trim())).join(' ').trim();
  return name || u.login;
}

/**
 * The settings written when MFA is allowed: the factor types the panel's default already allows
 * (including types this version does not know, so nothing is dropped), else e-mail codes. Null
 * when the default holds a factor type the extension cannot read: writing "allowed" from it would
 * drop that type, so nothing may be written from it.
 */
export function allowSettingsFrom(current: HeldSettings | null): MfaSettings | null {
  if (current?.type !== 'allowed') return { type: 'allowed', factor_types: [DEFAULT_FACTOR] };
  if (current.unreadable || current.factor_types.length === 0) return null;
  return { type: 'allowed', factor_types: [...current.factor_types] };
}
