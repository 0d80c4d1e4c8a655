// The seed, path and run count that every fast-check property in a test run uses (tests/setup/fast-check.ts),
// read from FC_SEED / FC_PATH / FC_RUNS, and the command that replays a failure.
import path from 'node:path';

export interface FastCheckParameters {
  seed: number;
  /** Replays one counterexample directly; only meaningful together with -t naming the one failing test. */
  path?: string;
  /** Overrides the default number of runs of properties that do not set their own. */
  numRuns?: number;
}

/** A seed fast-check accepts: a 32-bit signed integer. */
export function randomSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) | 0;
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name}=${value} is not an integer from ${min} to ${max}`);
  }
  return n;
}

export function fastCheckParameters(env: NodeJS.ProcessEnv, fresh: () => number = randomSeed): FastCheckParameters {
  const params: FastCheckParameters = { seed: env.FC_SEED ? integer('FC_SEED', env.FC_SEED, -(2 ** 31), 2 ** 31 - 1) : fresh() };
  if (env.FC_PATH) {
    if (!/^\d+(:\d+)*$/.test(env.FC_PATH)) throw new Error(`FC_PATH=${env.FC_PATH} is not a fast-check path (like 12:0:3)`);
    params.path = env.FC_PATH;
  }
  if (env.FC_RUNS) params.numRuns = integer('FC_RUNS', env.FC_RUNS, 1, 1_000_000);
  return params;
}

/** `FC_SEED=… npx vitest run <file> -t '<test>'`, relative to the repository and quoted for a POSIX shell. */
export function rerunCommand(params: FastCheckParameters, file: string, test: string, root: string = process.cwd()): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const pattern = test.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `FC_SEED=${params.seed} npx vitest run ${quote(path.relative(root, file))} -t ${quote(pattern)}`;
}
