// Navixy writes (issue 25): the built extension in real Chromium and Firefox against the emulated
// panel in its `partialBatch` mode (a batch with an id the panel refuses is written in part, then
// answers 201). A failed batch says it may be partly applied and which batches were not sent, and
// the re-read list shows the part the panel applied; users already allowed are not written; a
// default saved whose write to all users failed says both.
import { describe, expect } from 'vitest';
import type { E2EPage } from './harness';
import { selectedBrowsers } from './harness';
import { e2eTest } from './harness/fixtures';
import { addPanelAndSignIn } from './harness/navixy';
import { OTHER_DEALER_ID } from '../navixy/server';

const test = e2eTest
  .extend('updates', ({ panel }) => () => panel.requests.filter((r) => r.action === 'panel/user/mfa/settings/update'));

describe.each(selectedBrowsers())('%s Navixy writes', (browserName) => {
  test.override({ browserName, panelOptions: { partialBatch: true } });
  test.afterEach(({ panel }) => panel.forceError(null));
  let page: E2EPage;

  test('a failed batch: it may be partly applied (the re-read list shows it), later batches were not sent, users already allowed were not written', async ({ browser, panel, updates }) => {
    // A user the list shows but the panel refuses to write (as if moved to another dealer after the list was read).
    // The emulator has no control for that: addUser's fields are spread over the new user's, dealer id included.
    const moved = { first_name: 'Moved', last_name: 'Away', dealer_id: OTHER_DEALER_ID };
    const movedId = panel.addUser(moved).id;
    page = await addPanelAndSignIn(browser, panel);
    await page.waitForText('50 of 251 users have MFA allowed.');
    // The moved user first, so that it is in the first batch.
    await page.click('checkbox', 'Select Moved Away');
    await page.click('checkbox', 'Select all shown users');
    await page.waitForText('251 users selected.');
    panel.clearLog();
    await page.click('button', 'Allow MFA');
    await page.waitForText('Batch 1 of 3 (100 users) failed and may be partly applied; batches 2–3 (101 users) were not sent. 50 selected users already had MFA allowed and were not written, so they still follow the default. The list below was read again from the panel.');
    await page.waitForText('could not find a selected user in its database (error 201)');
    // One batch sent: the moved user and 99 users not yet allowed (none of the 50 already allowed).
    const sent = updates().map((r) => (r.body.target as { ids: number[] }).ids);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(100);
    expect(sent[0]![0]).toBe(movedId);
    expect(sent[0]!.filter((id) => id % 5 === 0)).toEqual([]);
    // The panel applied the 99 others; the re-read list shows them.
    expect(panel.users().filter((u) => u.mfa_allowed)).toHaveLength(149);
    await page.waitForText('149 of 251 users have MFA allowed.');
  });

  test('a default saved whose write to all users failed: the page says both, with the error, and shows what the panel now holds', async ({ panel, updates }) => {
    panel.forceError({ code: 7, action: 'panel/user/mfa/settings/update', times: 1 });
    panel.clearLog();
    await page.click('radio', 'Allow MFA (email code)');
    await page.click('checkbox', 'Also apply this setting to all users now (every user of the dealer, as the panel’s own settings page does)');
    await page.click('button', 'Save');
    await page.waitForText('“All users” is every user of the dealer, as Navixy’s API documents it; Navixy’s own panel says the demo user is left out.');
    await page.click('button', 'Save and apply to all users');
    await page.waitForText('The default was saved (Allowed (email code)), but writing it to all users failed (the error is above); some users may already have it. The default and the list below were read again from the panel, so they show what it now holds.');
    await page.waitForText('rejected the request’s parameters (error 7: invalid parameters).');
    await page.waitForText('Default MFA: Allowed (email code)');
    expect(panel.defaultSettings()).toEqual({ type: 'allowed', factor_types: ['email'] });
    expect(updates().map((r) => r.body.target)).toEqual([{ type: 'all' }]);
    // Users with no setting of their own now follow the new default: the re-read list counts them.
    await page.waitForText(`${panel.users().filter((u) => u.mfa_allowed).length} of 251 users have MFA allowed.`);
  });
});
