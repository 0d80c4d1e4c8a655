// A Navixy dealer with 50,000 users: the built extension in real Chromium and Firefox against the
// emulated panel. The list is too large to load whole, so the page says so and searches, sorts and
// pages on the panel; the count of users with MFA allowed is only ever taken over every user.
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../navixy/server';

const USERS = 50_000;

const test = e2eTest.extend('lists', ({ panel }) => () => panel.requests.filter((r) => r.action === 'panel/user/list'));

describe.each(selectedBrowsers())('%s Navixy panel with 50,000 users', (browserName) => {
  test.override({ browserName, panelOptions: { userCount: USERS, rateLimitPerSecond: Infinity } });
  let page: E2EPage;

  test('signs in and shows the first page of the panel\'s own paging, saying why, without reading every user', async ({ browser, panel, lists }) => {
    const panels = await browser.openExtensionPage('options.html?view=navixy-panels');
    await panels.fill('Panel address', panel.panelOrigin);
    await panels.fill('API base URL', panel.apiBase);
    await panels.click('button', 'Add panel');
    page = panels;
    await page.waitForText(`Sign in to ${new URL(panel.panelOrigin).host}`);
    panel.clearLog();
    await page.fill('Login', DEMO_LOGINS.admin);
    await page.fill('Password', DEMO_PASSWORD);
    await page.click('button', 'Sign in');
    await page.waitForText('50,000 users: too many to load at once, so search, sorting and paging run on the panel.');
    await page.waitForText('Users 1–500 of 50,000');
    await page.waitForText('Users with MFA allowed have not been counted yet.');
    // The status read one page; the view one more (it stops after the first page of a list this large).
    expect(lists().length).toBeLessThanOrEqual(3);
    expect(lists().every((r) => r.body.limit === 500)).toBe(true);
  });

  test('pages, sorts and searches on the panel', async ({ panel, lists }) => {
    panel.clearLog();
    await page.click('button', 'Next page');
    await page.waitForText('Users 501–1,000 of 50,000');
    expect(lists().at(-1)?.body).toMatchObject({ offset: 500, limit: 500 });
    await page.fill('Search users on the panel (name, login, phone, ID)', 'driver49999@');
    await page.click('button', 'Search');
    await page.waitForText('Users 1–1 of 1');
    await page.waitForText('driver49999@fleet.test');
    expect(lists().at(-1)?.body).toMatchObject({ offset: 0, filter: 'driver49999@' });
  });

  test('counts users with MFA allowed over every page on demand, and the popup shows that count with its time', async ({ browser, panel, lists }) => {
    panel.clearLog();
    await page.click('button', 'Count users with MFA allowed');
    await page.waitForText('10,000 of 50,000 users have MFA allowed.', 120_000);
    expect(new Set(lists().map((r) => r.body.offset)).size).toBe(USERS / 500);
    const tab = await browser.openTab(`${panel.panelOrigin}/`);
    panel.clearLog();
    const popup = await browser.openPopup(tab);
    await popup.waitForText('10,000 of 50,000 users');
    // One open: the default and the first page (and the same again when revalidating the cached status).
    expect(lists().length).toBeLessThanOrEqual(2);
    await popup.close();
    await tab.close();
  });
});
