// `npm run zip`: the store packages (.output/<name>-<version>-chrome.zip, -firefox.zip) and the sources zip the
// Firefox add-on store asks for. Refuses a test build, and deletes any package that still has a test door or
// the wrong id or version (scripts/release-check.ts), so what it leaves behind can be uploaded as it is.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { GECKO_ID, testDoorsIn, textFilesOfZip } from './release-check';

const root = path.resolve(import.meta.dirname, '..');
const fail = (line: string): never => {
  process.stderr.write(`npm run zip: ${line}\n`);
  process.exit(1);
};

if (process.env.TFA_TEST_BUILD) {
  fail(`TFA_TEST_BUILD=${process.env.TFA_TEST_BUILD} is set: a test build pre-grants the emulator and honours test switches, and is never packaged. Unset it and run again.`);
}

const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const packages = {
  chrome: path.join(root, '.output', `${name}-${version}-chrome.zip`),
  firefox: path.join(root, '.output', `${name}-${version}-firefox.zip`),
  sources: path.join(root, '.output', `${name}-${version}-sources.zip`),
};
for (const file of Object.values(packages)) rmSync(file, { force: true });

for (const args of [['zip'], ['zip', '-b', 'firefox', '--mv3']]) {
  const run = spawnSync('npx', ['wxt', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, TFA_TEST_BUILD: '', NODE_ENV: 'production' } });
  if (run.status !== 0) fail(`wxt ${args.join(' ')} failed (exit ${run.status ?? 'signal'}).`);
}

const problems: string[] = [];
for (const browser of ['chrome', 'firefox'] as const) {
  const files = await textFilesOfZip(packages[browser]);
  const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as { version?: string; browser_specific_settings?: { gecko?: { id?: string } } };
  for (const { door, file } of testDoorsIn(files)) problems.push(`${browser}: ${file} contains ${door.what}`);
  if (manifest.version !== version) problems.push(`${browser}: manifest version ${manifest.version} is not package.json's ${version}`);
  if (browser === 'firefox' && manifest.browser_specific_settings?.gecko?.id !== GECKO_ID) problems.push(`firefox: the add-on id is not ${GECKO_ID}`);
}
if (problems.length) {
  for (const file of Object.values(packages)) rmSync(file, { force: true });
  fail(`packages deleted, not fit to ship:\n  ${problems.join('\n  ')}`);
}
process.stdout.write(`\nReady to upload:\n${Object.values(packages).map((f) => `  ${path.relative(root, f)}`).join('\n')}\n`);
