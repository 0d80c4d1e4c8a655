// Issue 27: axe on every page, light and dark (Chromium: the harness evaluates axe there), and the options
// navigation that fits the role and the state (Chromium and Firefox): a plain user sees no Portal policy, coverage
// or Reset for others; an enrolled user sees "Authenticator" with its state; Navixy only once a panel exists.
import { describe, expect } from 'vitest';
import { ChromiumBrowser, playwrightPageOf, selectedBrowsers, type E2EPage } from './harness';
import { axeBothSchemes } from './harness/axe';
import { e2eTest } from './harness/fixtures';
import { addPanelAndSignIn } from './harness/navixy';
import { signInWithCookie } from './harness/portal';

const clean = { light: [], dark: [] };

/** The options navigation as people meet it: each link's text (label and state) and which is the current page. */
interface NavLink { text: string; current: boolean; level: number }
const navLinks = (page: E2EPage): Promise<NavLink[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('nav.views a')].map((a) => ({
      text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(),
      current: a.getAttribute('aria-current') === 'page',
      level: a.closest('.nav-sub') ? 2 : 1,
    })),
  );
const breadcrumbText = (page: E2EPage) => page.evaluate(() => [...document.querySelectorAll('nav.breadcrumb li')].map((li) => (li.textContent ?? '').trim()));

/** The view has drawn its title and nothing is loading. */
const viewShown = (page: E2EPage) =>
  expect.poll(async () => !(await page.isBusy()) && (await page.evaluate(() => Boolean(document.querySelector('.view-body h2')) && !document.querySelector('main[aria-busy="true"]'))), { timeout: 15_000 }).toBe(true);

const test = e2eTest.extend('options', ({ browser, portal, track }) => async (view: string) => {
  const page = track(await browser.openExtensionPage(`options.html?view=${view}&origin=${encodeURIComponent(portal.origin)}`));
  await viewShown(page);
  return page;
});

describe.each(selectedBrowsers())('%s options navigation by role and state', (browserName) => {
  test.override({ browserName });
  test.beforeEach(({ portal }) => portal.reset());

  test('a plain user who has not set up: only their own sections, "Authenticator" with "Not set up", no Navixy', async ({ browser, portal, track, options }) => {
    portal.setPolicy({ enabled: true });
    track(await signInWithCookie(browser, portal, 'user'));
    const page = await options('codes');
    const host = new URL(portal.origin).host;
    await expect.poll(async () => (await navLinks(page)).map((l) => l.text)).toEqual(['Portals', host, 'Authenticator, Not set up', 'Backup codes', 'Reset authenticator']);
    expect((await navLinks(page)).filter((l) => l.current).map((l) => l.text)).toEqual(['Backup codes']);
    expect(await breadcrumbText(page)).toEqual(['Portals', host, 'Backup codes']);
  });

  test('the owner who is set up: every section, "Authenticator" with "Set up"; a Navixy panel appears once added', async ({ browser, portal, panel, track, options }) => {
    portal.enrol(portal.user('owner').email);
    portal.setPolicy({ enabled: true });
    track(await signInWithCookie(browser, portal, 'owner'));
    const page = await options('policy');
    const host = new URL(portal.origin).host;
    await expect.poll(async () => (await navLinks(page)).filter((l) => l.level === 2).map((l) => l.text)).toEqual([
      'Authenticator, Set up', 'Backup codes', 'Reset authenticator', 'Portal policy', 'Enrolment coverage', 'Reset for others',
    ]);
    expect((await navLinks(page)).filter((l) => l.level === 1).map((l) => l.text)).toEqual(['Portals', host]);

    panel.reset();
    track(await addPanelAndSignIn(browser, panel));
    const again = await options('portals');
    const panelHost = new URL(panel.panelOrigin).host;
    await expect.poll(async () => (await navLinks(again)).map((l) => l.text)).toEqual(expect.arrayContaining(['Navixy panels', panelHost]));
  });
});

describe.runIf(selectedBrowsers().includes('chromium'))('chromium: axe on every page, light and dark', () => {
  test.override({ browserName: 'chromium' });
  test.beforeEach(({ portal }) => portal.reset());

  test('every DocSpace options view as the owner, and the privacy page', async ({ browser, portal, track, options }) => {
    if (!(browser instanceof ChromiumBrowser)) throw new Error('axe runs in Chromium only');
    portal.enrol(portal.user('owner').email);
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'] });
    track(await signInWithCookie(browser, portal, 'owner'));
    for (const view of ['enrol', 'codes', 'reset', 'policy', 'coverage', 'owner', 'portals']) {
      const page = await options(view);
      await expect.poll(async () => (await navLinks(page)).some((l) => l.text === 'Reset for others')).toBe(true);
      expect(await axeBothSchemes(playwrightPageOf(page)), view).toEqual(clean);
      await page.close();
    }
    const privacy = track(await browser.openExtensionPage('privacy.html'));
    await privacy.waitForText('Privacy policy');
    expect(await axeBothSchemes(playwrightPageOf(privacy)), 'privacy page').toEqual(clean);
  });

  test('a plain user’s enrolment and overview, and the popup for both roles', async ({ browser, portal, track, options }) => {
    if (!(browser instanceof ChromiumBrowser)) throw new Error('axe runs in Chromium only');
    portal.setPolicy({ enabled: true });
    const tab = track(await signInWithCookie(browser, portal, 'user'));
    for (const view of ['enrol', 'portals']) {
      const page = await options(view);
      expect(await axeBothSchemes(playwrightPageOf(page)), view).toEqual(clean);
      await page.close();
    }
    const popup = track(await browser.openPopup(tab));
    await expect.poll(() => popup.isBusy()).toBe(false);
    expect(await axeBothSchemes(playwrightPageOf(popup)), 'popup, user').toEqual(clean);
  });

  test('the Navixy panels list and a panel’s users page', async ({ browser, panel, track }) => {
    if (!(browser instanceof ChromiumBrowser)) throw new Error('axe runs in Chromium only');
    panel.reset();
    const users = track(await addPanelAndSignIn(browser, panel));
    await users.waitForText('users have MFA allowed.');
    await expect.poll(() => users.isBusy()).toBe(false);
    expect(await axeBothSchemes(playwrightPageOf(users)), 'Navixy users').toEqual(clean);
    const list = track(await browser.openExtensionPage('options.html?view=navixy-panels'));
    await list.waitForText(new URL(panel.panelOrigin).host);
    await expect.poll(() => list.isBusy()).toBe(false);
    expect(await axeBothSchemes(playwrightPageOf(list)), 'Navixy panels').toEqual(clean);
  });
});
