import type { ErrorText } from '../../messages';
import { assertNever } from '../../result';
import { hostOf } from '../../portal/origin';
import { navixy } from './i18n';
import type { PanelError } from './errors';

/** One sentence naming the panel and one next step, for every panel error reason (exhaustive). */
export function describePanelError(error: PanelError): ErrorText {
  const host = hostOf(error.origin);
  const t = navixy.errors;
  switch (error.reason) {
    case 'notSignedIn': return { ...t.notSignedIn(host), canRetry: false };
    case 'notConfigured': return { ...t.notConfigured(host), canRetry: false };
    case 'notNavixy': return { ...t.notNavixy(host), canRetry: false };
    case 'wrongSession': return { ...t.wrongSession(host), canRetry: false };
    case 'sessionEnded': return { ...t.sessionEnded(host), canRetry: false };
    case 'apiChanged': return { ...t.apiChanged(host), canRetry: false };
    case 'badCredentials': return { ...t.badCredentials(host, error.code), canRetry: false };
    case 'dealerBlocked': return { ...t.dealerBlocked(host), canRetry: false };
    case 'notPermitted': return { ...t.notPermitted(host, error.permission), canRetry: false };
    case 'invalidParameters': return { ...t.invalidParameters(host, error.parameters), canRetry: false };
    case 'notFound': return { ...t.notFound(host), canRetry: true };
    case 'unknownEntities': return { ...t.unknownEntities(host), canRetry: true };
    case 'other': return { ...t.other(host, error.code, error.description), canRetry: true };
    default: return assertNever(error.reason);
  }
}
