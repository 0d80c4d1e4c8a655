// Issue 25 §1 and §3 in real Chromium and Firefox against the emulated panel: a dealer too large to
// load whole is sorted only by fields a Navixy panel accepts (never first name, which it refuses
// with code 7); "Count users with MFA allowed" can be cancelled, and a count a runaway panel drives
// (a huge count, one user per page) stops after a few requests and the page says what was read.
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { addPanelAndSignIn } from './harness/navixy';

const test = e2eTest.extend('lists', ({ panel }) => () => panel.requests.filter((r) => r.action === 'panel/user/list'));

/** The sort select's options as shown, and a way to choose one (as a user does: the select's change). */
const sortOptions = (page: E2EPage) => page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('select[id$="-sort"] option')].map((o) => `${o.value}:${o.textContent}`));
const sortBy = (page: E2EPage, value: string) => page.evaluate((v) => {
  const select = document.querySelector<HTMLSelectElement>('select[id$="-sort"]')!;
  select.value = v;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}, value);
const focused = (page: E2EPage) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe.each(selectedBrowsers())('%s Navixy panel with 3,000 users: sorting and a cancelled count', (browserName) => {
  test.override({ browserName, panelOptions: { userCount: 3_000, rateLimitPerSecond: Infinity } });
  let page: E2EPage;

  test('offers ID, login and last name to sort by, not first name', async ({ browser, panel }) => {
    page = await addPanelAndSignIn(browser, panel);
    await page.waitForText('3,000 users: too many to load at once, so search, sorting and paging run on the panel.');
    expect(await sortOptions(page)).toEqual(['id:ID', 'login:Login', 'last_name:Last name']);
  });

  test.for(['login', 'last_name', 'id'] as const)('sorting by %s is sent to the panel, accepted, and the page shows its first user', async (field, { panel, lists }) => {
    panel.clearLog();
    await sortBy(page, field);
    const key = (u: ReturnType<typeof panel.user>) => { const v = u[field]; return typeof v === 'string' ? v.toLowerCase() : v; };
    const first = [...panel.users()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id))[0]!;
    // The page may already show that user (sorted by the previous field): wait for the request first, then the page.
    await expect.poll(() => lists().map((r) => [r.body.order_by, r.status]), { timeout: 10_000 }).toEqual([[field, 200]]);
    await page.waitForText(first.login);
    await page.waitForText('Users 1–500 of 3,000');
    expect(await page.bodyText()).not.toContain('parameter');
  });

  test('a count can be cancelled: Cancel takes the focus, the page says what was read and that nothing was saved', async ({ panel, lists }) => {
    // Slow pages (six are needed), so the click on Cancel lands before the count ends even in a slow browser.
    panel.setLatency(1_000);
    panel.clearLog();
    await page.click('button', 'Count users with MFA allowed');
    await page.waitForText('Cancel count');
    expect(await focused(page)).toBe('Cancel count');
    await page.waitForText('Counting users… 500 of 3,000 read.', 10_000);
    await page.click('button', 'Cancel count');
    await page.waitForText('Count cancelled after', 10_000);
    const text = await page.bodyText();
    const read = /Count cancelled after ([\d,]+) of 3,000 users; the count was not saved\./.exec(text);
    expect(read).not.toBeNull();
    expect(Number(read![1]!.replace(/,/g, ''))).toBeLessThan(3_000);
    expect(text).toContain('Users with MFA allowed have not been counted yet.');
    expect(await focused(page)).toBe('Count users with MFA allowed');
    // Fewer pages than the six a whole count needs (the status read afterwards asks one more).
    expect(lists().length).toBeLessThan(6);
    panel.setLatency(0);
  });
});

describe.each(selectedBrowsers())('%s Navixy panel that claims 1,000,000 users and sends one per page', (browserName) => {
  test.override({ browserName, panelOptions: { runawayCount: { count: 1_000_000, perPage: 1 }, rateLimitPerSecond: Infinity } });

  test('the count stops after a few requests and the page says the panel stopped sending users', async ({ browser, panel, track, lists }) => {
    const page = track(await addPanelAndSignIn(browser, panel));
    await page.waitForText('1,000,000 users: too many to load at once');
    panel.clearLog();
    await page.click('button', 'Count users with MFA allowed');
    await page.waitForText('Counted 3 of 1,000,000 users before the panel stopped sending users; the count was not saved.', 20_000);
    expect(await page.bodyText()).toContain('Users with MFA allowed have not been counted yet.');
    expect(lists().length).toBeLessThanOrEqual(4);
  });
});
