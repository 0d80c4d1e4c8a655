/**
 * DocSpace versions as the portal reports them (`GET settings` `version`, the same `version:number` config value as
 * `settings/version/build`, §10.7): "3.7.2.1234" from the Docker build, "3.5.0" from packages, "" when unset. Compared
 * part by part as numbers, so 3.10 is after 3.7 and "3.6.1.100" before "3.7.1".
 */

/** The numeric parts of a version, or null when it is not one (empty, or any part not a number). */
export function parseVersion(text: string | null | undefined): number[] | null {
  const parts = (text ?? '').trim().split('.');
  if (!parts[0] || parts.some((p) => !/^\d{1,9}$/.test(p))) return null;
  return parts.map(Number);
}

/** Whether `version` is `min` or later; null when the portal's version is unknown or not a version. */
export function isAtLeast(version: string | null | undefined, min: readonly number[]): boolean | null {
  const v = parseVersion(version);
  if (!v) return null;
  for (let i = 0; i < Math.max(v.length, min.length); i++) {
    const a = v[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * The first version whose `GET settings/tfaapp/confirm` answers `{url, cookieName, cookieValue}` (commit b07be7c32f,
 * in v3.7.1-server; v3.5.0 to v3.6.1 answer the bare URL and keep the key in an HttpOnly cookie, §12.3): before it an
 * API key, which carries no cookies, cannot get the confirm key that enrolment needs. Whether 3.7.0 has it is not
 * known (no such tag), so it counts as before.
 */
export const API_KEY_ENROLMENT_SINCE = [3, 7, 1] as const;
