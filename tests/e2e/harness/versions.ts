// The browser versions the end-to-end harness accepts, checked before a run: an older browser fails at once with
// one sentence naming the version found, the minimum and the fix, never as a run of timeouts.
import { execFileSync } from 'node:child_process';
import { FIREFOX_MIN_VERSION } from '../../../scripts/browser-versions';
import type { BrowserName } from './config';

/**
 * Firefox: the manifest's `strict_min_version` (the extension does not install below it), the oldest version the
 * harness has run on. Chromium: none; the manifest declares no `minimum_chrome_version`.
 */
export const MIN_BROWSER_MAJOR: Partial<Record<BrowserName, number>> = { firefox: FIREFOX_MIN_VERSION };

/** Where a fix comes from: Debian's package and the variable that points the harness at another binary. */
const FIX: Record<BrowserName, { pkg: string; env: string }> = {
  chromium: { pkg: 'chromium', env: 'CHROMIUM_BIN' },
  firefox: { pkg: 'firefox-esr', env: 'FIREFOX_BIN' },
};

/** The version in a browser's `--version` line: "Mozilla Firefox 140.12.0esr", "Chromium 156.0.8078.129 built on…". */
export function parseBrowserVersion(output: string): { version: string; major: number } | undefined {
  const match = /(?:^|[\s/])((\d+)\.\d+(?:\.\d+)*(?:esr|[ab]\d+)?)(?=$|[\s,;)])/m.exec(output);
  return match ? { version: match[1]!, major: Number(match[2]) } : undefined;
}

/**
 * One sentence when `output` (the binary's `--version`) names a version older than `minimum`, or none; with
 * `exact`, also when it is newer (the pass that keeps the oldest claimed version tested needs that very version).
 */
export function browserVersionProblem(
  name: BrowserName,
  binary: string,
  output: string,
  { minimum = MIN_BROWSER_MAJOR[name], exact = false }: { minimum?: number; exact?: boolean } = {},
): string | undefined {
  if (minimum === undefined) return undefined;
  const { pkg, env } = FIX[name];
  const found = parseBrowserVersion(output);
  if (!found) {
    return `${name}: cannot tell which version ${binary} is (\`${binary} --version\` said ${JSON.stringify(output.trim().slice(0, 200))}); the end-to-end tests need ${name} ${minimum} or newer.`;
  }
  if (exact && found.major !== minimum) {
    return `${name}: ${binary} is version ${found.version}, but this pass tests the oldest version the manifest claims, ${minimum}. Point ${env} (in npm test: FIREFOX_OLDEST_BIN) at a ${name} ${minimum}, as .ci/run does.`;
  }
  if (found.major >= minimum) return undefined;
  return (
    `${name}: ${binary} is version ${found.version}, older than ${minimum}, the oldest version the extension and the end-to-end harness support. ` +
    `Update it (apt-get update && apt-get install ${pkg}) or point ${env} at ${name} ${minimum} or newer.`
  );
}

/** The binary's `--version` output (Firefox and Chromium print one line and exit, without a display). */
export function readVersionOutput(binary: string): string {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The version problem of each browser a run needs (those with a minimum only: no process is started otherwise). */
export function outdatedBrowsers(browsers: readonly BrowserName[], binaries: Record<BrowserName, string>, options: { exact?: boolean } = {}): string[] {
  return browsers
    .filter((name) => MIN_BROWSER_MAJOR[name] !== undefined)
    .map((name) => browserVersionProblem(name, binaries[name], readVersionOutput(binaries[name]), options))
    .filter((p): p is string => p !== undefined);
}
