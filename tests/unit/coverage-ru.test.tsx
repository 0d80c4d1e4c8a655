// @vitest-environment happy-dom
// Issue 26 §1 in Russian: plural forms, the percent with its no-break space, ONLYOFFICE's words.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { SUMMARY } from '../support/coverage-people';

// The facades read their strings once, when a page opens (so import them in Russian); plurals choose when called.
const speakRussian = () => vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ru');
speakRussian();
vi.resetModules();
const { CoverageCounts } = await import('../../lib/providers/docspace/components/CoverageCounts');
const { coverageText } = await import('../../lib/providers/docspace/i18n/coverage');

beforeEach(() => void speakRussian());
afterAll(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('coverage view in Russian', () => {
  it('the headline: genitive plural after «из», «82 %» with a no-break space, «единый вход (SSO)»', () => {
    render(<CoverageCounts summary={{ ...SUMMARY, active: 500, covered: 412, adminsWithout: 3, sso: 40, without: 48, mandatoryWithout: 21 }} />);
    // textContent, not getByText: its normaliser would turn the no-break space into a plain one.
    expect(document.querySelector('.coverage-headline')!.textContent).toBe('Приложение для аутентификации есть у\u00a0412\u00a0из\u00a0500\u00a0активных пользователей (82\u00a0%), у\u00a03\u00a0администраторов его нет и 40 входят через единый вход (SSO)');
    expect(screen.getByText(/У 48 активных пользователей без единого входа \(SSO\) нет приложения для аутентификации.*Из них код обязателен для 21/)).toBeTruthy();
  });

  it('one, few, many', () => {
    expect(coverageText.covered(1, 1, 100, false)).toBe('Приложение для аутентификации есть у\u00a01\u00a0из\u00a01\u00a0активного пользователя (100\u00a0%)');
    expect(coverageText.adminsWithout(1)).toBe('у\u00a01\u00a0администратора его нет');
    expect(coverageText.selected(2)).toBe('Выбрано 2\u00a0пользователя');
    expect(coverageText.selected(5)).toBe('Выбрано 5\u00a0пользователей');
    expect(coverageText.caption(21)).toBe('Показан 21\u00a0пользователь');
    expect(coverageText.progress(3, 4)).toBe('Прочитано 3\u00a0из\u00a04\u00a0пользователей');
  });
});
