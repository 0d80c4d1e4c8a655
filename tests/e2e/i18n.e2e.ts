// The popup and enrolment in a browser whose UI language is Russian, in real Chromium and Firefox:
// chrome.i18n picks _locales/ru, plurals take Russian forms, dates and the file name follow the language.
import { describe, expect } from 'vitest';
import { selectedBrowsers } from './harness';
import { e2eTest as test } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import { catchDownloads, firstDownload } from './harness/downloads';
import { codeAt } from './harness/otp';
import { shownSetupKey } from './harness/enrolment';

describe.each(selectedBrowsers())('%s in Russian', (browserName) => {
  test.override({ browserName, launchOptions: { language: 'ru' } });
  test.afterEach(({ portal }) => portal.reset());

  test('the popup: status in Russian, «Доверенные IP-адреса (3)», page language ru', async ({ browser, portal, opened }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8', '192.168.0.0/16', '203.0.113.7'] });
    const tab = await signInWithCookie(browser, portal, 'admin');
    opened.push(tab);
    const popup = await browser.openPopup(tab);
    opened.push(popup);
    await popup.waitForText(`Вы вошли как ${portal.user('admin').displayName}`);
    await popup.waitForText('Включена, через приложение');
    await popup.waitForText('Доверенные IP-адреса (3)');
    await popup.waitForText('Проверено');
    const text = await popup.bodyText();
    expect(text).toContain('Двухфакторная аутентификация');
    expect(text).not.toContain('Signed in as');
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^ru\b/);
  });

  test('enrolment: steps, a refused code said in Russian, then connected with Russian backup codes and file name', async ({ browser, portal, opened }) => {
    opened.push(await signInWithCookie(browser, portal, 'user'));
    portal.setPolicy({ enabled: true });
    const user = portal.user('user');
    const page = await browser.openExtensionPage(`options.html?${new URLSearchParams({ view: 'enrol', origin: portal.origin }).toString()}`);
    opened.push(page);

    await page.waitForText('Установите приложение для аутентификации');
    await page.waitForText('Шаг\u00a01\u00a0из\u00a03');
    await page.click('button', 'Далее');
    await page.waitForText('Секретный ключ');
    const qrLabel = await page.evaluate(() => document.querySelector('svg.qr-code')?.getAttribute('aria-label') ?? '');
    expect(qrLabel).toBe(`QR-код для добавления учётной записи ${user.email} (127.0.0.1) в\u00a0приложение для аутентификации`);
    const key = await shownSetupKey(page);
    expect(key).toBe(portal.secretOf(user.email));
    await page.click('button', 'Далее');
    await page.waitForText('Введите код из приложения');

    // The portal's clock is 20 minutes off: the code passes the local check, the portal refuses it.
    portal.setClockOffset(20 * 60_000);
    await page.fill('6-значный код', await codeAt(key));
    await page.click('button', 'Проверить и подключить');
    // A user cannot read the portal's attempt limit, so no count is promised (the plural forms are unit-tested).
    await page.waitForText('Портал не принял код. Дождитесь следующего кода в\u00a0приложении и\u00a0введите его.');

    portal.setClockOffset(0);
    await page.fill('6-значный код', await codeAt(key));
    await page.click('button', 'Проверить и подключить');
    await page.waitForText('Приложение подключено');
    await page.waitForText('Осталось 5\u00a0кодов');

    // The file is named and dated in Russian; the date inside is written out with Intl.
    await catchDownloads(page);
    await page.click('button', 'Скачать .txt');
    const file = await firstDownload(page);
    const port = new URL(portal.origin).port;
    expect(file?.name).toMatch(new RegExp(`^docspace-backup-codes-127\\.0\\.0\\.1_${port}-\\d{4}-\\d{2}-\\d{2}\\.txt$`));
    const created = new Intl.DateTimeFormat('ru', { dateStyle: 'long' }).format(new Date());
    expect(file?.text).toContain(`Созданы ${created}`);
    expect(file?.text).toMatch(/Созданы \d{1,2} [а-я]+ \d{4} г\./);
    await page.waitForText(`Сохранено как ${file?.name}`);
  });
});
