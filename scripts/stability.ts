// `npm run test:stability -- --runs N [--project unit|integration|e2e]… [--no-build] [files or vitest args]`
// Runs the chosen vitest projects N times in a row (unit + integration when none is named) and prints, per run,
// the counts and the names of the tests that failed, then how many runs failed and which tests failed how often.
// Each run's full output goes to a log file (named on failure). Exits 1 when any run failed.
// E2E_BROWSERS narrows the e2e runs to one browser locally, as for `npm run test:e2e`.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, missingBrowsers, selectedBrowsers } from '../tests/e2e/harness/config';

type Project = 'unit' | 'integration' | 'e2e';
const PROJECTS: readonly Project[] = ['unit', 'integration', 'e2e'];

interface Options {
  runs: number;
  projects: Project[];
  build: boolean;
  /** Passed on to vitest (spec files, -t patterns). */
  rest: string[];
}

function usage(problem: string): never {
  process.stderr.write(`${problem}\nusage: npm run test:stability -- --runs N [--project unit|integration|e2e]… [--no-build] [vitest arguments]\n`);
  process.exit(2);
}

export function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 10, projects: [], build: true, rest: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? usage(`${arg} needs a value`);
    if (arg === '--runs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) usage('--runs takes a whole number of at least 1');
      options.runs = n;
    } else if (arg === '--project') {
      const p = value() as Project;
      if (!PROJECTS.includes(p)) usage(`--project is one of ${PROJECTS.join(', ')}`);
      options.projects.push(p);
    } else if (arg === '--no-build') options.build = false;
    else options.rest.push(arg);
  }
  if (!options.projects.length) options.projects = ['unit', 'integration'];
  if (options.projects.includes('e2e') && options.projects.length > 1) usage('run e2e on its own: it has its own configuration');
  return options;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  success: boolean;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

interface RunResult {
  passed: number;
  failed: string[];
  ok: boolean;
  ms: number;
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function vitestArgs(options: Options, report: string): string[] {
  const projectArgs = options.projects[0] === 'e2e' ? ['--config', 'tests/e2e/vitest.config.ts'] : options.projects.flatMap((p) => ['--project', p]);
  return ['run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...options.rest];
}

async function runOnce(options: Options, dir: string, n: number): Promise<RunResult & { log: string }> {
  const report = path.join(dir, `run-${n}.json`);
  const log = path.join(dir, `run-${n}.log`);
  const started = Date.now();
  const stream = createWriteStream(log);
  const code = await new Promise<number>((resolve) => {
    // FORCE_COLOR=0: the log is for reading, not a terminal.
    const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/vitest'), vitestArgs(options, report), { cwd: REPO_ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
    child.stdout.pipe(stream, { end: false });
    child.stderr.pipe(stream, { end: false });
    child.on('error', () => resolve(127));
    child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  stream.end();
  const ms = Date.now() - started;
  try {
    const r = JSON.parse(await readFile(report, 'utf8')) as VitestReport;
    const failed = r.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${path.relative(REPO_ROOT, f.name)} › ${a.fullName}`));
    // A run that failed outside any test (a crashed file, an unhandled rejection) still counts as failed.
    if (code !== 0 && !failed.length) failed.push(`(exit code ${code} with no failed test: see the log)`);
    return { passed: r.numPassedTests, failed, ok: code === 0, ms, log };
  } catch {
    return { passed: 0, failed: [`(no report; exit code ${code}: see the log)`], ok: false, ms, log };
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const e2e = options.projects[0] === 'e2e';
  if (e2e) {
    const problems = missingBrowsers(selectedBrowsers());
    if (problems.length) {
      out(`The end-to-end runs need both browsers:\n  - ${problems.join('\n  - ')}`);
      return 1;
    }
    for (const script of options.build ? ['build', 'build:test'] : []) {
      if (spawnSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: 'inherit' }).status !== 0) return 1;
    }
  }
  const dir = path.join(REPO_ROOT, '.stability', new Date().toISOString().replace(/[:.]/g, '-'));
  await mkdir(dir, { recursive: true });
  const what = `${options.projects.join(' + ')}${e2e ? ` (${selectedBrowsers().join(', ')})` : ''}${options.rest.length ? ` ${options.rest.join(' ')}` : ''}`;
  out(`${options.runs} runs of ${what}; logs in ${path.relative(REPO_ROOT, dir)}/`);
  const results: RunResult[] = [];
  for (let n = 1; n <= options.runs; n += 1) {
    const r = await runOnce(options, dir, n);
    results.push(r);
    out(`run ${String(n).padStart(String(options.runs).length)}/${options.runs}: ${r.ok ? 'ok    ' : 'FAILED'} ${r.passed} passed, ${r.ok ? 0 : r.failed.length} failed  ${seconds(r.ms)}`);
    if (!r.ok) {
      for (const name of r.failed) out(`    ✗ ${name}`);
      out(`    log: ${path.relative(REPO_ROOT, r.log)}`);
    }
  }
  const failedRuns = results.filter((r) => !r.ok);
  const byTest = new Map<string, number>();
  for (const r of failedRuns) for (const name of r.failed) byTest.set(name, (byTest.get(name) ?? 0) + 1);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  out(`\n${what}: ${options.runs} runs, ${failedRuns.length} failed; run time median ${seconds(times[Math.floor(times.length / 2)]!)}, longest ${seconds(times.at(-1)!)}`);
  for (const [name, count] of [...byTest].sort((a, b) => b[1] - a[1])) out(`  ${count}× ${name}`);
  return failedRuns.length ? 1 : 0;
}

process.exitCode = await main();
