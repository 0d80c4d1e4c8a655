// `npm run screenshots [-- --lang ru --suffix ru --no-build --out docs]`: builds the extension as users get it (the
// Chromium release build), starts the emulated portal with demo data and the emulated Navixy panel, loads the
// extension into headless Chromium and writes PNGs of the real popup and the options page in the light and the dark
// colour scheme:
//   <out>/popup-<scheme><suffix>.png        the popup on a portal tab (an admin: policy, lists, enrolment)
//   <out>/enrolment-<scheme><suffix>.png    the enrolment step with the QR code and the setup key
//   <out>/backup-codes-<scheme><suffix>.png the backup codes right after enrolling
//   <out>/policy-<scheme><suffix>.png       the admin's policy editor
//   <out>/navixy-<scheme><suffix>.png       a Navixy Admin Panel's users' MFA view
//   <out>/overview-<scheme><suffix>.png     the Portals page: every portal and panel at a glance
// The portal and the panel appear under names a user would recognise (scripts/screenshot-hosts.ts:
// https://acme.onlyoffice.io, https://panel.acme-fleet.com): Chromium resolves them to the local emulators
// (--host-resolver-rules), which serve them over https with a throwaway certificate that Chromium trusts by its key
// alone; the copy of the release build it loads has access to them granted, as a user grants it on first use; the
// portal's demo people get realistic names and e-mails.
// --store also writes the stores' 1280×800 screenshots to store/screenshots/<n>-<name>-<scheme><suffix>.png: the
// options pages at that size, and the popup on a plain backdrop with the listing's summary (store/<lang>.json).
// --coverage (issue 26) runs it all on the big portal (5,000 people, tests/portal/big.ts, its enrolment mix; renamed
// too) and adds the enrolment coverage view after a count: <out>/coverage-<scheme><suffix>.png, store 7-coverage.
// --lang sets the browser's UI language (Chromium's --lang, LANGUAGE and the pages' locale), so the same script
// makes translated screenshots once the UI has the strings; --suffix (default: the --lang value, none without
// --lang; `--suffix=` for none) keeps them apart: popup-light-ru.png.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { ChromiumBrowser, playwrightPageOf, type E2EPage } from '../tests/e2e/harness';
import { REPO_ROOT, missingBrowsers } from '../tests/e2e/harness/config';
import { AUTH_COOKIE, startPortal, type RunningPortal } from '../tests/e2e/harness/portal';
import type { ColorScheme } from '../tests/e2e/harness/axe';
import { makeThrowawayCertificate } from '../tests/portal/tls';
import { messageFor } from '../tests/support/locale-catalogs';
import { DEMO_LOGINS, startNavixyPanel } from '../tests/navixy/server';
import { SHOT_HOSTS, SHOT_PANEL_API_ORIGIN, SHOT_PANEL_MAIL_DOMAIN, SHOT_PANEL_ORIGIN, SHOT_PORTAL_ORIGIN, hostResolverRules, renameForShots } from './screenshot-hosts';
import { buildRelease, releaseCopyWithAccess, tlsInFrontOf } from './screenshot-setup';

const { values } = parseArgs({
  options: {
    lang: { type: 'string' },
    suffix: { type: 'string' },
    out: { type: 'string', default: 'docs' },
    port: { type: 'string', default: '8093' },
    'no-build': { type: 'boolean', default: false },
    store: { type: 'boolean', default: false },
    coverage: { type: 'boolean', default: false },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
/** The page's words in the language the browser runs in, so waits and clicks work in any locale. */
const m = (key: string, ...subs: string[]) => messageFor(values.lang ?? 'en', key, ...subs) || key;
const SCHEMES: ColorScheme[] = ['light', 'dark'];
const outDir = path.resolve(REPO_ROOT, values.out);

const suffixName = values.suffix ?? values.lang ?? '';
if (!/^[\w-]*$/.test(suffixName)) throw new Error('--suffix: letters, digits, - and _ only');
const suffix = suffixName ? `-${suffixName}` : '';
const missing = missingBrowsers(['chromium']);
if (missing.length) throw new Error(missing.join('\n'));
if (!values['no-build']) {
  say('Building the extension (release)…');
  if (!buildRelease(REPO_ROOT)) process.exit(1);
}
await mkdir(outDir, { recursive: true });

const cert = await makeThrowawayCertificate(SHOT_HOSTS);
const [extension, portal, navixy] = await Promise.all([
  releaseCopyWithAccess(REPO_ROOT, [SHOT_PORTAL_ORIGIN, SHOT_PANEL_ORIGIN, SHOT_PANEL_API_ORIGIN]),
  startPortal({ port: Number(values.port), tls: cert, big: values.coverage }),
  startNavixyPanel({ loginDomain: SHOT_PANEL_MAIL_DOMAIN }),
]);
const [panelTls, apiTls] = await Promise.all([tlsInFrontOf(Number(new URL(navixy.panelOrigin).port), cert), tlsInFrontOf(Number(new URL(navixy.apiOrigin).port), cert)]);
const hostRules = hostResolverRules({
  [new URL(SHOT_PORTAL_ORIGIN).hostname]: Number(new URL(portal.origin).port),
  [new URL(SHOT_PANEL_ORIGIN).hostname]: panelTls.port,
  [new URL(SHOT_PANEL_API_ORIGIN).hostname]: apiTls.port,
});
const browser = await ChromiumBrowser.launch({ ...(values.lang ? { language: values.lang } : {}), https: cert, extensionDir: extension.dir, hostRules });
const written: string[] = [];

const STORE = { width: 1280, height: 800 } as const;
const storeDir = path.join(REPO_ROOT, 'store/screenshots');
/** Store screenshots in the order the listing shows them. */
const STORE_ORDER = ['popup', 'overview', 'enrolment', 'backup-codes', 'policy', 'navixy', 'coverage'];

/**
 * Waits for the page to settle (no aria-busy), then one PNG per colour scheme; with --store also the 1280×800
 * store screenshot of an options page (`store: 'page'`) or of the popup on a backdrop (`store: 'popup'`).
 */
async function shoot(page: E2EPage, name: string, fullPage: boolean, store: 'page' | 'popup' | null = null): Promise<void> {
  const raw: Page = playwrightPageOf(page);
  await pollQuiet(page);
  // No hover left over from the last click (the store's wider layout put it on a menu item), and the page's top in
  // view (a click further down scrolled it; the store's 1280×800 shots show the viewport).
  await raw.mouse.move(0, 0);
  await raw.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of SCHEMES) {
    await raw.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const file = path.join(outDir, `${name}-${scheme}${suffix}.png`);
    await raw.screenshot({ path: file, fullPage, animations: 'disabled', caret: 'hide' });
    written.push(path.relative(REPO_ROOT, file));
    if (values.store && store) await storeShot(raw, name, scheme, store);
  }
}

async function storeShot(raw: Page, name: string, scheme: ColorScheme, kind: 'page' | 'popup'): Promise<void> {
  await mkdir(storeDir, { recursive: true });
  const file = path.join(storeDir, `${STORE_ORDER.indexOf(name) + 1}-${name}-${scheme}${suffix}.png`);
  if (kind === 'page') {
    const before = raw.viewportSize();
    await raw.setViewportSize(STORE);
    await raw.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    if (before) await raw.setViewportSize(before);
    written.push(path.relative(REPO_ROOT, file));
  } else {
    // Composed at the end: opening the backdrop page now would take the focus and close the real popup.
    popupShots.push({ file, scheme, png: await raw.screenshot({ animations: 'disabled', caret: 'hide' }) });
  }
}

const popupShots: { file: string; scheme: ColorScheme; png: Buffer }[] = [];

async function composePopupShots(): Promise<void> {
  for (const { file, scheme, png } of popupShots.splice(0)) {
    await writeFile(file, await popupOnBackdrop(png, scheme));
    written.push(path.relative(REPO_ROOT, file));
  }
}

/** The popup's picture on a 1280×800 backdrop in the scheme's colours, beside the listing's summary. */
async function popupOnBackdrop(popupPng: Buffer, scheme: ColorScheme): Promise<Buffer> {
  const listing = JSON.parse(await readFile(path.join(REPO_ROOT, `store/${values.lang === 'ru' ? 'ru' : 'en'}.json`), 'utf8')) as { name: string; summary: string };
  const icon = (await readFile(path.join(REPO_ROOT, 'public/icon/128.png'))).toString('base64');
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(STORE);
    await page.emulateMedia({ colorScheme: scheme });
    const dark = scheme === 'dark';
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    await page.setContent(`<body style="margin:0;width:1280px;height:800px;display:flex;align-items:center;justify-content:center;gap:72px;
      font:20px/1.4 system-ui,sans-serif;background:${dark ? '#0f1316' : '#eef4f4'};color:${dark ? '#e6edf3' : '#1b1f24'}">
      <div style="max-width:520px"><img src="data:image/png;base64,${icon}" width="96" height="96" alt="">
      <h1 style="font-size:40px;margin:24px 0 16px">${esc(listing.name)}</h1><p style="margin:0">${esc(listing.summary)}</p></div>
      <img src="data:image/png;base64,${popupPng.toString('base64')}" alt="" style="max-height:720px;border-radius:10px;box-shadow:0 12px 40px rgba(0,0,0,.35)">
      </body>`);
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

async function pollQuiet(page: E2EPage): Promise<void> {
  for (let i = 0; i < 100 && (await page.isBusy()); i++) await new Promise((r) => setTimeout(r, 50));
}

async function optionsPage(view: string): Promise<E2EPage> {
  const page = await browser.openExtensionPage(`options.html?view=${view}&origin=${encodeURIComponent(SHOT_PORTAL_ORIGIN)}`);
  await playwrightPageOf(page).setViewportSize({ width: 860, height: 480 });
  return page;
}

/** Creates a portal session and gives the browser its cookie under the portal's shown address, then opens its home page. */
async function signIn(portalRun: RunningPortal, email: string): Promise<E2EPage> {
  const user = portalRun.user(email);
  await browser.setCookie({ origin: SHOT_PORTAL_ORIGIN, name: AUTH_COOKIE, value: await portalRun.signIn(user.email) });
  const tab = await browser.openTab(`${SHOT_PORTAL_ORIGIN}/`);
  await tab.waitForText(`Signed in as ${user.displayName}`);
  return tab;
}

async function main(portalRun: RunningPortal): Promise<void> {
  // The demo people under realistic names and e-mails (looked up by id from here on).
  const [adminId, aliceId, userId] = ['admin', 'alice@demo.test', 'user'].map((k) => portalRun.user(k).id);
  renameForShots(portalRun.users);
  portalRun.addUsers([]);
  // The popup: an enrolled admin on a portal with trusted IPs and mandatory people and groups.
  const admin = portalRun.user(adminId!);
  const alice = portalRun.user(aliceId!);
  const finance = portalRun.groups.find((g) => g.name === 'Finance');
  portalRun.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8', '192.0.2.0/24'], mandatoryUsers: [alice.id], mandatoryGroups: finance ? [finance.id] : [] });
  portalRun.enrol(admin.email);
  const adminTab = await signIn(portalRun, admin.email);
  // With --coverage the count comes first, so the popup shows its coverage line.
  if (values.coverage) await coverageShot(portalRun, admin.email);
  const popup = await browser.openPopup(adminTab);
  await popup.waitForText(alice.displayName);
  say(`Browser UI language: ${await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())}`);
  await shoot(popup, 'popup', true, 'popup');
  await popup.close();

  const policy = await optionsPage('policy');
  await policy.waitForText(m('policy.review'));
  await shoot(policy, 'policy', true, 'page');
  await policy.close();

  // Enrolment: a user who must enrol, on the step with the QR code and the setup key; then the backup codes.
  const user = portalRun.user(userId!);
  await signIn(portalRun, user.email);
  const enrol = await optionsPage('enrol');
  await enrol.waitForText(m('enrolment.steps.app'));
  await enrol.click('button', m('enrolment.next'));
  await enrol.waitForText(m('enrolment.keyLabel'));
  await shoot(enrol, 'enrolment', true, 'page');
  await enrol.click('button', m('enrolment.next'));
  await enrol.fill(m('enrolment.codeLabel'), await portalRun.totp(user.email));
  await enrol.click('button', m('enrolment.submit'));
  await enrol.waitForText(m('enrolment.doneTitle'));
  await shoot(enrol, 'backup-codes', true, 'page');

  // A Navixy Admin Panel: added by its two addresses, signed in as an operator, the users' MFA view.
  const panels = await browser.openExtensionPage('options.html?view=navixy-panels');
  await playwrightPageOf(panels).setViewportSize({ width: 860, height: 480 });
  await panels.fill(m('navixy.panels.panelUrl'), SHOT_PANEL_ORIGIN);
  await panels.fill(m('navixy.panels.apiBase'), `${SHOT_PANEL_API_ORIGIN}/v2`);
  await panels.click('button', m('navixy.panels.add'));
  const users = await browser.openExtensionPage(`options.html?view=navixy&panel=${encodeURIComponent(SHOT_PANEL_ORIGIN)}`);
  await playwrightPageOf(users).setViewportSize({ width: 860, height: 480 });
  await users.waitForText(m('navixy.signIn.heading', new URL(SHOT_PANEL_ORIGIN).host));
  await users.fill(m('navixy.signIn.login'), DEMO_LOGINS.admin);
  await users.fill(m('navixy.signIn.password'), 'demo-password');
  await users.click('button', m('navixy.signIn.submit'));
  await users.waitForText(m('navixy.popup.signedInAs', DEMO_LOGINS.admin));
  await shoot(users, 'navixy', false, 'page');

  // Every portal and panel at a glance; the user (signed in last) is down to one unused backup code.
  for (const c of portalRun.backupCodes(user.email).slice(0, 4)) portalRun.state.useBackupCode(user.id, c.code);
  const overview = await browser.openExtensionPage('options.html?view=portals');
  await playwrightPageOf(overview).setViewportSize({ width: 860, height: 480 });
  await overview.click('button', m('portals.overview.checkAll'));
  await overview.waitForText(m('portals.overview.checked'));
  await shoot(overview, 'overview', true, 'page');
}

/**
 * Issue 26: the admin's enrolment coverage view (options.html?view=coverage) right after a count of the big portal:
 * the figures, the filters and the first people. Needs the view (i26-view) and the scan (i26-scan) in the build and
 * the big portal's enrolment mix (i26-emu); run with --coverage.
 */
async function coverageShot(portalRun: RunningPortal, adminEmail: string): Promise<void> {
  await signIn(portalRun, adminEmail);
  const page = await optionsPage('coverage');
  await playwrightPageOf(page).setViewportSize({ width: 860, height: 760 });
  await page.click('button', m('coverageView.countNow'));
  await page.waitForText(m('coverageView.countedJustNow'), 60_000);
  await shoot(page, 'coverage', false, 'page');
}

try {
  await main(portal);
  await composePopupShots();
  say(`Wrote ${written.length} screenshots:\n  ${written.join('\n  ')}`);
} finally {
  await browser.close();
  await Promise.all([portal.close(), navixy.close(), panelTls.close(), apiTls.close()]);
  await extension.remove();
}
