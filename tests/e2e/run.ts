// `npm run test:e2e [-- --no-build] [vitest arguments]`: builds the release and test extensions (the specs
// check the manifests and drive the test builds: plain http, and https for tests/e2e/https-cookies.e2e.ts),
// then runs the e2e project in Chromium and Firefox.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BROWSER_BINARIES, REPO_ROOT, isOldestFirefoxPass, missingBrowsers, selectedBrowsers } from './harness/config';
import { outdatedBrowsers } from './harness/versions';

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const vitestArgs = args.filter((a) => a !== '--no-build');

function run(command: string, commandArgs: string[]): number {
  const { status, signal } = spawnSync(command, commandArgs, { cwd: REPO_ROOT, stdio: 'inherit' });
  return status ?? (signal ? 128 : 1);
}

const browsers = selectedBrowsers();
const missing = missingBrowsers(browsers);
// Before the builds: a browser too old fails in seconds, with the version found and the fix.
const problems = missing.length ? missing : outdatedBrowsers(browsers, BROWSER_BINARIES, { exact: isOldestFirefoxPass() });
if (problems.length) {
  process.stderr.write(`End-to-end tests cannot run:\n  - ${problems.join('\n  - ')}\n`);
  process.exit(1);
}
for (const script of build ? ['build', 'build:test'] : []) {
  const code = run('npm', ['run', '--silent', script]);
  if (code !== 0) process.exit(code);
}
process.exit(run(path.join(REPO_ROOT, 'node_modules/.bin/vitest'), ['run', '--config', 'tests/e2e/vitest.config.ts', ...vitestArgs]));
