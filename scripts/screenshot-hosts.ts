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
  admin: ['Adam', 'Reyes'],
  roomadmin: ['Rita', 'Kowalczyk'],
  user: ['Uma', 'Patel'],
  guest: ['Gus', 'Lindgren'],
  // Issue 27: the alliterative demo names (Alice Anderson, Bob Brown…) read as test data; each surname once.
  alice: ['Alice', 'Morgan'],
  bob: ['Robert', 'Lindqvist'],
  carol: ['Carol', 'Nguyen'],
  dave: ['David', 'Okafor'],
  erin: ['Erin', 'Walsh'],
  frank: ['Frank', 'Moreau'],
  grace: ['Grace', 'Tanaka'],
  heidi: ['Heidi', 'Brandt'],
  ivan: ['Ivan', 'Petrov'],
  judy: ['Judith', 'Kerr'],
  mallory: ['Mallory', 'Quinn'],
  trent: ['Trent', 'Walker'],
  sam: ['Samuel', 'Ortiz'],
};

/** Names for the big portal's 5,000 people (`big<n>@big.demo.test`): every pair of these, in a fixed order. */
const FIRST = ['Emma', 'Liam', 'Sofia', 'Noah', 'Mia', 'Lucas', 'Anna', 'Elias', 'Nora', 'Jonas', 'Lea', 'Felix', 'Ida', 'Leon', 'Clara',
  'Oskar', 'Maja', 'Paul', 'Ella', 'Hugo', 'Alma', 'Emil', 'Freya', 'Adrian', 'Lina', 'Victor', 'Zoe', 'Mateo', 'Iris', 'David',
  'Hannah', 'Samir', 'Marta', 'Tomás', 'Yara', 'Kenji', 'Priya', 'Omar', 'Elena', 'Jakub', 'Chloe', 'Arjun', 'Isla', 'Mikhail',
  'Laura', 'Diego', 'Aisha', 'Pierre', 'Julia', 'Andrés', 'Sara', 'Henrik', 'Nina', 'Rafael', 'Olga', 'Marco', 'Eva', 'Tariq',
  'Lucia', 'Jan', 'Helena', 'Ravi', 'Greta', 'Luca', 'Amira', 'Simon', 'Vera', 'Karim', 'Alice', 'Nils', 'Rosa', 'Igor'];
const LAST = ['Müller', 'Schmidt', 'Rossi', 'Dubois', 'García', 'Novak', 'Kowalski', 'Jensen', 'Nielsen', 'Larsen', 'Silva', 'Costa',
  'Martin', 'Bernard', 'Moreau', 'Laurent', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter',
  'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Braun', 'Hofmann', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Meier',
  'Lehmann', 'Köhler', 'Herrmann', 'Walter', 'König', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller',
  'Weiß', 'Jung', 'Hahn', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz',
  'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martins', 'Schumacher', 'Krüger'];
/** The n-th generated name (n from 1): first names cycle fastest, so neighbours in the list differ. */
function bigName(n: number): readonly [string, string] {
  const i = (n - 1) % (FIRST.length * LAST.length);
  return [FIRST[i % FIRST.length]!, LAST[(Math.floor(i / FIRST.length) + i) % LAST.length]!];
}

/**
 * Renames the demo people in place, as the portal's admin could: realistic names (the role-named and the hostile
 * demo names replaced; the big portal's numbered and odd ones too) and unique `first.last@acme-corp.com` e-mails. Ids, roles and groups stay; call the portal's addUsers([])
 * afterwards so it indexes the new e-mails.
 */
export function renameForShots(users: DemoUser[]): void {
  const taken = new Set<string>();
  for (const u of users) {
    const [local = '', domain = ''] = u.email.split('@');
    if (!/(^|\.)demo\.test$/i.test(domain)) continue;
    const big = /^big\.demo\.test$/i.test(domain) ? /(\d+)$/.exec(local) : null;
    const [first, last] = big ? bigName(Number(big[1])) : (NAMES[local] ?? [u.firstName, u.lastName]);
    const base = mailLocal(first, last, local);
    let email = `${base}@${SHOT_MAIL_DOMAIN}`;
    for (let k = 2; taken.has(email); k++) email = `${base}${k}@${SHOT_MAIL_DOMAIN}`;
    taken.add(email);
    Object.assign(u, { firstName: first, lastName: last, displayName: `${first} ${last}`.trim(), email });
  }
}

function mailLocal(first: string, last: string, fallback: string): string {
  const ascii = (s: string) => s.replace(/ß/g, 'ss').normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase();
  const name = [ascii(first), ascii(last)].filter(Boolean).join('.');
  return name || fallback;
}
