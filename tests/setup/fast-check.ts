import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach } from 'vitest';
import { fastCheckParameters, rerunCommand } from '../support/fc-seed';

/**
 * Every property in a test file draws from one seed per run, so a failure can be replayed exactly:
 * FC_SEED (and optionally FC_PATH and FC_RUNS) from the environment, else a fresh random seed.
 * fast-check's own failure message shows `{ seed, path }`; a failing test in a file that uses
 * fast-check also prints the command that re-runs it with the same seed.
 */
const params = fastCheckParameters(process.env);
fc.configureGlobal(params);

const usesFastCheck = new Map<string, boolean>();
function drawsFromFastCheck(file: string): boolean {
  if (!usesFastCheck.has(file)) {
    let source = '';
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      // Unreadable: say nothing rather than something wrong.
    }
    usesFastCheck.set(file, /from 'fast-check'|\/properties\//.test(source));
  }
  return usesFastCheck.get(file)!;
}

// The context destructured: vitest reads a hook's fixtures from its first parameter's pattern, and refuses any other
// shape in a file whose tests have fixtures (tests/integration/fixtures.ts).
beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => {
    const file = task.file.filepath;
    if (!drawsFromFastCheck(file)) return;
    process.stderr.write(`\nfast-check seed of this run: ${params.seed}. Re-run this test with it:\n  ${rerunCommand(params, file, task.name)}\n`);
  });
});
