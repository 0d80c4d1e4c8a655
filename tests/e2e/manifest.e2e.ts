// The manifests the builds really produce: release builds ask for little and know no loopback origin;
// the test build (and only it) pre-grants the emulator's loopback origins.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID, REPO_ROOT } from './harness/config';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string } };
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  version?: string;
  incognito?: string;
}

const TARGETS = [
  { target: 'chrome-mv3', background: 'service_worker' },
  { target: 'firefox-mv3', background: 'scripts' },
] as const;

const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/;

function manifestOf(outDir: '.output' | '.output-test', target: string): Manifest {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, outDir, target, 'manifest.json'), 'utf8')) as Manifest;
}

function directives(csp: string | undefined): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe.each(TARGETS)('$target', ({ target, background }) => {
  describe('release build', () => {
    const m = manifestOf('.output', target);

    it('is MV3 with the expected background kind', () => {
      expect(m.manifest_version).toBe(3);
      expect(m.background?.[background]).toBeTruthy();
    });

    it('asks only for storage and activeTab, and for https portals only on demand', () => {
      expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'storage']);
      expect(m.optional_host_permissions).toEqual(['https://*/*']);
      expect(m).not.toHaveProperty('host_permissions');
    });

    it('declares its private-window behaviour: one background for normal and private windows (README "Private windows and containers")', () => {
      expect(m.incognito).toBe('spanning');
    });

    it('has a strict CSP for extension pages', () => {
      const csp = m.content_security_policy?.extension_pages;
      expect(csp).toBeTruthy();
      expect(csp).not.toMatch(/unsafe-/);
      const d = directives(csp);
      expect(d.get('default-src')).toEqual(["'none'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('connect-src')).toEqual(['https:']);
    });

    it('has the icon set, for the extension and its toolbar button, and every file is in the package', () => {
      expect(m.icons).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' });
      expect(m.action?.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' });
      for (const file of Object.values(m.icons ?? {})) {
        const png = readFileSync(path.join(REPO_ROOT, '.output', target, file));
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      }
    });

    it('is version 1.0.0', () => {
      expect(m.version).toBe('1.0.0');
    });

    it('mentions no loopback origin anywhere', () => {
      expect(JSON.stringify(m)).not.toMatch(LOOPBACK);
    });

    if (target === 'firefox-mv3') {
      it('carries the fixed gecko id', () => {
        expect(m.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
      });
    }
  });

  describe('test build', () => {
    const m = manifestOf('.output-test', target);
    const release = manifestOf('.output', target);

    it('pre-grants the loopback emulator and lets the CSP reach it', () => {
      expect(m.host_permissions).toEqual(expect.arrayContaining(['http://127.0.0.1/*', 'http://localhost/*']));
      expect(directives(m.content_security_policy?.extension_pages).get('connect-src')).toEqual(
        expect.arrayContaining(['https:', 'http://127.0.0.1:*']),
      );
    });

    it('differs from the release build only in loopback access', () => {
      expect(m.permissions).toEqual(release.permissions);
      expect(m.content_security_policy?.extension_pages).not.toMatch(/unsafe-/);
      expect((m.host_permissions ?? []).every((p) => LOOPBACK.test(p))).toBe(true);
    });
  });
});
