// Issue 27 (navixy): the Navixy users page and the Navixy popup in the shared look pass axe in the light and the dark
// colour scheme, with users selected (the selection bar shown) and the apply-to-all warning row on screen.
// (axe runs in Chromium only; the harness evaluates it.)
import { describe, expect } from 'vitest';
import { ChromiumBrowser, playwrightPageOf, selectedBrowsers, type E2EPage } from './harness';
import { axeBothSchemes } from './harness/axe';
import { e2eTest } from './harness/fixtures';
import { addPanelAndSignIn } from './harness/navixy';

const clean = { light: [], dark: [] };
/** No read under way (aria-busy), so axe sees the page as a user does. */
const settled = (page: E2EPage) => expect.poll(() => page.isBusy()).toBe(false);

const test = e2eTest.extend<{ browser: ChromiumBrowser }>({
  browser: async ({ browser }, use) => {
    if (!(browser instanceof ChromiumBrowser)) throw new Error('Accessibility runs in Chromium only');
    await use(browser);
  },
});

describe.runIf(selectedBrowsers().includes('chromium'))('chromium Navixy accessibility', () => {
  test.override({ browserName: 'chromium' });

  test('the users page (default card, selection bar, pills) and the popup have no axe violations in either scheme', async ({ browser, panel, track }) => {
    panel.reset();
    const page = track(await addPanelAndSignIn(browser, panel));
    await page.waitForText('Default MFA: Disallowed');
    await page.click('checkbox', 'Select all shown users');
    await page.waitForText('250 users selected.');
    await settled(page);
    expect(await axeBothSchemes(playwrightPageOf(page))).toEqual(clean);

    const tab = track(await browser.openTab(`${panel.panelOrigin}/`));
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText('with MFA allowed');
    await settled(popup);
    expect(await axeBothSchemes(playwrightPageOf(popup))).toEqual(clean);
  });
});
