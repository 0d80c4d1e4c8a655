// Adding the emulated Navixy panel in the options page and signing in to it, as an operator does.
import { DEMO_LOGINS, DEMO_PASSWORD, type RunningNavixyPanel } from '../../navixy/server';
import type { E2EBrowser, E2EPage } from './types';

/** Opens the Navixy panels page, adds `panel` with its API base URL and signs in as the demo admin; returns the page. */
export async function addPanelAndSignIn(browser: E2EBrowser, panel: RunningNavixyPanel): Promise<E2EPage> {
  const page = await browser.openExtensionPage('options.html?view=navixy-panels');
  await page.fill('Panel address', panel.panelOrigin);
  await page.fill('API base URL', panel.apiBase);
  await page.click('button', 'Add panel');
  await page.waitForText(`Sign in to ${new URL(panel.panelOrigin).host}`);
  await page.fill('Login', DEMO_LOGINS.admin);
  await page.fill('Password', DEMO_PASSWORD);
  await page.click('button', 'Sign in');
  return page;
}
