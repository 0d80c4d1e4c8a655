import { t } from '../../../i18n/t';

/** Strings of the options page's portal list. */
export const portals = {
  heading: t('portals.heading'),
  intro: t('portals.intro'),
  welcome: t('portals.welcome'),
  empty: t('portals.empty'),
  granted: t('portals.granted'),
  notGranted: t('portals.notGranted'),
  apiKey: (remembered: boolean) => (remembered ? t('portals.apiKey.remembered') : t('portals.apiKey.session')),
  browserSignIn: t('portals.browserSignIn'),
  forget: (host: string) => t('portals.forget', host),
  confirmForget: (host: string) => t('portals.confirmForget', host),
  removed: (host: string) => t('portals.removed', host),
} as const;
