// Issue 23 §2 in real Chromium and Firefox against the big emulated portal (tests/portal/big.ts: a policy naming
// 5,000 users, 10 of them deleted): a page of the people list that fails leaves people "not read", never deleted,
// and the editor offers no removal of anyone who exists; once the portal answers again, "Check them again" names
// them and the real deletions are deleted, each after the portal's own 404 for its id.
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import { DELETED_USERS } from '../portal/big';
import { CONFIRM_LIMIT } from '../../lib/providers/docspace/protocol';

/** "5,000 users: 3 deleted, 57 not read" → its numbers (0 for a part that is not there). */
async function counts(page: E2EPage) {
  const text = await page.bodyText();
  const line = /5,000 users(?:: ([^\n]*))?/.exec(text)?.[1] ?? '';
  const n = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
  return { line, deleted: n('deleted'), unread: n('not read'), unchecked: n('not checked'), unnamed: n('without a name') };
}

/** The ids (first 8 characters) of the users shown as deleted on the current page of the list. */
const deletedShown = (page: E2EPage) =>
  page.evaluate(() => [...document.querySelectorAll('.chip-name')].map((e) => /^Deleted user \((\w{8})…\)$/.exec(e.textContent ?? '')?.[1]).filter(Boolean));

const test = e2eTest;

describe.each(selectedBrowsers())('%s: people the listing did not return', (browserName) => {
  test.override({ browserName, portalOptions: { big: true } });
  test.afterEach(({ portal }) => portal.injectFault(null));

  test('a failed page leaves people not read and offers no removal of anyone who exists; checked again, the 10 real deletions are deleted', async ({ browser, portal, opened }) => {
    portal.reset();
    const admin = portal.user('admin');
    portal.enrol(admin.email);
    await signInWithCookie(browser, portal, admin.email).then((t) => opened.push(t));
    // The 21st page of people (100 users who exist) fails every time it is asked for.
    portal.injectFault({ kind: 'status500', path: 'people/filter', query: { startIndex: '2000' } });
    portal.clearLog();
    const page = await browser.openExtensionPage(`options.html?view=policy&origin=${encodeURIComponent(portal.origin)}`);
    opened.push(page);
    await page.waitForText('Showing 1–50 of 5,000', 60_000);
    await page.waitForText('could not be read or checked, so they are not counted as deleted');
    expect(portal.requests.some((q) => q.path === '/api/2.0/people/filter' && q.query.includes('startIndex=2000') && q.status === 500)).toBe(true);

    const before = await counts(page);
    expect(before.unread, before.line).toBeGreaterThan(0);
    // Whatever is called deleted was confirmed by the portal's 404: at most the 10 real deletions.
    expect(before.deleted, before.line).toBeLessThanOrEqual(DELETED_USERS.length);
    const notFound = portal.requests.filter((q) => q.status === 404 && /^\/api\/2\.0\/people\/[0-9a-f-]{36}$/.test(q.path));
    expect(notFound.length).toBeGreaterThanOrEqual(before.deleted);
    expect(notFound.every((q) => DELETED_USERS.some((id) => q.path.endsWith(id)))).toBe(true);
    // One-by-one checks stay within the bound (the two system groups are asked outside it).
    expect(portal.requests.filter((q) => /^\/api\/2\.0\/(people|group)\/[0-9a-f-]{36}$/.test(q.path)).length).toBeLessThanOrEqual(CONFIRM_LIMIT + 2);
    const body = await page.bodyText();
    expect(body).not.toContain(`Remove the ${before.deleted + before.unread} deleted`);
    if (before.deleted === 0) expect(body).not.toMatch(/Remove the \d+ deleted entr/);

    // Only the problems: the rows shown as deleted are real deletions, the rest say they were not read.
    await page.click('checkbox', 'Only deleted, unnamed or not valid users');
    await page.waitForText('(not read: the portal did not answer)');
    const shown = await deletedShown(page);
    expect(shown.every((id) => DELETED_USERS.some((d) => d.startsWith(id!)))).toBe(true);
    await page.click('checkbox', 'Only deleted, unnamed or not valid users');

    // The portal answers again: "Check them again" names everyone and confirms the deletions.
    portal.injectFault(null);
    portal.clearLog();
    await page.click('button', 'Check them again');
    await page.waitForText('Remove the 10 deleted entries', 60_000);
    const after = await counts(page);
    expect(after).toMatchObject({ deleted: 10, unread: 0, unchecked: 0, unnamed: 0 });
    expect(await page.bodyText()).not.toContain('could not be read or checked');
    // Each deletion was confirmed by its own 404: at the first load, or now.
    const confirmed = [...notFound, ...portal.requests.filter((q) => q.status === 404)].map((q) => q.path.split('/').pop());
    expect(DELETED_USERS.filter((id) => !confirmed.includes(id))).toEqual([]);
    await page.click('checkbox', 'Only deleted, unnamed or not valid users');
    await page.waitForText(`Deleted user (${DELETED_USERS[0]!.slice(0, 8)}`);
    expect((await deletedShown(page)).length).toBe(10);
  });
});
