import type { PortalJar } from '../protocol';
import { t } from '../../../i18n/t';

/** Strings of the popup's sign-in and access states (SignInSections, ApiKeyForm): loaded with them, not before every status. */
export const signIn = {
  noPermissionTitle: (host: string) => t('popup.noPermissionTitle', host),
  noPermissionBody: (host: string) => t('popup.noPermissionBody', host),
  looksLikePortal: t('popup.looksLikePortal'),
  allow: (host: string) => t('popup.allow', host),
  signedOutTitle: (host: string) => t('popup.signedOutTitle', host),
  signedOutBody: t('popup.signedOutBody'),
  signIn: t('popup.signIn'),
  keyRefusedTitle: t('popup.keyRefusedTitle'),
  keyRefusedBody: t('popup.keyRefusedBody'),
  apiKeySummary: t('popup.apiKeySummary'),
  apiKeyLabel: t('popup.apiKeyLabel'),
  apiKeyInvalid: t('popup.apiKeyInvalid'),
  apiKeyRemember: t('popup.apiKeyRemember'),
  apiKeyRememberHint: t('popup.apiKeyRememberHint'),
  apiKeySave: t('popup.apiKeySave'),
  /** A private window or a container tab on the browser's sign-in (the background refuses it there). */
  separateCookiesTitle: (jar: PortalJar, host: string) =>
    jar === 'private' ? t('popup.separateCookies.privateTitle', host) : t('popup.separateCookies.containerTitle', host),
  separateCookiesBody: (jar: PortalJar, host: string) =>
    jar === 'private' ? t('popup.separateCookies.privateBody', host) : t('popup.separateCookies.containerBody', host),
  keyNotSaved: t('popup.separateCookies.keyNotSaved'),
} as const;
