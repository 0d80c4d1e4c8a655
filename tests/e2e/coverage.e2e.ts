// Issue 26 §1 in real Chromium and Firefox: the enrolment coverage view. On the big portal (5,000 more people) as an
// admin, the counts equal the emulator's own data, the filters show as many rows as they say, search finds a person,
// and the CSV holds one row per person of the view, each checked against the emulator (authenticator, SSO, role),
// with a name that starts a formula neutralised. On the demo portal: the owner resets a person from their row, an
// admin who is not the owner copies a request naming two people, and TFA off and SMS mode say so. axe: no violations.
import { describe, expect } from 'vitest';
import { playwrightPageOf, selectedBrowsers, type E2EPage } from './harness';
import { axeBothSchemes } from './harness/axe';
import { catchDownloads } from './harness/downloads';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie, type RunningPortal } from './harness/portal';
import { percentOf } from '../../lib/providers/docspace/coverage/filters';
import type { DemoUser } from '../portal/demo';
import { BIG_MIX } from '../portal/big';
import { parseCsv } from '../support/csv';

const ROLE_TEXT = { owner: 'Owner', admin: 'Admin', roomadmin: 'Room admin', user: 'User', guest: 'Guest' } as const;
const FORMULA: DemoUser = {
  id: '8d1e5b2a-7c3f-4a6e-b0d9-00000000f001', email: 'formula@demo.test', password: 'demo-password', firstName: '=SUM(1+1)', lastName: '',
  displayName: '=SUM(1+1)', role: 'user', groups: [],
};
const fmt = (n: number) => new Intl.NumberFormat('en').format(n);
const coverageUrl = (portal: RunningPortal) => `options.html?view=coverage&origin=${encodeURIComponent(portal.origin)}`;

/** What the view should count, from the emulator's own data (the same rules as coverage/types.ts). */
function expected(portal: RunningPortal) {
  const active = portal.users.filter((u) => !u.terminated && !u.pending);
  const app = (u: DemoUser) => portal.isEnrolled(u.id);
  const without = active.filter((u) => !u.sso && !app(u));
  return {
    all: portal.users.length,
    active: active.length,
    covered: active.filter(app).length,
    sso: active.filter((u) => u.sso).length,
    without: without.length,
    adminsWithout: without.filter((u) => u.role === 'owner' || u.role === 'admin').length,
  };
}

function headline(e: ReturnType<typeof expected>): string {
  const p = percentOf(e.covered, e.active);
  const admins = e.adminsWithout === 1 ? '1 admin has none' : `${fmt(e.adminsWithout)} admins have none`;
  const sso = e.sso === 1 ? '1 signs in through SSO' : `${fmt(e.sso)} sign in through SSO`;
  return `${fmt(e.covered)} of ${fmt(e.active)} active people have an authenticator${p === null ? '' : ` (${p}%)`}, ${admins}, and ${sso}`;
}

const choose = (page: E2EPage, value: string) => page.evaluate((v) => {
  const select = document.querySelector<HTMLSelectElement>('#coverage-filter')!;
  select.value = v;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}, value);
/** Starts a count from the view's own button (*Count now*, or *Count again* when this session counted before). */
async function count(page: E2EPage): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const label = await page.evaluate(() => {
      const b = document.querySelector<HTMLButtonElement>('.coverage-actions button');
      return b && !b.disabled ? b.textContent : null;
    });
    if (label) return page.click('button', label);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('No count button');
}

/** Waits for the headline, saying what the page showed instead. */
async function waitForHeadline(page: E2EPage, text: string, timeoutMs = 30_000): Promise<void> {
  try {
    await page.waitForText(text, timeoutMs);
  } catch (e) {
    throw new Error(`${String(e)}\nThe page said: ${(await page.bodyText()).slice(0, 3000)}`, { cause: e });
  }
}

const caption = (page: E2EPage) => page.evaluate(() => document.querySelector('.coverage-table caption')?.textContent ?? '');
const rowCount = (page: E2EPage) => page.evaluate(() => document.querySelectorAll('[data-testid="coverage-row"]').length);


/** The file the page offered (harness/downloads.ts): its name, its first three bytes and its text after them. */
const savedFile = (page: E2EPage) => page.evaluate(async () => {
  const w = window as unknown as { saved: { name: string; url: string }[]; blobs: Map<string, Blob> };
  const first = w.saved[0];
  if (!first) return null;
  const bytes = new Uint8Array(await w.blobs.get(first.url)!.arrayBuffer());
  return { name: first.name, head: [...bytes.slice(0, 3)], text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3)) };
});

describe.each(selectedBrowsers())('%s coverage on the big portal', (browserName) => {
  e2eTest.override({ browserName, portalOptions: { big: true } });

  e2eTest('an admin counts 5,000 people: the figures, the filters, search, the CSV of the view, axe', async ({ browser, portal, track }) => {
    portal.reset();
    portal.addUsers([FORMULA]);
    track(await signInWithCookie(browser, portal, 'admin'));
    const page = track(await browser.openExtensionPage(coverageUrl(portal)));
    await page.waitForText('No count yet in this browser session.');
    await page.click('button', 'Count now');
    const e = expected(portal);
    // The emulator's data agrees with its published mix (the 5,000 big people) plus the demo people.
    const big = new Set(BIG_MIX.active);
    const demoActive = portal.users.filter((u) => !big.has(u.id) && !u.terminated && !u.pending && !BIG_MIX.pending.includes(u.id) && !BIG_MIX.disabled.includes(u.id));
    expect(e.covered).toBe(BIG_MIX.enrolledActive.length + demoActive.filter((u) => portal.isEnrolled(u.id)).length);
    expect(e.sso).toBe(BIG_MIX.ssoActive.length + demoActive.filter((u) => u.sso).length);
    expect(e.adminsWithout).toBe(BIG_MIX.adminsWithout.length + demoActive.filter((u) => (u.role === 'admin' || u.role === 'owner') && !portal.isEnrolled(u.id)).length);
    await page.waitForText(headline(e), 60_000);

    await choose(page, 'without');
    expect(await caption(page)).toBe(e.without === 1 ? '1 person shown' : `${fmt(e.without)} people shown`);
    expect(await rowCount(page)).toBe(Math.min(100, e.without));
    await choose(page, 'adminsWithout');
    expect(await caption(page)).toBe(e.adminsWithout === 1 ? '1 person shown' : `${fmt(e.adminsWithout)} people shown`);
    await choose(page, 'all');
    expect(await caption(page)).toBe(`${fmt(e.all)} people shown`);
    expect(await rowCount(page)).toBe(100);

    await page.fill('Search by name or email', 'CAROL@demo');
    await page.waitForText('1 person shown');
    await page.waitForText('Carol Chen');
    await page.fill('Search by name or email', '');

    if (browserName === 'chromium') expect(await axeBothSchemes(playwrightPageOf(page))).toEqual({ light: [], dark: [] });

    await catchDownloads(page);
    await page.click('button', 'Export this view as CSV');
    const file = await savedFile(page);
    expect(file?.name).toMatch(/^coverage-127\.0\.0\.1_\d+-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file!.head).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(file!.text);
    expect(header).toEqual(['Name', 'Email', 'Type', 'Status', 'Authenticator', 'SSO', 'Mandatory']);
    expect(rows).toHaveLength(e.all);
    const byEmail = new Map(portal.users.map((u) => [u.email, u]));
    const seen = new Set<string>();
    for (const [, email, role, status, app, sso] of rows) {
      const u = byEmail.get(email!);
      expect(u, email).toBeTruthy();
      expect(seen.has(email!), `${email} twice`).toBe(false);
      seen.add(email!);
      expect(role, email).toBe(ROLE_TEXT[u!.role]);
      expect(status, email).toBe(u!.terminated ? 'Disabled' : u!.pending ? 'Pending' : 'Active');
      expect(app, email).toBe(portal.isEnrolled(u!.id) ? 'Yes' : 'No');
      expect(sso, email).toBe(u!.sso ? 'Yes' : 'No');
    }
    expect(rows.find((r) => r[1] === FORMULA.email)![0]).toBe("'=SUM(1+1)");
  });
});

describe.each(selectedBrowsers())('%s coverage on the demo portal', (browserName) => {
  e2eTest.override({ browserName });

  e2eTest('the owner resets a person from their row; the portal then says not enrolled', async ({ browser, portal, track }) => {
    portal.reset();
    portal.setPolicy({ enabled: true });
    portal.enrolUser('alice@demo.test');
    portal.enrolUser('owner@demo.test');
    track(await signInWithCookie(browser, portal, 'owner'));
    const page = track(await browser.openExtensionPage(coverageUrl(portal)));
    await count(page);
    await waitForHeadline(page, headline(expected(portal)));
    await page.click('button', 'Reset authenticator of Alice Anderson…');
    await page.waitForText('Reset the authenticator of Alice Anderson?');
    await page.click('button', 'Reset authenticator');
    await page.waitForText('The authenticator of Alice Anderson was reset.');
    expect(portal.isEnrolled('alice@demo.test')).toBe(false);
    await waitForHeadline(page, headline(expected(portal)));
    // The owner's own row leads to "Reset my authenticator", never a reset from the list.
    expect(await page.bodyText()).not.toContain('Reset authenticator of Olivia Owner');
  });

  e2eTest('an admin who is not the owner selects two people and the request names both', async ({ browser, portal, track }) => {
    portal.reset();
    portal.setPolicy({ enabled: true });
    track(await signInWithCookie(browser, portal, 'admin'));
    const page = track(await browser.openExtensionPage(coverageUrl(portal)));
    await count(page);
    await waitForHeadline(page, headline(expected(portal)));
    expect(await page.bodyText()).not.toContain('Reset…');
    await page.click('checkbox', 'Select Alice Anderson');
    await page.click('checkbox', 'Select Dave Dubois');
    await page.waitForText('2 people selected');
    await page.click('button', 'Copy request to the owner');
    const text = await page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#coverage-request-text')?.value ?? '');
    expect(text).toContain('- Alice Anderson <alice@demo.test>');
    expect(text).toContain('- Dave Dubois <dave@demo.test>');
    expect(text).toContain('127.0.0.1');
  });

  e2eTest('TFA off and SMS mode say so', async ({ browser, portal, track }) => {
    portal.reset();
    portal.setPolicy({ enabled: false });
    track(await signInWithCookie(browser, portal, 'admin'));
    const page = track(await browser.openExtensionPage(coverageUrl(portal)));
    await count(page);
    await page.waitForText('the portal does not say who has an authenticator app while it is off', 30_000);
    portal.state.smsAvailable = true;
    portal.state.sms = { enable: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] };
    await count(page);
    await page.waitForText('shows whose phone is activated instead', 30_000);
    await page.waitForText('active people have an activated phone');
    expect(await page.evaluate(() => [...document.querySelectorAll('th')].some((th) => th.textContent?.startsWith('Phone activated')))).toBe(true);
  });
});
