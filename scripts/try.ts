// `npm run try`: builds the extension (test build: host access to the loopback
// emulator pre-granted), starts the emulated DocSpace portal with demo users (and the
// emulated Navixy Admin Panel beside it on the next two ports) and
// opens Chromium with the extension loaded on the portal's sign-in page.
// Options: --browser chromium|firefox|none  --port 8092  --version 3.5|3.6|3.7
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPortal, type PortalVersion } from '../tests/portal/server';
import { DEMO_LOGINS, DEMO_PASSWORD, startNavixyPanel } from '../tests/navixy/server';

const { values } = parseArgs({
  options: { browser: { type: 'string', default: 'chromium' }, port: { type: 'string', default: '8092' }, version: { type: 'string', default: '3.7' } },
});
const root = resolve(import.meta.dirname, '..');
const say = (line = '') => process.stdout.write(`${line}\n`);

say('Building the extension (test build)…');
const build = spawnSync('npm', ['run', 'build:test'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(`${build.stdout}\n${build.stderr}\n`);
  process.exit(build.status ?? 1);
}

const portal = await startPortal({ port: Number(values.port), version: values.version as PortalVersion });
say(`\nEmulated DocSpace ${values.version} portal: ${portal.origin}/`);
for (const u of portal.users.slice(0, 5)) say(`  ${u.email.padEnd(22)} password ${u.password}  (${u.role})`);
say('\nSign in on the portal page, then click the extension’s toolbar button (pin it from the puzzle-piece menu).');
const navixy = await startNavixyPanel({ port: Number(values.port) + 1, apiPort: Number(values.port) + 2 });
say(`\nEmulated Navixy Admin Panel: ${navixy.panelOrigin}/  (API base URL ${navixy.apiBase})`);
say(`  Add it under the extension’s options → Navixy panels, then sign in as ${DEMO_LOGINS.admin} / ${DEMO_PASSWORD} (${DEMO_LOGINS.viewer}: read only).`);

const chromeDir = join(root, '.output-test/chrome-mv3');
const firefoxDir = join(root, '.output-test/firefox-mv3');
let child: ReturnType<typeof spawn> | null = null;
if (values.browser === 'chromium') {
  const bin = ['/usr/bin/chromium', '/usr/bin/google-chrome'].find(existsSync);
  if (bin && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
    const profile = mkdtempSync(join(tmpdir(), 'tfa-try-'));
    child = spawn(bin, [`--user-data-dir=${profile}`, `--disable-extensions-except=${chromeDir}`, `--load-extension=${chromeDir}`, '--no-first-run', `${portal.origin}/`], { stdio: 'ignore' });
    child.on('exit', () => void Promise.all([portal.close(), navixy.close()]).then(() => process.exit(0)));
  } else {
    say(`\nNo display or Chromium found. Load the extension by hand: chrome://extensions → Developer mode → Load unpacked → ${chromeDir}`);
  }
} else if (values.browser === 'firefox') {
  say(`\nFirefox: about:debugging#/runtime/this-firefox → Load Temporary Add-on… → ${firefoxDir}/manifest.json`);
}
say('Press Ctrl+C to stop.');
const stop = () => {
  child?.kill();
  void Promise.all([portal.close(), navixy.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
