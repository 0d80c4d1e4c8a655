import type { ErrorText } from '../../messages';
import { assertNever } from '../../result';
import { hostOf } from '../../portal/origin';
import { formatList, t as tr } from '../../i18n/t';
import type { PanelError } from './errors';
import { isolate } from '../../i18n/bidi';

/**
 * The panel's errors in words: one sentence naming the panel and the next step. Kept apart from
 * the pages' strings (i18n/): every page that can show an error loads these, not the rest.
 */
export const panelErrorText = {
  notSignedIn: (host: string) => ({ message: tr('navixy.errors.notSignedIn.message', host), next: tr('navixy.errors.notSignedIn.next') }),
  notConfigured: (host: string) => ({ message: tr('navixy.errors.notConfigured.message', host), next: tr('navixy.errors.notConfigured.next') }),
  notNavixy: (host: string) => ({ message: tr('navixy.errors.notNavixy.message', host), next: tr('navixy.errors.notNavixy.next') }),
  wrongSession: (host: string) => ({ message: tr('navixy.errors.wrongSession.message', host), next: tr('navixy.errors.wrongSession.next') }),
  sessionEnded: (host: string) => ({ message: tr('navixy.errors.sessionEnded.message', host), next: tr('navixy.errors.sessionEnded.next') }),
  invalidParameters: (host: string, parameters?: readonly string[]) => ({
    message: parameters?.length
      ? tr('navixy.errors.invalidParametersNamed.message', host, formatList(parameters))
      : tr('navixy.errors.invalidParameters.message', host),
    next: tr('navixy.errors.invalidParameters.next'),
  }),
  apiChanged: (host: string) => ({ message: tr('navixy.errors.apiChanged.message', host), next: tr('navixy.errors.apiChanged.next') }),
  apiChangedMeanwhile: (host: string) => ({ message: tr('navixy.errors.apiChangedMeanwhile.message', host), next: tr('navixy.errors.apiChangedMeanwhile.next') }),
  badCredentials: (host: string, code: number) => ({ message: tr('navixy.errors.badCredentials.message', host, String(code)), next: tr('navixy.errors.badCredentials.next') }),
  dealerBlocked: (host: string) => ({ message: tr('navixy.errors.dealerBlocked.message', host), next: tr('navixy.errors.dealerBlocked.next') }),
  notPermitted: (host: string, permission?: string) => ({
    message: permission ? tr('navixy.errors.notPermitted.message', host, permission) : tr('navixy.errors.notPermitted.messageUnknown', host),
    next: tr('navixy.errors.notPermitted.next'),
  }),
  notFound: (host: string) => ({ message: tr('navixy.errors.notFound.message', host), next: tr('navixy.errors.notFound.next') }),
  unknownEntities: (host: string) => ({ message: tr('navixy.errors.unknownEntities.message', host), next: tr('navixy.errors.unknownEntities.next') }),
  /** Any other code; the code is an identifier, so it is not formatted as a number. */
  other: (host: string, code: number, description?: string) => ({
    message: description
      ? tr('navixy.errors.refused.messageDescription', host, String(code), isolate(description))
      : tr('navixy.errors.refused.message', host, String(code)),
    next: tr('navixy.errors.refused.next'),
  }),
  // Issue 25 §5: codes by meaning, each with its own next step (none of them is "retry in a moment").
  serviceAuth: (host: string) => ({ message: tr('navixy.errors.serviceAuth.message', host), next: tr('navixy.errors.serviceAuth.next') }),
  notActivated: (host: string) => ({ message: tr('navixy.errors.notActivated.message', host), next: tr('navixy.errors.notActivated.next') }),
  wrongFormat: (host: string) => ({ message: tr('navixy.errors.wrongFormat.message', host), next: tr('navixy.errors.wrongFormat.next') }),
  tooLarge: (host: string) => ({ message: tr('navixy.errors.tooLarge.message', host), next: tr('navixy.errors.tooLarge.next') }),
  demoMode: (host: string) => ({ message: tr('navixy.errors.demoMode.message', host), next: tr('navixy.errors.demoMode.next') }),
  noMfaApi: (host: string, code: number) => ({ message: tr('navixy.errors.noMfaApi.message', host, String(code)), next: tr('navixy.errors.noMfaApi.next') }),
  limitTooBig: (host: string) => ({ message: tr('navixy.errors.limitTooBig.message', host), next: tr('navixy.errors.limitTooBig.next') }),
  unreadableFactors: (host: string) => ({ message: tr('navixy.errors.unreadableFactors.message', host), next: tr('navixy.errors.unreadableFactors.next') }),
} as const;

/** One sentence naming the panel and one next step, for every panel error reason (exhaustive). */
export function describePanelError(error: PanelError): ErrorText {
  const host = hostOf(error.origin);
  const t = panelErrorText;
  switch (error.reason) {
    case 'notSignedIn': return { ...t.notSignedIn(host), canRetry: false };
    case 'notConfigured': return { ...t.notConfigured(host), canRetry: false };
    case 'notNavixy': return { ...t.notNavixy(host), canRetry: false };
    case 'wrongSession': return { ...t.wrongSession(host), canRetry: false };
    case 'sessionEnded': return { ...t.sessionEnded(host), canRetry: false };
    case 'apiChanged': return { ...t.apiChanged(host), canRetry: false };
    case 'apiChangedMeanwhile': return { ...t.apiChangedMeanwhile(host), canRetry: false };
    case 'badCredentials': return { ...t.badCredentials(host, error.code), canRetry: false };
    case 'dealerBlocked': return { ...t.dealerBlocked(host), canRetry: false };
    case 'notPermitted': return { ...t.notPermitted(host, error.permission), canRetry: false };
    case 'invalidParameters': return { ...t.invalidParameters(host, error.parameters), canRetry: false };
    case 'notFound': return { ...t.notFound(host), canRetry: true };
    case 'unknownEntities': return { ...t.unknownEntities(host), canRetry: true };
    case 'other': return { ...t.other(host, error.code, error.description), canRetry: true };
    case 'serviceAuth': return { ...t.serviceAuth(host), canRetry: false };
    case 'notActivated': return { ...t.notActivated(host), canRetry: false };
    case 'wrongFormat': return { ...t.wrongFormat(host), canRetry: false };
    case 'tooLarge': return { ...t.tooLarge(host), canRetry: false };
    case 'demoMode': return { ...t.demoMode(host), canRetry: false };
    case 'noMfaApi': return { ...t.noMfaApi(host, error.code), canRetry: false };
    case 'limitTooBig': return { ...t.limitTooBig(host), canRetry: false };
    case 'unreadableFactors': return { ...t.unreadableFactors(host), canRetry: false };
    default: return assertNever(error.reason);
  }
}
