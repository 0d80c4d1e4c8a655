// What the builds really ship, for both targets and both builds: the exact manifest keys and
// permission lists (a new permission or capability cannot slip in unnoticed), a CSP whose every
// directive is on an allowlist, and pages and scripts that load nothing from outside the package.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/config';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
};

const BUILDS = [
  { outDir: '.output', target: 'chrome-mv3', test: false },
  { outDir: '.output', target: 'firefox-mv3', test: false },
  { outDir: '.output-test', target: 'chrome-mv3', test: true },
  { outDir: '.output-test', target: 'firefox-mv3', test: true },
] as const;

const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** Every key a manifest may have; anything else (content_scripts, web_accessible_resources, externally_connectable…) fails. */
const ALLOWED_KEYS = new Set([
  'manifest_version', 'name', 'description', 'version', 'permissions', 'optional_host_permissions', 'content_security_policy',
  'action', 'background', 'options_ui', 'browser_specific_settings', 'icons', 'default_locale', 'incognito',
]);

function expectedCsp(test: boolean): Record<string, string[]> {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': test ? ['https:', 'http://127.0.0.1:*', 'http://localhost:*'] : ['https:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
}

function directives(csp: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...sources]) => [name!, sources]),
  );
}

function filesOf(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe.each(BUILDS)('$outDir/$target', ({ outDir, target, test }) => {
  const dir = path.join(REPO_ROOT, outDir, target);
  const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;

  it('has only the expected manifest keys', () => {
    const allowed = test ? new Set([...ALLOWED_KEYS, 'host_permissions']) : ALLOWED_KEYS;
    expect(Object.keys(m).filter((k) => !allowed.has(k))).toEqual([]);
  });

  it('asks for exactly storage and activeTab, and for portals only optionally (https, plus loopback in the test build)', () => {
    expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'storage']);
    expect(m.optional_permissions).toBeUndefined();
    expect([...(m.optional_host_permissions ?? [])].sort()).toEqual(test ? ['https://*/*', ...LOOPBACK_HOSTS].sort() : ['https://*/*']);
    if (test) expect([...(m.host_permissions ?? [])].sort()).toEqual([...LOOPBACK_HOSTS].sort());
    else expect(m.host_permissions).toBeUndefined();
  });

  it('has a CSP whose every directive and source is on the allowlist', () => {
    const csp = m.content_security_policy?.extension_pages;
    expect(directives(csp)).toEqual(expectedCsp(test));
    expect(csp).not.toMatch(/unsafe-|strict-dynamic|blob:|\*\.|'wasm/);
    expect(m.content_security_policy?.sandbox).toBeUndefined();
  });

  it('its pages load only their own scripts and styles, with no inline script or handler', () => {
    const pages = filesOf(dir, /\.html$/);
    // privacy.html is PRIVACY.md as a page (text, and its one stylesheet).
    expect(pages.map((p) => path.basename(p)).sort()).toEqual(['options.html', 'popup.html', 'privacy.html']);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      // Besides its own files, a page links only the extension's options page (the privacy page's header).
      for (const [, attr, url] of html.matchAll(/\s(src|href)="([^"]*)"/g)) expect(url, `${page} ${attr}`).toMatch(/^\/((chunks|assets)\/[\w.-]+|privacy\.css|options\.html(\?view=[\w-]+)?)$/);
      if (path.basename(page) === 'privacy.html') expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<script\b[^>]*>[^<]/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });

  it('its scripts import nothing remote', () => {
    const scripts = filesOf(dir, /\.js$/);
    expect(scripts.length).toBeGreaterThan(2);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/import\s*\(\s*["'`]https?:|importScripts\s*\(|from\s*["'`]https?:/);
    }
  });
});
