// What a shipped package must not contain, shared by `npm run zip` (scripts/zip.ts), which refuses to keep a
// package that fails it, and by tests/e2e/release.e2e.ts, which runs it over the release builds (none
// allowed) and over the test builds (each door must be found there, so the check is known to work).

import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** The Firefox add-on id, final: the store ties the listing, updates and users' data to it. */
export const GECKO_ID = '{4ce13a85-7f12-48da-943e-5e28f1a0c813}';

export interface TestDoor {
  id: 'loopback' | 'originOverride' | 'hostPermissions' | 'devBuild';
  /** What it is, for the error message. */
  what: string;
}

const DOORS: readonly (TestDoor & { test: (file: string, text: string) => boolean })[] = [
  {
    id: 'loopback',
    what: 'a loopback address (127.0.0.1, localhost, [::1]): the emulator counted as a portal',
    // `localhost` counts where it is used as a host (a URL, a port, a comparison), not as a bare word: the Public
    // Suffix List library of the Navixy sign-in form carries RFC 6761's special-use names ("test", "localhost", ...).
    test: (_file, text) => /127\.0\.0\.1|\[::1\]|\/\/localhost\b|\blocalhost:[\d*]|[=!]==?\s*["'`]localhost["'`]|["'`]localhost["'`]\s*[=!]==?/.test(text),
  },
  {
    id: 'originOverride',
    what: "the popup's ?origin= override (a page URL choosing the portal instead of the active tab)",
    // The popup reads its own query; the options page's `?origin=` deep links are a feature and read `params`.
    test: (file, text) => file.endsWith('.js') && /URLSearchParams\(location\.search\)\.get\(["']origin["']\)/.test(text),
  },
  {
    id: 'hostPermissions',
    what: 'host access granted up front (host_permissions) instead of per portal at run time',
    test: (file, text) => file === 'manifest.json' && 'host_permissions' in (JSON.parse(text) as object),
  },
  {
    id: 'devBuild',
    what: 'development JSX (source file paths and line numbers of this machine), as built when NODE_ENV is not production',
    test: (file, text) => file.endsWith('.js') && /lineNumber:\d+,columnNumber:\d+/.test(text),
  },
];

/** Each test door found in a package's text files (path relative to the package root → contents). */
export function testDoorsIn(files: ReadonlyMap<string, string>): { door: TestDoor; file: string }[] {
  const found: { door: TestDoor; file: string }[] = [];
  for (const { test, ...door } of DOORS) {
    for (const [file, text] of files) {
      if (test(file, text)) {
        found.push({ door, file });
        break;
      }
    }
  }
  return found;
}

const TEXT_FILE = /\.(js|mjs|html|css|json|svg|txt)$/;

/** A package's text files (path → contents), from its zip. */
export async function textFilesOfZip(zipFile: string): Promise<Map<string, string>> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(await readFile(zipFile));
  const files = new Map<string, string>();
  for (const entry of Object.values(zip.files)) if (!entry.dir && TEXT_FILE.test(entry.name)) files.set(entry.name, await entry.async('string'));
  return files;
}

/** A built extension's text files (path relative to `dir` → contents). */
export async function textFilesOfDir(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TEXT_FILE.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full, 'utf8'));
  }
  return files;
}
