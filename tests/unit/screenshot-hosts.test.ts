// The screenshots' addresses and people (scripts/screenshot-hosts.ts, issue 26): what the README and the stores show
// must look like a real portal and panel, never the emulator's 127.0.0.1 or demo.test.
import { describe, expect, it } from 'vitest';
import { demoUsers } from '../portal/demo';
import { bigUsers } from '../portal/big';
import {
  SHOT_HOSTS, SHOT_MAIL_DOMAIN, SHOT_PANEL_API_ORIGIN, SHOT_PANEL_MAIL_DOMAIN, SHOT_PANEL_ORIGIN, SHOT_PORTAL_ORIGIN, hostResolverRules, renameForShots, withHostAccess,
} from '../../scripts/screenshot-hosts';

/** Names no user would recognise as a portal's: loopback, IP literals, and the reserved test and example names. */
const looksFake = (host: string) =>
  /^(\d{1,3}\.){3}\d{1,3}$/.test(host) || host.includes(':') || host.startsWith('[') ||
  /(^|\.)(localhost|test|example|invalid|local)$/i.test(host) || /(^|\.)example\.(com|net|org)$/i.test(host);

describe('screenshot hosts', () => {
  it.each([SHOT_PORTAL_ORIGIN, SHOT_PANEL_ORIGIN, SHOT_PANEL_API_ORIGIN])('%s is an https origin with a real-looking name and no port', (origin) => {
    const url = new URL(origin);
    expect(url.protocol).toBe('https:');
    expect(url.port).toBe('');
    expect(url.origin).toBe(origin);
    expect(looksFake(url.hostname), url.hostname).toBe(false);
  });

  it('the portal is a DocSpace cloud kind of name; the certificate covers every host', () => {
    expect(new URL(SHOT_PORTAL_ORIGIN).hostname).toMatch(/^[a-z0-9-]+\.onlyoffice\.io$/);
    expect(SHOT_HOSTS).toEqual([SHOT_PORTAL_ORIGIN, SHOT_PANEL_ORIGIN, SHOT_PANEL_API_ORIGIN].map((o) => new URL(o).hostname));
    expect(looksFake(SHOT_MAIL_DOMAIN)).toBe(false);
    expect(looksFake(SHOT_PANEL_MAIL_DOMAIN)).toBe(false);
  });

  it('maps each name to a local port for Chromium', () => {
    expect(hostResolverRules({ 'acme.onlyoffice.io': 8093, 'panel.acme-fleet.com': 40001 }))
      .toBe('MAP acme.onlyoffice.io 127.0.0.1:8093, MAP panel.acme-fleet.com 127.0.0.1:40001');
  });

  it('grants host access in a copy of the manifest and changes nothing else', () => {
    const manifest = { name: 'x', optional_host_permissions: ['https://*/*'], permissions: ['storage', 'activeTab'] };
    expect(withHostAccess(manifest, [SHOT_PORTAL_ORIGIN, `${SHOT_PANEL_API_ORIGIN}/v2`])).toEqual({
      ...manifest,
      host_permissions: ['https://acme.onlyoffice.io/*', 'https://api.acme-fleet.com/*'],
    });
    expect(manifest).not.toHaveProperty('host_permissions');
  });
});

describe('screenshot people', () => {
  it('every demo person gets a realistic name and a unique e-mail on the mail domain; ids, roles and groups stay', () => {
    const before = demoUsers();
    const users = demoUsers();
    renameForShots(users);
    const emails = users.map((u) => u.email);
    expect(new Set(emails).size).toBe(users.length);
    for (const [i, u] of users.entries()) {
      expect(u.email).toMatch(new RegExp(`^[a-z]+\\.[a-z]+@${SHOT_MAIL_DOMAIN.replace(/\./g, '\\.')}$`));
      expect(u.displayName).toBe(`${u.firstName} ${u.lastName}`);
      expect(u.displayName).toMatch(/^[\p{L} -]+$/u);
      // The role-named demo people ("Adam Admin", "Olivia Owner") get ordinary surnames.
      expect(u.lastName.toLowerCase()).not.toBe(before[i]!.role);
      expect({ id: u.id, role: u.role, groups: u.groups }).toEqual({ id: before[i]!.id, role: before[i]!.role, groups: before[i]!.groups });
    }
    expect(JSON.stringify(users)).not.toMatch(/demo\.test|Terminated|Owner|Admin/);
  });

  it('the big portal’s 5,000 numbered and odd names become varied real-looking ones with unique e-mails', () => {
    const users = [...demoUsers(), ...bigUsers()];
    renameForShots(users);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    for (const u of users) {
      expect(u.displayName, u.id).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}[\p{Ll}\p{Lu}]+$/u);
      expect(u.email, u.id).toMatch(/^[a-z]+\.[a-z]+\d*@acme-corp\.com$/);
    }
    expect(new Set(users.map((u) => u.displayName)).size).toBeGreaterThan(users.length * 0.9);
  });

  it('the demo people have no alliterative test names and no surname twice (issue 27: no “… Novak” repeats)', () => {
    const users = demoUsers();
    renameForShots(users);
    const last = users.map((u) => u.lastName);
    expect(new Set(last).size).toBe(last.length);
    for (const u of users) expect(u.firstName[0], u.displayName).not.toBe(u.lastName[0]);
  });

  it('leaves people of other domains alone', () => {
    const [u] = demoUsers();
    const other = { ...u!, email: 'someone@partner.org' };
    renameForShots([other]);
    expect(other.email).toBe('someone@partner.org');
  });
});
