/**
 * Build-time switches (wxt.config.ts `define`; vitest.config.ts sets both true). In a release build both are
 * the literal `false`, so the minifier drops every branch they guard: the shipped bundles contain no test door
 * (tests/e2e/release.e2e.ts reads them to make sure).
 */
/** Test builds only: the popup takes its portal from `?origin=` (Firefox cannot open the real popup headless). */
declare const __TFA_TEST_SWITCHES__: boolean;
/** The loopback test build only: `http://127.0.0.1`, `localhost` and `[::1]` count as portals (the emulator). */
declare const __TFA_LOOPBACK__: boolean;
