import { describe } from 'vitest';
import { selectedBrowsers } from './harness';
import { e2eTest as test } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';

describe.each(selectedBrowsers())('%s probe', (browserName) => {
  test.override({ browserName });
  test('probe', async ({ browser, portal, opened }) => {
    const tab = await signInWithCookie(browser, portal, 'user');
    opened.push(tab);
    const page = await browser.openExtensionPage(`privacy.html`);
    opened.push(page);
    await page.bringToFront();
    await page.evaluate(() => {
      localStorage.clear();
      const log = (s: string) => localStorage.setItem('probe', (localStorage.getItem('probe') ?? '') + s + ';');
      log('focus=' + document.hasFocus());
      addEventListener('blur', () => log('blur'));
      document.addEventListener('visibilitychange', () => log('vis=' + document.visibilityState + ',focus=' + document.hasFocus()));
      addEventListener('pagehide', () => {
        log('pagehide focus=' + document.hasFocus());
        navigator.clipboard.writeText('').then(() => log('write ok'), (e: unknown) => log('write failed ' + String(e)));
        log('execCommand=' + document.execCommand('copy'));
      });
      document.addEventListener('copy', (e) => { e.clipboardData?.setData('text/plain', ''); e.preventDefault(); log('copy event'); });
    });
    await page.evaluate(() => navigator.clipboard.writeText('SECRET'));
    console.log('before', await browser.readClipboard(tab));
    await page.evaluate(() => { location.href = '/privacy.html?x=1'; });
    await new Promise((r) => setTimeout(r, 1500));
    console.log('after nav', JSON.stringify(await browser.readClipboard(tab)), await page.evaluate(() => localStorage.getItem('probe')));
    await page.evaluate(() => {
      localStorage.clear();
      addEventListener('pagehide', () => {
        document.addEventListener('copy', (e) => { e.clipboardData?.setData('text/plain', ''); e.preventDefault(); });
        localStorage.setItem('probe', 'exec=' + document.execCommand('copy'));
      });
    });
    await page.evaluate(() => navigator.clipboard.writeText('SECRET2'));
    console.log('before close', await browser.readClipboard(tab));
    await page.close();
    await new Promise((r) => setTimeout(r, 1500));
    console.log('after close', JSON.stringify(await browser.readClipboard(tab)));
  });
});
