import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogs, substitute } from '../support/locale-catalogs';

/**
 * Unit and integration tests run against WXT's fake browser, whose i18n API throws.
 * This gives it the real thing: the messages compiled from locales/*.yml by the same
 * @wxt-dev/i18n code as the build, the browser's choice of file for the UI language
 * (falling back to English, the default_locale) and Chrome's $1…$9 substitution.
 * The UI language is English; a test switches with
 * `vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ru')` (then re-imports
 * the facades, which read their strings once, as a page does when it opens).
 */
fakeBrowser.i18n.getUILanguage = () => 'en-US';
fakeBrowser.i18n.getMessage = (name: string, subs?: string | string[]) => {
  const ui = fakeBrowser.i18n.getUILanguage().replace('-', '_');
  const chain = [ui, ui.split('_')[0]!, 'en'];
  for (const lang of chain) {
    const entry = catalogs.get(lang)?.[name];
    if (entry) return substitute(entry.message, typeof subs === 'string' ? [subs] : (subs ?? []));
  }
  return '';
};
