import { registerDetailText } from '../../messages';
import { hostOf } from '../../portal/origin';
import { t } from '../../i18n/t';
import { isolate } from '../../i18n/bidi';

// What the options pages can meet and the popup cannot, in words: set-up under an SMS policy, set-up or a reset with an
// API key on a version that cannot carry it (before 3.7.1, §12.3), and a change refused to a read-only key (§12.3).
// Imported (for this effect) by the options screens, so the popup does not carry the sentences.
registerDetailText('*:write', (e) => ({
  message: t('errors.apiKeyWriteScope.message', hostOf(e.origin)), next: t('errors.apiKeyWriteScope.next', hostOf(e.origin)), canRetry: false,
}));
registerDetailText('sms', (e) => ({ message: t('errors.smsPolicy.message', hostOf(e.origin)), next: t('errors.smsPolicy.next', hostOf(e.origin)), canRetry: false }));
registerDetailText('needsBrowserSignIn', (e) => {
  const host = hostOf(e.origin);
  return {
    message: e.version ? t('errors.needsBrowserSignIn.message', host, e.version) : t('errors.needsBrowserSignIn.unknownVersion', host),
    next: t(e.afterReset ? 'errors.needsBrowserSignIn.nextAfterReset' : 'errors.needsBrowserSignIn.next', host),
    canRetry: false,
  };
});
// A page in a private window or a Firefox container, for a portal on the browser's sign-in (background/index.ts).
registerDetailText('separateCookies', (e) => ({
  message: t('errors.separateCookies.message', hostOf(e.origin)), next: t('errors.separateCookies.next', hostOf(e.origin)), canRetry: false,
}));
// A policy save refused because the portal does not offer that method (SmsNotAvailable and the like): the portal's own words.
registerDetailText('method', (e) => ({
  message: t('errors.notAvailable.message', hostOf(e.origin), isolate(e.message)), next: t('errors.methodUnavailable.next'), canRetry: false,
}));
