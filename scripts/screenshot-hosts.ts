// What the screenshots show as the portal's and the panel's addresses and as the portal's people (issue 26): names
// a user would recognise, not the emulator's 127.0.0.1 and demo.test. Chromium resolves these host names to the
// local emulators (`--host-resolver-rules`), which serve them over https with a throwaway certificate for the names.
// Fictional: Acme is nobody's real portal or fleet.
import type { DemoUser } from '../tests/portal/demo';

/** The DocSpace portal in the address bar, the popup and the authenticator's issuer: a cloud portal's kind of name. */
export const SHOT_PORTAL_ORIGIN = 'https://acme.onlyoffice.io';
/** A Navixy Admin Panel on the fleet operator's own domain, and its API. */
export const SHOT_PANEL_ORIGIN = 'https://panel.acme-fleet.com';
export const SHOT_PANEL_API_ORIGIN = 'https://api.acme-fleet.com';
/** The portal's people's mail domain, and the fleet customers' logins on the panel. */
export const SHOT_MAIL_DOMAIN = 'acme-corp.com';
export const SHOT_PANEL_MAIL_DOMAIN = 'acme-fleet.com';

/** Every host name the screenshots use (the certificate names them all). */
export const SHOT_HOSTS: readonly string[] = [SHOT_PORTAL_ORIGIN, SHOT_PANEL_ORIGIN, SHOT_PANEL_API_ORIGIN].map((o) => new URL(o).hostname);

/** Chromium's `--host-resolver-rules`: each name to a local port (the address bar keeps the name, without the port). */
export function hostResolverRules(ports: Readonly<Record<string, number>>): string {
  return Object.entries(ports).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
}

/**
 * The built extension's manifest with access to these origins granted at install, as a user grants it from the
 * toolbar button on first use (a headless browser cannot click the browser's permission prompt). Nothing else changes.
 */
export function withHostAccess(manifest: Record<string, unknown>, origins: readonly string[]): Record<string, unknown> {
  const granted = Array.isArray(manifest.host_permissions) ? (manifest.host_permissions as unknown[]) : [];
  return { ...manifest, host_permissions: [...granted, ...origins.map((o) => `${new URL(o).origin}/*`)] };
}

/** The demo people's names as the screenshots show them (by the local part of their demo e-mail). */
const NAMES: Readonly<Record<string, readonly [first: string, last: string]>> = {
  owner: ['Olivia', 'Bennett'],
  admin: ['Adam', 'Novak'],
  roomadmin: ['Rita', 'Kowalski'],
  user: ['Uma', 'Patel'],
  guest: ['Gus', 'Larsen'],
  mallory: ['Mallory', 'Quinn'],
  trent: ['Trent', 'Walker'],
};

/**
 * Renames the demo people in place, as the portal's admin could: realistic names (the role-named and the hostile
 * demo names replaced) and `first.last@acme-corp.com`. Ids, roles and groups stay; call the portal's addUsers([])
 * afterwards so it indexes the new e-mails.
 */
export function renameForShots(users: DemoUser[]): void {
  for (const u of users) {
    const [local = '', domain = ''] = u.email.split('@');
    if (!/(^|\.)demo\.test$/i.test(domain)) continue;
    const [first, last] = NAMES[local] ?? [u.firstName, u.lastName];
    Object.assign(u, { firstName: first, lastName: last, displayName: `${first} ${last}`.trim(), email: `${mailLocal(first, last, local)}@${SHOT_MAIL_DOMAIN}` });
  }
}

function mailLocal(first: string, last: string, fallback: string): string {
  const ascii = (s: string) => s.normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase();
  const name = [ascii(first), ascii(last)].filter(Boolean).join('.');
  return name || fallback;
}
