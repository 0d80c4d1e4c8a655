// The packages as shipped: no test door in the release bundles (and each door found in the test build, so the
// check is known to work), `npm run zip` refusing a test build, and the Firefox sources zip rebuilding to exactly
// the files of the Firefox package, as the add-on store's reviewers will rebuild it.
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/config';
import { GECKO_ID, testDoorsIn, textFilesOfDir, textFilesOfZip } from '../../scripts/release-check';
import { privacyPageFromSources } from '../../scripts/privacy-page';

const TARGETS = ['chrome-mv3', 'firefox-mv3'] as const;
const { name, version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const zipPath = (kind: string) => path.join(REPO_ROOT, '.output', `${name}-${version}-${kind}.zip`);

describe.each(TARGETS)('%s', (target) => {
  it('the release build contains no test door', async () => {
    expect(testDoorsIn(await textFilesOfDir(path.join(REPO_ROOT, '.output', target)))).toEqual([]);
  });

  it('no bundle writes innerHTML (Preact\'s one such branch is compiled out, wxt.config.ts)', async () => {
    const files = await textFilesOfDir(path.join(REPO_ROOT, '.output', target));
    expect([...files].filter(([file, text]) => file.endsWith('.js') && /\.innerHTML\s*=[^=]/.test(text)).map(([file]) => file)).toEqual([]);
  });

  it('has the privacy page, made from PRIVACY.md as it is now', async () => {
    const files = await textFilesOfDir(path.join(REPO_ROOT, '.output', target));
    expect(files.get('privacy.html')).toBe(privacyPageFromSources((file) => readFileSync(path.join(REPO_ROOT, file), 'utf8')));
    expect(files.has('privacy.css')).toBe(true);
  });

  it('the test build has every door the check looks for (so the check can fail)', async () => {
    const found = testDoorsIn(await textFilesOfDir(path.join(REPO_ROOT, '.output-test', target))).map((f) => f.door.id);
    expect(found.sort()).toEqual(['hostPermissions', 'loopback', 'originOverride']);
  });

  it('the https test build keeps the release code paths apart from the popup override', async () => {
    const found = testDoorsIn(await textFilesOfDir(path.join(REPO_ROOT, '.output-test/https', target)));
    // Its only loopback mention is the pre-granted https://127.0.0.1 in the manifest; no code treats loopback as a portal.
    expect(found.filter((f) => f.door.id === 'loopback').map((f) => f.file)).toEqual(['manifest.json']);
    expect(found.map((f) => f.door.id)).toContain('originOverride');
  });
});

/** The environment a person's shell would have: without vitest's NODE_ENV=test (which makes Vite build development JSX). */
function shellEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { NODE_ENV: _test, ...env } = process.env;
  return { ...env, ...extra };
}

function runNpm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: shellEnv(env) });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

async function unzipTo(zipFile: string, dir: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(zipFile));
  for (const [file, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), await entry.async('nodebuffer'));
  }
}

/** Every file of a built tree, path → bytes as base64. */
async function filesOfDir(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(path.relative(dir, path.join(entry.parentPath, entry.name)), (await readFile(path.join(entry.parentPath, entry.name))).toString('base64'));
  }
  return out;
}

/** Every file of a zip, path → bytes as base64 (binary files included). */
async function filesOfZip(zipFile: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(zipFile));
  const out = new Map<string, string>();
  for (const [file, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(file, await entry.async('base64'));
  return out;
}

describe('npm run zip', () => {
  const temp: string[] = [];
  afterAll(async () => {
    for (const dir of temp) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a test build and leaves no package behind', async () => {
    for (const kind of ['chrome', 'firefox', 'sources']) await rm(zipPath(kind), { force: true });
    const r = runNpm(['run', '--silent', 'zip'], REPO_ROOT, { TFA_TEST_BUILD: '1' });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('TFA_TEST_BUILD=1 is set');
    expect(existsSync(zipPath('chrome')) || existsSync(zipPath('firefox'))).toBe(false);
  });

  it('packages release builds with the final id and version, and the sources zip rebuilds to the same Firefox files', async () => {
    const r = runNpm(['run', '--silent', 'zip'], REPO_ROOT);
    expect(r.status, r.output).toBe(0);
    for (const kind of ['chrome', 'firefox']) {
      const files = await textFilesOfZip(zipPath(kind));
      expect(testDoorsIn(files)).toEqual([]);
      const manifest = JSON.parse(files.get('manifest.json')!) as { version: string; browser_specific_settings?: { gecko?: { id?: string } } };
      expect(manifest.version).toBe(version);
      if (kind === 'firefox') expect(manifest.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
    }

    // As a reviewer would: unpack the sources, install (here: the same node_modules), build for Firefox.
    const dir = await mkdtemp(path.join(tmpdir(), 'sources-'));
    temp.push(dir);
    await unzipTo(zipPath('sources'), dir);
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: dir, encoding: 'utf8', env: shellEnv({ TFA_TEST_BUILD: '' }) });
    expect(build.status, build.stderr).toBe(0);

    // Every file, binary ones included, byte for byte; nothing missing and nothing extra.
    expect(await filesOfDir(path.join(dir, '.output', 'firefox-mv3'))).toEqual(await filesOfZip(zipPath('firefox')));
  }, 120_000);
});
