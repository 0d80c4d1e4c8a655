// `node --import tsx scripts/screenshots-lang.ts [--lang ru] [--out docs]`: screenshots of the popup and of
// enrolment with the browser's UI language set to --lang, in Debian's Chromium against the emulated portal.
// Writes docs/popup-admin-<lang>.png, docs/popup-not-enrolled-<lang>.png, docs/enrolment-<lang>.png.
// Needs `npm run build:test` first.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { ChromiumBrowser } from '../tests/e2e/harness/chromium';
import { BasePage } from '../tests/e2e/harness/page';
import { signInWithCookie, startPortal } from '../tests/e2e/harness/portal';
import type { E2EPage } from '../tests/e2e/harness/types';

const { values } = parseArgs({ options: { lang: { type: 'string', default: 'ru' }, out: { type: 'string', default: 'docs' } } });
const lang = values.lang;
const outDir = resolve(import.meta.dirname, '..', values.out);
mkdirSync(outDir, { recursive: true });

function playwrightPage(page: E2EPage): Page {
  if (!(page instanceof BasePage)) throw new Error('not a Chromium page');
  return page.raw as Page;
}

async function shoot(page: E2EPage, name: string): Promise<void> {
  const raw = playwrightPage(page);
  // Whatever is still loading (names, the refreshed status) settles first.
  await raw.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const file = resolve(outDir, `${name}-${lang}.png`);
  await raw.screenshot({ path: file, fullPage: true });
  process.stdout.write(`${file}\n`);
}

const [browser, portal] = await Promise.all([ChromiumBrowser.launch({ language: lang }), startPortal()]);
try {
  // An admin, enrolled, with trusted networks and mandatory people and groups.
  const admin = portal.user('admin');
  portal.enrol(admin.email);
  const finance = portal.groups.find((g) => g.name === 'Finance') ?? portal.groups[0]!;
  portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8', '192.168.0.0/16', '203.0.113.7'], mandatoryUsers: [portal.user('user').id], mandatoryGroups: [finance.id] });
  const adminTab = await signInWithCookie(browser, portal, 'admin');
  const adminPopup = await browser.openPopup(adminTab);
  await adminPopup.waitForText(finance.name);
  await shoot(adminPopup, 'popup-admin');
  await adminPopup.close();
  await adminTab.close();

  // A user the policy applies to, not enrolled yet.
  portal.setPolicy({ enabled: true });
  const userTab = await signInWithCookie(browser, portal, 'user');
  const userPopup = await browser.openPopup(userTab);
  await userPopup.waitForText(portal.user('user').displayName);
  await shoot(userPopup, 'popup-not-enrolled');
  await userPopup.close();

  // Enrolment, step 2: the QR code and the key.
  const enrol = await browser.openExtensionPage(`options.html?${new URLSearchParams({ view: 'enrol', origin: portal.origin }).toString()}`);
  await playwrightPage(enrol).setViewportSize({ width: 900, height: 560 });
  const next = playwrightPage(enrol).locator('button.primary').first();
  await next.waitFor();
  await next.click();
  await playwrightPage(enrol).locator('svg.qr-code').waitFor();
  await shoot(enrol, 'enrolment');
} finally {
  await browser.close();
  await portal.close();
}
