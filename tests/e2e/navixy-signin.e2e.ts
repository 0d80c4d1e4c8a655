// Issue 25: adding a Navixy panel offers Navixy's regional API servers; the sign-in form warns, naming the API host,
// only when that host is not on the panel's registrable domain; a sign-in whose form showed an API address the
// panel no longer has is refused before anything is sent. The built extension in real Chromium and Firefox against
// the emulated panel.
import { describe, expect } from 'vitest';
import { playwrightPageOf, selectedBrowsers, type E2EPage } from './harness';
import { axeBothSchemes } from './harness/axe';
import { e2eTest as test } from './harness/fixtures';
import { sendToBackground } from './harness/messages';
import { pollFor } from './harness/wait';
import { DEMO_LOGINS, startNavixyPanel } from '../navixy/server';

/** The value of the field whose label is exactly `label`. */
const fieldValue = (page: E2EPage, label: string) =>
  page.evaluate((name: string) => {
    const l = [...document.querySelectorAll('label')].find((x) => x.textContent === name);
    return (document.getElementById(l?.htmlFor ?? '') as HTMLInputElement | null)?.value ?? null;
  }, label);

/** Whether the sign-in button can be pressed (the form has decided whether to warn, and has a login and password). */
const canSignIn = (page: E2EPage) =>
  page.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Sign in' && !b.disabled));

async function fillSignIn(page: E2EPage): Promise<void> {
  await page.fill('Login', DEMO_LOGINS.admin);
  await page.fill('Password', 'demo-password');
  await pollFor(async () => ((await canSignIn(page)) ? true : undefined), () => 'the Sign in button to be enabled');
}

const FOREIGN = 'is not on the domain of the panel';

describe.each(selectedBrowsers())('%s Navixy API address and sign-in host', (browserName) => {
  test.override({ browserName });

  test('choosing a regional server fills the API field; "on-premise or other" empties it for the panel\'s own address', async ({ browser, panel, track }) => {
    panel.reset();
    const page = track(await browser.openExtensionPage('options.html?view=navixy-panels'));
    await page.waitForText('Where the panel’s API is');
    await page.waitForText('On-premise panels: usually https://api.<your-domain>/v2.');
    expect(await page.bodyText()).not.toContain('https://api.navixy.com');
    await page.click('radio', 'Middle East');
    expect(await fieldValue(page, 'API base URL')).toBe('https://api.me.navixy.com/v2');
    await page.click('radio', 'Europe');
    expect(await fieldValue(page, 'API base URL')).toBe('https://api.eu.navixy.com/v2');
    await page.click('radio', 'Americas (US)');
    expect(await fieldValue(page, 'API base URL')).toBe('https://api.us.navixy.com/v2');
    if (browserName === 'chromium') {
      // One radio group: the arrow keys move the choice, and the field follows.
      const raw = playwrightPageOf(page);
      await raw.keyboard.press('ArrowDown');
      expect(await fieldValue(page, 'API base URL')).toBe('https://api.me.navixy.com/v2');
      await raw.keyboard.press('ArrowUp');
      expect(await fieldValue(page, 'API base URL')).toBe('https://api.us.navixy.com/v2');
      expect(await axeBothSchemes(raw)).toEqual({ light: [], dark: [] });
    }
    await page.click('radio', 'On-premise or other');
    expect(await fieldValue(page, 'API base URL')).toBe('');
    // The panel's own address typed in: the panel is added with it.
    await page.fill('Panel address', panel.panelOrigin);
    await page.fill('API base URL', panel.apiBase);
    await page.click('button', 'Add panel');
    await page.waitForText(`Sign in to ${new URL(panel.panelOrigin).host}`);
  });

  test('the sign-in form warns, naming the API host, only when it is not on the panel\'s domain', async ({ browser, panel, track }) => {
    panel.reset();
    const apiHost = new URL(panel.apiBase).host;
    // The emulated panel: its page and its API on one host (other ports), so no warning.
    const same = track(await browser.openExtensionPage('options.html?view=navixy-panels'));
    expect(await sendToBackground(same, { type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: panel.apiBase })).toMatchObject({ ok: true });
    const sameForm = track(await browser.openExtensionPage(`options.html?view=navixy&panel=${encodeURIComponent(panel.panelOrigin)}`));
    await sameForm.waitForText(`Your password is sent to ${apiHost} (this panel’s API) and to no other site.`);
    await fillSignIn(sameForm);
    expect(await sameForm.bodyText()).not.toContain(FOREIGN);

    // A panel opened at another site (never contacted) whose API is the emulator's: the warning names the API host.
    const foreignPanel = 'https://panel.fleet.example';
    expect(await sendToBackground(same, { type: 'addNavixyPanel', panel: foreignPanel, apiBase: panel.apiBase })).toMatchObject({ ok: true });
    const foreign = track(await browser.openExtensionPage(`options.html?view=navixy&panel=${encodeURIComponent(foreignPanel)}`));
    await foreign.waitForText(`${apiHost} ${FOREIGN} panel.fleet.example. Sign in only if you know this is your panel’s real API.`);
    expect(await sendToBackground(same, { type: 'removeNavixyPanel', panel: foreignPanel })).toMatchObject({ ok: true });
  });

  test('a sign-in whose form showed an API address the panel no longer has is refused: nothing is sent, and the form shows the new address', async ({ browser, panel, track }) => {
    panel.reset();
    const other = await startNavixyPanel();
    try {
      const host = new URL(panel.panelOrigin).host;
      const setup = track(await browser.openExtensionPage('options.html?view=navixy-panels'));
      expect(await sendToBackground(setup, { type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: panel.apiBase, confirmApiChange: true })).toMatchObject({ ok: true });
      const form = track(await browser.openExtensionPage(`options.html?view=navixy&panel=${encodeURIComponent(panel.panelOrigin)}`));
      await form.waitForText(`Your password is sent to ${new URL(panel.apiBase).host} (this panel’s API)`);
      // Meanwhile, in another tab, the panel's API address is changed.
      expect(await sendToBackground(setup, { type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: other.apiBase, confirmApiChange: true })).toMatchObject({ ok: true });
      panel.clearLog();
      other.clearLog();
      await fillSignIn(form);
      await form.click('button', 'Sign in');
      await form.waitForText(`The API address of the panel ${host} changed after this sign-in form was shown, so your password was not sent.`);
      await form.waitForText(`Your password is sent to ${new URL(other.apiBase).host} (this panel’s API)`);
      expect(panel.requests.filter((r) => r.action === 'panel/account/auth')).toEqual([]);
      expect(other.requests.filter((r) => r.action === 'panel/account/auth')).toEqual([]);
    } finally {
      const page = track(await browser.openExtensionPage('options.html?view=navixy-panels'));
      await sendToBackground(page, { type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: panel.apiBase, confirmApiChange: true });
      await other.close();
    }
  });
});
