// The set-up the integration tests share, written once as vitest fixtures (test.extend):
//
//   const test = integrationTest;                            // or integrationTest.extend(…the file's own fixtures…)
//   test('…', async ({ portal }) => { … call(portal.origin, 'GET', 'settings') … });
//
// - portal: the emulated DocSpace portal (startPortal()), started once for the file at the first test that asks for
//   it, reset before each test that asks for it, closed when the file ends.
// - Anything else a test needs before it runs (latency, clock) stays in the file: `test.beforeEach(({ portal }) => …)`.
import { test as base } from 'vitest';
import { startPortal, type RunningPortal } from '../portal/server';

export const integrationTest = base.extend<{
  $file: { runningPortal: RunningPortal };
  $test: { portal: RunningPortal };
}>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from its first parameter's pattern
  runningPortal: [async ({}, use) => {
    const portal = await startPortal();
    await use(portal);
    await portal.close();
  }, { scope: 'file' }],
  portal: async ({ runningPortal }, use) => {
    runningPortal.reset();
    await use(runningPortal);
  },
});
