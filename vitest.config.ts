import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Every test starts with fresh mocks and the real implementations of spied-on functions (set per project: inline projects do not inherit the root's test options). */
const MOCKS = { mockReset: true, restoreMocks: true } as const;

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
        test: { name: 'unit', ...MOCKS, include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node', setupFiles: ['tests/setup/build-flags.ts', 'tests/setup/i18n.ts', 'tests/setup/fast-check.ts'] },
      },
      {
        plugins: [WxtVitest()],
        test: { name: 'integration', ...MOCKS, include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 20_000, setupFiles: ['tests/setup/build-flags.ts', 'tests/setup/i18n.ts', 'tests/setup/fast-check.ts'] },
      },
    ],
  },
});
