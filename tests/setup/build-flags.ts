// Unit and integration tests run the test build's code paths (lib/build-flags.d.ts). Vite's `define` does not
// reach modules WxtVitest transforms, so the switches are globals here; the release bundles, where both are the
// literal `false`, are checked by tests/e2e/release.e2e.ts.
Object.assign(globalThis, { __TFA_TEST_SWITCHES__: true, __TFA_LOOPBACK__: true });
