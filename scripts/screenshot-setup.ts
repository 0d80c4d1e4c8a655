// The screenshots' stage (scripts/screenshots.ts): the release build with host access to the screenshot hosts, and
// TLS in front of the emulated Navixy panel, which serves plain http only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, type Server, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:tls';
import type { TlsCredentials } from '../tests/portal/tls';
import { withHostAccess } from './screenshot-hosts';

/** Where `wxt build` (no TFA_TEST_BUILD) writes the Chromium release build. */
const releaseBuildDir = (root: string) => path.join(root, '.output/chrome-mv3');

/** Builds the Chromium release extension (the one users install); false when the build failed. */
export function buildRelease(root: string): boolean {
  const env = { ...process.env };
  delete env.TFA_TEST_BUILD;
  return spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env }).status === 0;
}

/**
 * A copy of the release build in a temporary directory whose manifest grants these origins at install (the user's
 * grant from the toolbar button, which a headless browser cannot click). `remove()` deletes the copy.
 */
export async function releaseCopyWithAccess(root: string, origins: readonly string[]): Promise<{ dir: string; remove(): Promise<void> }> {
  const base = await mkdtemp(path.join(tmpdir(), 'screenshots-extension-'));
  const dir = path.join(base, 'chrome-mv3');
  await cp(releaseBuildDir(root), dir, { recursive: true }).catch((e: unknown) => {
    throw new Error(`No release build in .output/chrome-mv3 (run without --no-build once): ${e instanceof Error ? e.message : String(e)}`);
  });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify(withHostAccess(manifest, origins), null, 2));
  return { dir, remove: () => rm(base, { recursive: true, force: true }) };
}

/** Terminates TLS with `tls` on a free local port and passes the bytes to `127.0.0.1:<port>` (a plain http server). */
export async function tlsInFrontOf(port: number, tls: TlsCredentials): Promise<{ port: number; close(): Promise<void> }> {
  const open = new Set<() => void>();
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, (socket) => {
    const upstream = connect(port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const end = () => {
      socket.destroy();
      upstream.destroy();
      open.delete(end);
    };
    open.add(end);
    socket.on('close', end);
    socket.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const end of [...open]) end();
    }),
  };
}

/**
 * A fontconfig file that makes Debian's fonts-inter the sans-serif and system-ui font of the browser it is given to
 * (FONTCONFIG_FILE), for captures only: the extension's CSS does not change. Null when fonts-inter is not installed.
 */
export async function interFontconfig(): Promise<string | null> {
  if (!existsSync('/usr/share/fonts/opentype/inter/Inter-Regular.otf')) return null;
  const file = path.join(tmpdir(), 'screenshots-fonts.conf');
  const prefer = (family: string) => `<alias binding="strong"><family>${family}</family><prefer><family>Inter</family></prefer></alias>`;
  await writeFile(file, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${['sans-serif', 'system-ui', 'sans'].map(prefer).join('')}</fontconfig>`);
  return file;
}
