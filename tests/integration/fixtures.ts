// The set-up the integration tests share, written once as vitest fixtures (test.extend):
//
//   const test = integrationTest;                            // or integrationTest.extend(…the file's own fixtures…)
//   test('…', async ({ portal }) => { … call(portal.origin, 'GET', 'settings') … });
//
//   const it = backgroundTest;                               // the extension's background handlers against the portal
//   it('…', async ({ portal, fetchWithJar }) => { fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(email)); … });
//
// - portal: the emulated DocSpace portal (startPortal(portalOptions)), started once for the file at the first test that
//   asks for it, reset before each test that asks for it, closed when the file ends.
// - portalOptions: the options the file's portal starts with ({} unless the file says otherwise:
//   `backgroundTest.override('portalOptions', { scope: 'file' }, { big: true })` at the top of the file).
// - backgroundTest (integrationTest plus fetchWithJar, set up for every test, named or not): fakeBrowser reset, the
//   portal reset and back to version 3.7 (reset() keeps the version), host permission granted
//   (fakeBrowser.permissions.contains answers true) and the global fetch a fresh jarFetch() (a browser's cookie jar for
//   the portal), unstubbed after the test. A file's own helpers that need the portal or the jar are fixtures
//   (`backgroundTest.extend('signInAs', ({ portal, fetchWithJar }) => async (email: string) => …)`).
// - Anything else a test needs before it runs (latency, clock, badge spies) stays in the file:
//   `test.beforeEach(({ portal }) => …)`.
import { test as base, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPortal, type PortalOptions, type RunningPortal } from '../portal/server';
import { jarFetch } from './jar-fetch';

export const integrationTest = base.extend<{
  $file: { portalOptions: PortalOptions; runningPortal: RunningPortal };
  $test: { portal: RunningPortal };
}>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from its first parameter's pattern
  portalOptions: [async ({}, use) => use({}), { scope: 'file' }],
  runningPortal: [async ({ portalOptions }, use) => {
    const portal = await startPortal(portalOptions);
    await use(portal);
    await portal.close();
  }, { scope: 'file' }],
  portal: async ({ runningPortal }, use) => {
    runningPortal.reset();
    await use(runningPortal);
  },
});

export type JarFetch = ReturnType<typeof jarFetch>;

export const backgroundTest = integrationTest.extend<{ $test: { fetchWithJar: JarFetch } }>({
  fetchWithJar: [async ({ portal }, use) => {
    fakeBrowser.reset();
    portal.setVersion('3.7');
    fakeBrowser.permissions.contains = async () => true;
    const fetchWithJar = jarFetch();
    vi.stubGlobal('fetch', fetchWithJar);
    await use(fetchWithJar);
    vi.unstubAllGlobals();
  }, { auto: true }],
});
