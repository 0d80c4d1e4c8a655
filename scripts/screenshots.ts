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
// --store also writes the stores' pictures (scripts/screenshot-store.ts, issue 27): store/screenshots/<lang>/1-popup.png
// (the popup under a drawn toolbar with the extension's icon and the badge it set), 2-policy-review.png (the policy
// editor's Review before saving), 3-enrolment.png, 4-backup-codes.png, 5-overview.png, each 1280×800 with the caption
// of store/<lang>.json as its headline and the UI at 1.5×, and store/screenshots/<lang>/promo-440x280.png.
// With Debian's fonts-inter installed, the capture browser's sans-serif and system-ui are Inter (a fontconfig file
// for that browser only; the extension's CSS is unchanged).
// --coverage (issue 26) runs it all on the big portal (5,000 people, tests/portal/big.ts, its enrolment mix; renamed
// too) and adds the enrolment coverage view after a count: <out>/coverage-<scheme><suffix>.png, store 7-coverage.
// --lang sets the browser's UI language (Chromium's --lang, LANGUAGE and the pages' locale), so the same script
// makes translated screenshots once the UI has the strings; --suffix (default: the --lang value, none without
// --lang; `--suffix=` for none) keeps them apart: popup-light-ru.png.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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
import { buildRelease, interFontconfig, releaseCopyWithAccess, tlsInFrontOf } from './screenshot-setup';
import {
  STORE_SCHEME, STORE_SIZE, UI_SCALE, type Badge, type StoreView, activeTabBadge, capturePopupScaled, captureScaled, contentRegion, framePage, framePopup, listingShot, promoTile, readListing,
} from './screenshot-store';

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

const fonts = await interFontconfig();
if (fonts) process.env.FONTCONFIG_FILE = fonts;
say(fonts ? 'Captures in Inter (fonts-inter)' : 'fonts-inter not installed: the captures use the system font');
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

const storeLang = values.lang === 'ru' ? 'ru' : 'en';
const storeDir = path.join(REPO_ROOT, 'store/screenshots', storeLang);
/** The store's pictures of the UI, framed at the end (a new page would take the focus and close the real popup). */
const storeShots: { view: StoreView; png: Buffer; background?: string; popup?: { page: Buffer; badge: Badge } }[] = [];
/** Options pages for the store: this wide and at most this tall (CSS px), so that at 1.5× they fit the frame. */
const STORE_PAGE = { width: 1000, maxHeight: 560 } as const;

/** The pointer off every control (the sidebar's hover state), the page's top in view. */
async function settle(raw: Page): Promise<void> {
  const size = raw.viewportSize();
  await raw.mouse.move((size?.width ?? 800) - 2, (size?.height ?? 480) - 2);
  await raw.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Waits for the page to settle (no aria-busy), then one PNG per colour scheme (`docs`: false for a store-only view);
 * with --store also the store's capture of the view, in its scheme.
 */
async function shoot(page: E2EPage, name: string, fullPage: boolean, view: StoreView | null = null, docs = true): Promise<void> {
  const raw: Page = playwrightPageOf(page);
  await pollQuiet(page);
  await settle(raw);
  for (const scheme of docs ? SCHEMES : []) {
    await raw.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const file = path.join(outDir, `${name}-${scheme}${suffix}.png`);
    await writeFile(file, await steadyScreenshot(raw, fullPage));
    written.push(path.relative(REPO_ROOT, file));
  }
  if (values.store && view) await storeCapture(page, view);
}

/**
 * A full-page capture of the popup, which is taller than the popup's window, sometimes comes out with its top part
 * repeated one window height below (Chromium drawing the enlarged page from the tiles it had; about one capture in
 * eight). Such a capture is recognised (its first 100 rows found again further down) and taken again, after a zoom
 * change that makes the page draw everything anew.
 */
async function steadyScreenshot(raw: Page, fullPage: boolean): Promise<Buffer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const png = await raw.screenshot({ fullPage, animations: 'disabled', caret: 'hide' });
    if (!fullPage || !(await repeatsItsTop(raw, png))) return png;
    say('The capture repeated its top part; taking it again.');
    await raw.evaluate(() => document.documentElement.style.setProperty('zoom', '0.99'));
    await raw.waitForTimeout(150);
    await raw.evaluate(() => document.documentElement.style.removeProperty('zoom'));
    await raw.waitForTimeout(300);
  }
  throw new Error('screenshots: every full-page capture repeated its top part');
}

/** Whether the capture's first 100 rows (the header) come again, pixel for pixel, anywhere further down. */
function repeatsItsTop(raw: Page, png: Buffer): Promise<boolean> {
  return raw.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const band = 100;
    if (img.height < 2 * band) return false;
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, img.width, img.height);
    const row = img.width * 4;
    // No helper function in here: the bundler would name it with a helper the page does not have.
    for (let at = band; at + band <= img.height; at++) {
      let i = 0;
      while (i < band * row && data[i] === data[at * row + i]) i++;
      if (i === band * row) return true;
    }
    return false;
  }, png.toString('base64'));
}

async function storeCapture(page: E2EPage, view: StoreView): Promise<void> {
  const raw = playwrightPageOf(page);
  await raw.emulateMedia({ colorScheme: STORE_SCHEME[view], reducedMotion: 'reduce' });
  if (view === 'popup') {
    storeShots.push({ view, png: await capturePopupScaled(raw) });
    return;
  }
  const before = raw.viewportSize();
  await raw.setViewportSize({ width: STORE_PAGE.width, height: 700 });
  await settle(raw);
  await pollQuiet(page);
  const background = await raw.evaluate(() => [document.body, document.documentElement].map((e) => getComputedStyle(e).backgroundColor).find((c) => !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(c)));
  const region = await contentRegion(raw, STORE_PAGE.maxHeight);
  say(`Store ${view}: ${region.width}×${region.height} CSS px of the view`);
  storeShots.push({ view, background, png: await captureScaled(raw, region) });
  if (before) await raw.setViewportSize(before);
}

async function composeStoreShots(): Promise<void> {
  await rm(storeDir, { recursive: true, force: true });
  await mkdir(storeDir, { recursive: true });
  const listing = await readListing(REPO_ROOT, storeLang);
  const icon = await readFile(path.join(REPO_ROOT, 'public/icon/128.png'));
  for (const { view, png, popup, background } of storeShots.splice(0)) {
    const { file, caption } = listingShot(listing, view);
    const scheme = STORE_SCHEME[view];
    const framed = popup
      ? await framePopup(browser.context, { ui: png, page: popup.page, caption, icon, scheme, host: new URL(SHOT_PORTAL_ORIGIN).host, badge: popup.badge })
      : await framePage(browser.context, png, caption, icon, scheme, background);
    await writeFile(path.join(storeDir, file), framed);
    written.push(path.relative(REPO_ROOT, path.join(storeDir, file)));
  }
  const tile = path.join(storeDir, listing.promoTile.file);
  await writeFile(tile, await promoTile(browser.context, listing, icon));
  written.push(path.relative(REPO_ROOT, tile));
  say(`Store pictures: ${STORE_SIZE.width}×${STORE_SIZE.height}, UI at ${UI_SCALE}×`);
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
  // The portal's page, shown faintly behind the store's popup picture.
  const behind = await playwrightPageOf(adminTab).screenshot();
  const popup = await browser.openPopup(adminTab);
  await popup.waitForText(alice.displayName);
  say(`Browser UI language: ${await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())}`);
  await shoot(popup, 'popup', true, 'popup');
  const popupShot = storeShots.find((s) => s.view === 'popup');
  if (popupShot) popupShot.popup = { page: behind, badge: await activeTabBadge(await browser.serviceWorker()) };
  await popup.close();

  const policy = await optionsPage('policy');
  await policy.waitForText(m('policy.review'));
  await shoot(policy, 'policy', true);
  await policy.close();

  // Enrolment: a user who must enrol, on the step with the QR code and the setup key; then the backup codes.
  const user = portalRun.user(userId!);
  await signIn(portalRun, user.email);
  const enrol = await optionsPage('enrol');
  await enrol.waitForText(m('enrolment.steps.app'));
  await enrol.click('button', m('enrolment.next'));
  await enrol.waitForText(m('enrolment.keyLabel'));
  await shoot(enrol, 'enrolment', true, 'enrolment');
  await enrol.click('button', m('enrolment.next'));
  await enrol.fill(m('enrolment.codeLabel'), await portalRun.totp(user.email));
  await enrol.click('button', m('enrolment.submit'));
  await enrol.waitForText(m('enrolment.doneTitle'));
  await shoot(enrol, 'backup-codes', true, 'backup-codes');

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
  await shoot(users, 'navixy', false);

  // Every portal and panel at a glance; the user (signed in last) is down to one unused backup code.
  for (const c of portalRun.backupCodes(user.email).slice(0, 4)) portalRun.state.useBackupCode(user.id, c.code);
  const overview = await browser.openExtensionPage('options.html?view=portals');
  await playwrightPageOf(overview).setViewportSize({ width: 860, height: 480 });
  await overview.click('button', m('portals.overview.checkAll'));
  await overview.waitForText(m('portals.overview.checked'));
  await shoot(overview, 'overview', true, 'overview');
  if (values.store) await policyReviewShot(portalRun, admin.email);
}

/**
 * The store's second picture: the policy editor's *Review before saving* as an admin turns 2FA on with a trusted
 * office range (what changes, who is signed out, who must set up). Nothing is saved.
 */
async function policyReviewShot(portalRun: RunningPortal, adminEmail: string): Promise<void> {
  portalRun.setPolicy({ enabled: false, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
  await signIn(portalRun, adminEmail);
  const editor = await optionsPage('policy');
  const raw = playwrightPageOf(editor);
  await editor.waitForText(m('policy.review'));
  await raw.check('input[type="radio"][value="app"]');
  await raw.getByLabel(m('policy.trustedIpsLabel')).first().fill('203.0.113.0/24');
  await editor.click('button', m('policy.review'));
  await raw.getByRole('heading', { name: m('policy.reviewHeading') }).waitFor();
  await shoot(editor, 'policy-review', true, 'policy-review', false);
  await editor.close();
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
  await shoot(page, 'coverage', false);
}

try {
  await main(portal);
  if (values.store) await composeStoreShots();
  say(`Wrote ${written.length} screenshots:\n  ${written.join('\n  ')}`);
} finally {
  await browser.close();
  await Promise.all([portal.close(), navixy.close(), panelTls.close(), apiTls.close()]);
  await extension.remove();
}
