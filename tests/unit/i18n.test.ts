import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PolicyDiff } from '../../lib/providers/docspace/tfa/policy-diff';
import { formatAgo, formatClock, formatDate, formatFileDate, formatList, formatWait, locale, plural, t, type MessageKey } from '../../lib/i18n/t';

/** Switches the (fake) browser's UI language, as Chromium's --lang or Firefox's language pack would. */
const speak = (lang: string) => vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(lang);

/** The facades read their strings once, when a page opens: re-import them after switching. */
async function freshModules() {
  vi.resetModules();
  return {
    popup: (await import('../../lib/providers/docspace/i18n/popup')).popup,
    policyBlock: (await import('../../lib/providers/docspace/i18n/policy-block')).policyBlock,
    enrolment: await import('../../lib/providers/docspace/i18n/enrolment'),
    policy: await import('../../lib/providers/docspace/i18n/policy'),
    messages: await import('../../lib/messages'),
    navixy: (await import('../../lib/providers/navixy/i18n')).navixy,
    panelErrorText: (await import('../../lib/providers/navixy/messages')).panelErrorText,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('messages follow the browser language, English as the fallback', () => {
  it('English by default', () => {
    expect(t('popup.title')).toBe('Two-factor authentication');
    expect(locale()).toBe('en-US');
  });

  it('Russian for a Russian browser, with its regional tag kept for Intl', () => {
    speak('ru-RU');
    expect(t('popup.title')).toBe('Двухфакторная аутентификация');
    expect(t('common.signedInAs', 'Анна')).toBe('Вы вошли как Анна');
    expect(locale()).toBe('ru-RU');
  });

  it('English words and English rules for a language without a translation', () => {
    speak('de-DE');
    expect(t('popup.title')).toBe('Two-factor authentication');
    expect(locale()).toBe('en');
    expect(plural('backupCodes.unused', 1, '0')).toBe('0 of 1 code left');
  });

  it('a UI language tag Intl rejects falls back to the language of the messages', () => {
    speak('ru-!!');
    expect(locale()).toBe('ru');
    expect(plural('owner.results', 3)).toBe('Найдено 3\u00a0пользователя');
  });

  it('a missing message shows its key and logs, never a blank or a throw', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(t('popup.noSuchMessage' as MessageKey)).toBe('popup.noSuchMessage');
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('plurals by the rules of the language', () => {
  it('English: one and other', () => {
    expect(plural('enrolment.attemptsLeft', 1)).toBe('1 attempt left before the portal pauses code entry for a minute.');
    expect(plural('enrolment.attemptsLeft', 3)).toBe('3 attempts left before the portal pauses code entry for a minute.');
    expect(plural('enrolment.attemptsLeft', 0)).toBe('0 attempts left before the portal pauses code entry for a minute.');
    expect(plural('backupCodes.unused', 5, '3')).toBe('3 of 5 codes left');
  });

  it.each([
    [1, 'Осталось 1\u00a0из\u00a01\u00a0резервного кода'],
    [2, 'Осталось 1\u00a0из\u00a02\u00a0резервных кодов'],
    [4, 'Осталось 1\u00a0из\u00a04\u00a0резервных кодов'],
    [5, 'Осталось 1\u00a0из\u00a05\u00a0резервных кодов'],
    [11, 'Осталось 1\u00a0из\u00a011\u00a0резервных кодов'],
    [21, 'Осталось 1\u00a0из\u00a021\u00a0резервного кода'],
    [22, 'Осталось 1\u00a0из\u00a022\u00a0резервных кодов'],
    [0, 'Осталось 1\u00a0из\u00a00\u00a0резервных кодов'],
  ])('Russian one/few/many: %i', (n, text) => {
    speak('ru');
    expect(plural('popup.codesLeft', n, '1')).toBe(text);
  });

  it('Russian attempts, with the verb agreeing', () => {
    speak('ru');
    expect(plural('enrolment.attemptsLeft', 1)).toBe('До конца минуты осталась 1\u00a0попытка.');
    expect(plural('enrolment.attemptsLeft', 3)).toBe('До конца минуты осталось 3\u00a0попытки.');
    expect(plural('enrolment.attemptsLeft', 0)).toBe('До конца минуты осталось 0\u00a0попыток.');
  });

  it('counts are written with the digits and separators of the language', () => {
    speak('ru');
    expect(plural('policy.ipValidCount', 1200)).toBe(`${new Intl.NumberFormat('ru').format(1200)}\u00a0записей без ошибок.`);
    expect(plural('policy.ipValidCount', 1200)).not.toContain('1200');
  });
});

describe('dates, times and lists with Intl', () => {
  const may7 = new Date(2026, 4, 7, 23, 30);

  it('file names keep a sortable date in every language', () => {
    speak('ru');
    expect(formatFileDate(may7)).toBe('2026-05-07');
  });

  it('long dates in the language', () => {
    expect(formatDate(may7)).toBe('May 7, 2026');
    speak('ru');
    expect(formatDate(may7)).toBe('7 мая 2026 г.');
  });

  it('"ago" in the language, nothing under a minute', () => {
    expect(formatAgo(30_000)).toBeNull();
    expect(formatAgo(120_000)).toBe('2 minutes ago');
    speak('ru');
    expect(formatAgo(120_000)).toBe('2 минуты назад');
    expect(formatAgo(5 * 3600_000)).toBe('5 часов назад');
  });

  it('waits and the countdown clock', () => {
    expect(formatWait(42)).toBe('42 sec');
    expect(formatClock(125)).toBe('2:05');
    speak('ru');
    expect(formatWait(65)).toBe('1 мин 5 с');
    expect(formatClock(65)).toBe('1:05');
  });

  it('lists join with the language’s "and"', () => {
    expect(formatList(['a', 'b', 'c'])).toBe('a, b, and c');
    speak('ru');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b и c');
  });
});

describe('the facades speak Russian when the browser does', () => {
  it('popup status words and the "checked" line', async () => {
    speak('ru');
    const { popup, policyBlock } = await freshModules();
    expect(popup.title).toBe('Двухфакторная аутентификация');
    expect(policyBlock.trustedIps(3)).toBe('Доверенные IP-адреса (3)');
    expect(popup.enrolment({ state: 'enrolled', unusedCodes: 4, totalCodes: 5 })).toBe('Подключено');
    expect(popup.codesLeft(4, 5)).toBe('Осталось 4\u00a0из\u00a05\u00a0резервных кодов');
    expect(popup.applies('outsideTrusted')).toBe('Да, кроме входа с\u00a0доверенных IP-адресов');
    expect(popup.status('setUp')).toBe('2FA включена · Приложение подключено');
    expect(popup.checked(10_000)).toBe('Проверено только что');
    expect(popup.checked(3 * 60_000)).toBe('Проверено 3 минуты назад');
  });

  it('enrolment sentences put the time difference in the right case', async () => {
    speak('ru');
    const { enrolment } = await freshModules();
    expect(enrolment.enrolment.skewAccepted('ahead', 1)).toContain('спешат примерно на 1\u00a0минуту.');
    expect(enrolment.enrolment.skewRejected('behind', 3)).toContain('отстают примерно на 3\u00a0минуты.');
    expect(enrolment.enrolment.clockDiffers('ahead', 45)).toContain('примерно на 45\u00a0секунд.');
    expect(enrolment.enrolment.wrongCode(2)).toContain('осталось 2\u00a0попытки');
    expect(enrolment.backupCodes.fileName('portal.example.com', new Date(2026, 4, 7))).toBe('docspace-backup-codes-portal.example.com-2026-05-07.txt');
  });

  it('errors and the policy summary', async () => {
    speak('ru');
    const { messages, policy } = await freshModules();
    expect(messages.describeError({ kind: 'network', origin: 'https://docs.example.com' }).message).toBe('Не удалось связаться с\u00a0docs.example.com.');
    expect(messages.describeError({ kind: 'rateLimited', origin: 'https://docs.example.com', retryAt: 1_000 + 90_000 }, 1_000).next).toBe('Повторите через 1 мин 30 с.');
    const diff: PolicyDiff = {
      trustedIps: { added: ['10.0.0.1'], removed: [] },
      mandatoryUsers: { added: ['u1', 'u2', 'u3', 'u4'], removed: [] },
      mandatoryGroups: { added: [], removed: [] },
      method: { from: 'none', to: 'app' },
    };
    expect(policy.describeDiff(diff, { user: (id) => id, group: (id) => id }))
      .toBe('Добавит 10.0.0.1 в доверенные IP-адреса, добавит 4\u00a0пользователя в список обязательных пользователей и включит вход с кодом из приложения для аутентификации.');
  });

  it('Navixy counts agree with the number of users', async () => {
    speak('ru');
    const { navixy, panelErrorText } = await freshModules();
    const NBSP = '\u00A0';
    expect(navixy.popup.allowedCount(1, 1)).toBe(`1${NBSP}из${NBSP}1${NBSP}пользователя`);
    expect(navixy.popup.allowedCount(2, 3)).toBe(`2${NBSP}из${NBSP}3${NBSP}пользователей`);
    expect(navixy.popup.allowedCount(5, 5)).toBe(`5${NBSP}из${NBSP}5${NBSP}пользователей`);
    expect(navixy.users.selected(1)).toBe(`Выбран 1${NBSP}пользователь.`);
    expect(navixy.users.selected(3)).toBe(`Выбрано 3${NBSP}пользователя.`);
    expect(navixy.users.selected(5)).toBe(`Выбрано 5${NBSP}пользователей.`);
    expect(navixy.users.selectedCount(21)).toBe('Выбран 21');
    expect(navixy.users.doneSelected(true, 250)).toBe(`MFA разрешена 250${NBSP}пользователям.`);
    expect(navixy.users.doneSelected(false, 21)).toBe(`MFA запрещена 21${NBSP}пользователю.`);
    expect(navixy.settings.allowed(['email'])).toBe('Разрешена (код по электронной почте)');
    expect(panelErrorText.other('panel.example.com', 1, 'Database error').message).toBe(`Панель Navixy panel.example.com отклонила запрос (ошибка${NBSP}1: Database error).`);
  });
});
