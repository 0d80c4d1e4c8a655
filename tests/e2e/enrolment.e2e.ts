// Enrolment, backup codes and self-reset: the built extension's options page in real Chromium and Firefox
// against the emulated portal. Codes are computed here with otplib from the key the page shows.
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import { catchDownloads, firstDownload } from './harness/downloads';
import { codeAt } from './harness/otp';
import { shownSetupKey, walkToCodeStep } from './harness/enrolment';
import { findStepOffset } from '../../lib/providers/docspace/tfa/otp';
import { pollFor } from './harness/wait';

/** Six digits that are the code of no step within ±2 hours for this key. */
function notFromKey(secret: string): string {
  for (let n = 0; ; n++) {
    const candidate = String(n * 7919 % 1_000_000).padStart(6, '0');
    if (findStepOffset(secret, candidate, Date.now(), 240) === null) return candidate;
  }
}

const test = e2eTest
  .extend('openView', ({ browser, portal, opened }) => async (view: string, extra: Record<string, string> = {}): Promise<E2EPage> => {
    const page = await browser.openExtensionPage(`options.html?${new URLSearchParams({ view, origin: portal.origin, ...extra }).toString()}`);
    opened.push(page);
    return page;
  })
  /** Signed in in the browser, then the admin turned the policy on (this session predates it). */
  .extend('signedInUnderPolicy', ({ browser, portal, opened }) => async (role: string) => {
    opened.push(await signInWithCookie(browser, portal, role));
    portal.setPolicy({ enabled: true });
    return portal.user(role);
  })
  .extend('validations', ({ portal }) => () => portal.requests.filter((r) => r.path === '/api/2.0/settings/tfaapp/validate'));

describe.each(selectedBrowsers())('%s enrolment', (browserName) => {
  test.override({ browserName });
  test.beforeEach(({ portal }) => portal.reset());

  const shownKey = shownSetupKey;

  /** Walks steps 1 and 2; returns the key read from the page. */
  async function toCodeStep(page: E2EPage): Promise<string> {
    const key = await walkToCodeStep(page);
    expect(key).toMatch(/^[A-Z2-7]{16}$/);
    return key;
  }
  async function enterCode(page: E2EPage, code: string) {
    await page.fill('6-digit code', code);
    await page.click('button', 'Check and connect');
  }

  test('enrols with a code computed from the key on the page; backup codes at once, downloaded; regenerated on the backup codes page', async ({ portal, openView, signedInUnderPolicy, validations }) => {
    const user = await signedInUnderPolicy('user');
    const page = await openView('enrol');
    await page.waitForText('Get an authenticator app');
    await page.click('button', 'Next');
    await page.waitForText('Setup key');
    // The QR code is drawn locally (SVG), labelled, on the light quiet zone; the key is shown in fours.
    const qr = await page.evaluate(() => {
      const svg = document.querySelector('svg.qr-code');
      return {
        label: svg?.getAttribute('aria-label') ?? null,
        role: svg?.getAttribute('role') ?? null,
        modules: svg?.querySelector('path.qr-dark')?.getAttribute('d')?.length ?? 0,
        light: svg ? getComputedStyle(svg.querySelector('rect.qr-light')!).fill : null,
        // The portal's own QR image (a data: URL) is only a fallback; the page header's icon is the extension's own.
        portalImage: [...document.querySelectorAll('img')].filter((i) => i.getAttribute('src')?.startsWith('data:')).length,
      };
    });
    expect(qr).toMatchObject({ role: 'img', label: `QR code that adds ${user.email} on 127.0.0.1 to an authenticator app`, portalImage: 0 });
    expect(qr.modules).toBeGreaterThan(100);
    expect(qr.light).toBe('rgb(255, 255, 255)');
    const key = await shownKey(page);
    expect(key).toBe(portal.secretOf(user.email));
    expect(await page.bodyText()).toContain(key.match(/.{4}/g)!.join(' '));
    await page.click('button', 'Next');
    await page.waitForText('Enter the code from the app');

    const code = await codeAt(key);
    await enterCode(page, `${code.slice(0, 3)} ${code.slice(3)}`);
    await page.waitForText('Your authenticator app is set up');
    // One request; the portal's log redacts the code itself.
    expect(validations()).toHaveLength(1);
    const codes = portal.backupCodes(user.email);
    expect(codes).toHaveLength(5);
    await page.waitForText('5 codes left');
    const text = await page.bodyText();
    for (const c of codes) expect(text).toContain(c.code);
    expect(text).not.toContain(key.slice(0, 4) + ' ' + key.slice(4, 8));

    // Download: a Blob behind an <a download> named after the portal and today's date.
    await catchDownloads(page);
    await page.click('button', 'Download .txt');
    const file = await firstDownload(page);
    const port = new URL(portal.origin).port;
    expect(file?.name).toMatch(new RegExp(`^backup-codes-127\\.0\\.0\\.1_${port}-\\d{4}-\\d{2}-\\d{2}\\.txt$`));
    for (const c of codes) expect(file?.text).toContain(c.code);
    await page.waitForText(`Saved as ${file?.name}`);

    // Print goes through window.print on this page (no pop-up window).
    const printed = await page.evaluate(() => {
      let calls = 0;
      const opens: unknown[] = [];
      window.print = () => { calls++; };
      window.open = (...a: unknown[]) => { opens.push(a); return null; };
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Print')?.click();
      return { calls, opens: opens.length };
    });
    expect(printed).toEqual({ calls: 1, opens: 0 });

    // The backup codes page: the same codes, then a new set after confirming.
    await page.click('link', 'Backup codes');
    await page.waitForText('5 codes left');
    await page.click('button', 'Make new codes…');
    await page.waitForText('Make new backup codes?');
    await page.click('button', 'Make new codes');
    await page.waitForText('New backup codes are ready. The old ones no longer work.');
    const fresh = portal.backupCodes(user.email);
    expect(fresh.map((c) => c.code)).not.toEqual(codes.map((c) => c.code));
    const after = await page.bodyText();
    for (const c of fresh) expect(after).toContain(c.code);
    for (const c of codes) expect(after).not.toContain(c.code);
  });

  test('a code not from this key and a code 20 minutes behind are not sent; a code 3 minutes ahead is sent with a warning', async ({ portal, openView, signedInUnderPolicy, validations }) => {
    const user = await signedInUnderPolicy('user');
    const page = await openView('enrol');
    const key = await toCodeStep(page);

    await enterCode(page, notFromKey(key));
    await page.waitForText('This code does not match the setup key');
    await page.waitForText('The code was not sent.');
    expect(await page.evaluate(() => document.querySelector('input[name="code"]')?.getAttribute('aria-invalid'))).toBe('true');

    // Offsets a quarter step short of the whole minutes: whichever 30 s step the page's clock (ours plus the
    // portal's second-truncated Date offset) is in when it checks, the code is 39–40 or 5–6 steps off, which
    // the page words as "about 20" and "about 3 minutes"; a whole-minute offset could land on 20.5 or 3.5.
    await enterCode(page, await codeAt(key, Date.now() - 20 * 60_000 + 15_000));
    await page.waitForText("Your authenticator app’s clock is about 20 minutes behind. The portal accepts codes only up to 5 minutes off, so the code was not sent.");
    expect(validations()).toEqual([]);

    await enterCode(page, await codeAt(key, Date.now() + 3 * 60_000 - 15_000));
    await page.waitForText('Your authenticator app is set up');
    await page.waitForText("Your authenticator app’s clock is about 3 minutes ahead. The portal accepts codes up to 5 minutes off, so this one was sent");
    expect(validations()).toHaveLength(1);
    expect(portal.state.isEnrolled(user.id)).toBe(true);
  });

  test('from the portal activation page after signing in with the form: the key comes from the HttpOnly cookie', async ({ browser, portal, openView, opened }) => {
    portal.setPolicy({ enabled: true });
    const user = portal.user('user');
    const tab = await browser.openTab(`${portal.origin}/`);
    opened.push(tab);
    await tab.fill('E-mail', user.email);
    await tab.fill('Password', user.password);
    await tab.click('button', 'Sign in');
    await tab.waitForText('Set up your authenticator app');
    const confirmUrl = await tab.url();
    expect(confirmUrl).toContain('/confirm/TfaActivation?type=TfaActivation&uid=');

    portal.clearLog();
    // What the popup does on that tab: the link goes to the background, and the options page opens with only the portal.
    const popupSide = await openView('codes');
    const handed = await popupSide.evaluate(
      (arg) => {
        type Api = { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'prepareEnrolment', ...arg });
      },
      { origin: portal.origin, confirmUrl },
    );
    expect(handed).toEqual({ ok: true, value: true });
    const page = await openView('enrol');
    expect(await page.url()).not.toContain('confirm');
    const key = await toCodeStep(page);
    expect(key).toBe(portal.secretOf(user.email));
    // Straight to setup with the activation link: no confirm-data call needed.
    expect(portal.requests.map((r) => r.path)).not.toContain('/api/2.0/settings/tfaapp/confirm');
    await enterCode(page, await codeAt(key));
    await page.waitForText('Your authenticator app is set up');
    await page.waitForText('5 codes left');
  });

  test('a background restart mid-setup loses nothing: the confirm token is in session storage', async ({ browser, portal, openView, signedInUnderPolicy }) => {
    const user = await signedInUnderPolicy('user');
    const page = await openView('enrol');
    const key = await toCodeStep(page);
    await browser.restartBackground();
    await enterCode(page, await codeAt(key));
    await page.waitForText('Your authenticator app is set up');
    expect(portal.state.isEnrolled(user.id)).toBe(true);
  });

  test('resetting my authenticator leads straight back into enrolment with a new key', async ({ portal, openView, signedInUnderPolicy }) => {
    const user = await signedInUnderPolicy('user');
    const { secret: old } = portal.enrol(user.email);
    const page = await openView('reset');
    await page.waitForText('You are signed out of this portal everywhere else');
    await page.click('button', 'Reset authenticator…');
    await page.waitForText('Reset your authenticator?');
    await page.click('button', 'Reset and set up again');
    await page.waitForText('Your authenticator was reset. Set up the app again now.');
    const key = await toCodeStep(page);
    expect(key).not.toBe(old);
    expect(key).toBe(portal.secretOf(user.email));
    await enterCode(page, await codeAt(key));
    await page.waitForText('Your authenticator app is set up');
    await page.waitForText('5 codes left');
  });

  test('the owner resets another person’s authenticator after confirming; an admin is told only the owner can', async ({ browser, portal, openView, signedInUnderPolicy, opened }) => {
    const owner = await signedInUnderPolicy('owner');
    portal.enrol(owner.email);
    const alice = portal.user('alice@demo.test');
    portal.enrol(alice.email);
    const page = await openView('owner');
    await page.fill('Find a user by name or email', 'alice');
    await page.click('button', 'Search');
    await page.click('button', `Reset authenticator of ${alice.displayName}…`);
    await page.waitForText(`Reset the authenticator of ${alice.displayName}?`);
    await page.click('button', 'Reset authenticator');
    await page.waitForText(`The authenticator of ${alice.displayName} was reset.`);
    expect(portal.state.isEnrolled(alice.id)).toBe(false);
    expect(portal.requests.filter((r) => r.path === '/api/2.0/settings/tfaappnewapp').map((r) => r.body)).toEqual([{ id: alice.id }]);

    const admin = portal.user('admin');
    portal.enrol(admin.email);
    opened.push(await signInWithCookie(browser, portal, 'admin'));
    portal.clearLog();
    const adminPage = await openView('owner');
    await adminPage.waitForText('Only the portal owner can reset someone else’s authenticator. Ask the owner to do it.');
    expect(await adminPage.evaluate(() => document.querySelectorAll('input[type="search"]').length)).toBe(0);
    expect(portal.requests.map((r) => r.path)).not.toContain('/api/2.0/settings/tfaappnewapp');
  });

  test('a user (the limit is not theirs to read) is promised no count; the portal\'s lock shows a countdown instead of another request', async ({ portal, openView, signedInUnderPolicy, validations }) => {
    await signedInUnderPolicy('user');
    const page = await openView('enrol');
    const key = await toCodeStep(page);
    portal.setClockOffset(20 * 60_000);
    // More than the default 5: the extension invents no limit of its own; the portal decides.
    for (let i = 1; i <= 5; i++) {
      await enterCode(page, await codeAt(key));
      await pollFor(async () => (validations().filter((r) => r.status === 400).length === i ? true : undefined), () => `refused code ${i}`);
      await page.waitForText('The portal did not accept the code. Wait for the next code in the app and enter it.');
      expect(await page.bodyText()).not.toContain('left before');
    }
    await enterCode(page, await codeAt(key));
    await page.waitForText('Too many attempts');
    await page.waitForText('Try again in');
    const timer = await page.text('timer');
    expect(timer).toMatch(/^(1:00|0:[0-5]\d)$/);
    expect(validations().map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 403]);
    const disabled = await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Check and connect')?.disabled);
    expect(disabled).toBe(true);
    // Live: the countdown moves.
    await new Promise((r) => setTimeout(r, 2100));
    expect(await page.text('timer')).not.toBe(timer);
    expect(validations()).toHaveLength(6);
  });

  // Last: the extension remembers the admin's lock on this portal for a minute.
  test('an admin sees the portal\'s own code limit (3 here) count down, then the countdown instead of another request', async ({ browser, portal, openView, validations, opened }) => {
    portal.state.attemptLimit = 3;
    portal.setClockOffset(0); // the test before moved the portal's clock (reset() keeps it)
    const tab = await signInWithCookie(browser, portal, 'admin');
    opened.push(tab);
    portal.setPolicy({ enabled: true });
    // The popup's status read tells the background who this is (only admins may read the limit).
    const popup = await browser.openPopup(tab);
    opened.push(popup);
    await popup.waitForText('Not set up');
    const page = await openView('enrol');
    const key = await toCodeStep(page);
    // The portal's clock jumps 20 minutes after setup started: codes pass the local check, the portal refuses them.
    portal.setClockOffset(20 * 60_000);
    for (let left = 2; left >= 1; left--) {
      await enterCode(page, await codeAt(key));
      await page.waitForText(`The portal did not accept the code. ${left} attempt${left === 1 ? '' : 's'} left before it pauses code entry for a minute.`);
    }
    await enterCode(page, await codeAt(key));
    await page.waitForText('Too many attempts');
    await page.waitForText('Try again in');
    expect(validations()).toHaveLength(3);
  });
});
