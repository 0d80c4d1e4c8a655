// `npm test`: the one command. Type check, lint, unit + integration tests, both builds, then the end-to-end
// tests in Chromium and Firefox, and a short Firefox pass on the oldest version the manifest claims. Output streams as it comes; the first failing step stops the run.
// Ends with a summary and a line `N passed, N failed` (vitest's counts summed over every run).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIREFOX_MIN_VERSION } from './browser-versions';
import { OLDEST_FIREFOX_BIN, OLDEST_FIREFOX_PASS, REPO_ROOT, missingBrowsers, selectedBrowsers } from '../tests/e2e/harness/config';
import { browserVersionProblem, readVersionOutput } from '../tests/e2e/harness/versions';

interface Step {
  name: string;
  npmScript: string;
  /** Passed after `--`; a vitest step also gets reporter arguments. */
  args?: string[];
  vitest?: boolean;
  build?: boolean;
  env?: Record<string, string>;
}

/**
 * The Firefox pass on the oldest version the manifest claims (strict_min_version), kept short: specs that reach
 * the extension's browser APIs there. smoke: the install page, runtime messaging, cookies, storage.session, the
 * background stopped and woken; access-removed: permissions removed and granted, storage.local cleared;
 * overview: tabs, the action's badge and title. The full suite runs on Debian's current firefox-esr.
 */
const OLDEST_FIREFOX_SPECS = ['tests/e2e/smoke.e2e.ts', 'tests/e2e/access-removed.e2e.ts', 'tests/e2e/overview.e2e.ts'];

const STEPS: Step[] = [
  { name: 'typecheck', npmScript: 'typecheck' },
  { name: 'lint', npmScript: 'lint' },
  { name: 'unit + integration', npmScript: 'test:unit', vitest: true },
  { name: 'build (release)', npmScript: 'build', build: true },
  // The loopback test build and the https one (release CSP, https://127.0.0.1 pre-granted).
  { name: 'build (test: http, https)', npmScript: 'build:test', build: true },
  // addons-linter over the release Firefox build: errors and warnings fail (Preact's one innerHTML branch is compiled out, wxt.config.ts).
  { name: 'addons-linter (firefox)', npmScript: 'lint:firefox' },
  // All builds just ran.
  { name: 'e2e (chromium, firefox)', npmScript: 'test:e2e', args: ['--no-build'], vitest: true },
  {
    name: `e2e (firefox ${FIREFOX_MIN_VERSION}, oldest claimed)`,
    npmScript: 'test:e2e',
    args: ['--no-build', ...OLDEST_FIREFOX_SPECS],
    vitest: true,
    env: { E2E_PASS: OLDEST_FIREFOX_PASS, FIREFOX_BIN: OLDEST_FIREFOX_BIN },
  },
];

interface Outcome {
  step: Step;
  ms: number;
  ok: boolean;
  passed?: number;
  failed?: number;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites: number;
  success: boolean;
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function run(command: string, args: string[], env?: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (e) => {
      out(`cannot start ${command}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Counts from vitest's JSON report; a failed run that names no failed test still counts as a failure. */
async function counts(file: string, ok: boolean): Promise<{ passed: number; failed: number }> {
  try {
    const report = JSON.parse(await readFile(file, 'utf8')) as VitestJson;
    const failed = report.numFailedTests || (report.success && ok ? 0 : Math.max(1, report.numFailedTestSuites));
    return { passed: report.numPassedTests, failed };
  } catch {
    return { passed: 0, failed: ok ? 0 : 1 };
  }
}

async function runStep(step: Step, reportDir: string): Promise<Outcome> {
  out(`\n━━ ${step.name} ━━ npm run ${step.npmScript}`);
  const report = path.join(reportDir, `${step.npmScript.replace(/\W/g, '-')}.json`);
  const extra = [...(step.args ?? []), ...(step.vitest ? ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`] : [])];
  const started = Date.now();
  const code = await run('npm', ['run', '--silent', step.npmScript, ...(extra.length ? ['--', ...extra] : [])], step.env);
  const outcome: Outcome = { step, ms: Date.now() - started, ok: code === 0 };
  return step.vitest ? { ...outcome, ...(await counts(report, outcome.ok)) } : outcome;
}

function summary(outcomes: Outcome[], totalMs: number): void {
  out('\n━━ Summary ━━');
  const width = Math.max(...STEPS.map((s) => s.name.length));
  for (const step of STEPS) {
    const o = outcomes.find((x) => x.step === step);
    const mark = !o ? '-' : o.ok ? '✓' : '✗';
    const tests = o?.passed !== undefined ? `  ${o.passed} passed, ${o.failed} failed` : '';
    out(`  ${mark} ${step.name.padEnd(width)}  ${o ? seconds(o.ms).padStart(9) : '  skipped'}${tests}`);
  }
  const builds = outcomes.filter((o) => o.step.build);
  if (builds.length) out(`  build time: ${seconds(builds.reduce((ms, o) => ms + o.ms, 0))}`);
  out(`  total wall time: ${seconds(totalMs)}`);
  const passed = outcomes.reduce((n, o) => n + (o.passed ?? 0), 0);
  const failed = outcomes.reduce((n, o) => n + (o.failed ?? 0), 0);
  out(`${passed} passed, ${failed} failed`);
}

/** The Firefox of the oldest-version pass: present, and exactly that major version. */
function oldestFirefoxProblems(): string[] {
  if (!existsSync(OLDEST_FIREFOX_BIN)) {
    return [
      `firefox ${FIREFOX_MIN_VERSION}: none at ${OLDEST_FIREFOX_BIN}. Unpack Debian's firefox-esr ${FIREFOX_MIN_VERSION} there as .ci/run does ` +
        `(apt-get download firefox-esr=<${FIREFOX_MIN_VERSION}.x version> && dpkg-deb -x firefox-esr_*.deb /opt/firefox-esr-${FIREFOX_MIN_VERSION}) or point FIREFOX_OLDEST_BIN at one.`,
    ];
  }
  const problem = browserVersionProblem('firefox', OLDEST_FIREFOX_BIN, readVersionOutput(OLDEST_FIREFOX_BIN), { minimum: FIREFOX_MIN_VERSION, exact: true });
  return problem ? [problem] : [];
}

async function main(): Promise<number> {
  const started = Date.now();
  // A missing browser is a failure, never a skip; say so before spending minutes on the other steps.
  const problems = [...missingBrowsers(selectedBrowsers()), ...oldestFirefoxProblems()];
  if (problems.length) {
    out(`npm test needs both browsers, and Firefox ${FIREFOX_MIN_VERSION} too, for the end-to-end tests:\n  - ${problems.join('\n  - ')}`);
    return 1;
  }
  const reportDir = await mkdtemp(path.join(tmpdir(), 'npm-test-'));
  const outcomes: Outcome[] = [];
  try {
    for (const step of STEPS) {
      const outcome = await runStep(step, reportDir);
      outcomes.push(outcome);
      if (!outcome.ok) {
        out(`\n✗ ${step.name} failed; stopping here.`);
        break;
      }
    }
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
  summary(outcomes, Date.now() - started);
  return outcomes.length === STEPS.length && outcomes.every((o) => o.ok) ? 0 : 1;
}

process.exitCode = await main();
