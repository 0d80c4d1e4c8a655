import { t } from '../../../i18n/t';
import { isolate } from '../../../i18n/bidi';
import { timeOf } from './format';

/** The Navixy strings of the options page's panels list and sign-in form. */

export const panels = {
  heading: t('navixy.panels.heading'),
  intro: t('navixy.panels.intro'),
  panelUrl: t('navixy.panels.panelUrl'),
  panelUrlHint: t('navixy.panels.panelUrlHint'),
  apiBase: t('navixy.panels.apiBase'),
  apiBaseHint: t('navixy.panels.apiBaseHint'),
  apiServer: t('navixy.panels.apiServer'),
  apiServerHint: t('navixy.panels.apiServerHint'),
  servers: { eu: t('navixy.panels.serverEu'), us: t('navixy.panels.serverUs'), me: t('navixy.panels.serverMe'), other: t('navixy.panels.serverOther') },
  legacyApi: t('navixy.panels.legacyApi'),
  add: t('navixy.panels.add'),
  invalidPanel: t('navixy.panels.invalidPanel'),
  invalidApi: t('navixy.panels.invalidApi'),
  permissionDenied: t('navixy.panels.permissionDenied'),
  added: (host: string) => t('navixy.panels.added', host),
  empty: t('navixy.panels.empty'),
  open: t('navixy.panels.open'),
  /** The button's name for screen readers: "Manage panel.example.com". */
  openLabel: (host: string) => t('navixy.panels.openLabel', host),
  remove: t('navixy.panels.remove'),
  removeLabel: (host: string) => t('navixy.panels.removeLabel', host),
  confirmRemove: (host: string) => t('navixy.panels.confirmRemove', host),
  removed: (host: string) => t('navixy.panels.removed', host),
  api: (base: string) => t('navixy.panels.api', base),
  signedInAs: (login: string) => t('navixy.panels.signedInAs', isolate(login)),
  signedOut: t('navixy.panels.signedOut'),
  changeApiTitle: (host: string) => t('navixy.panels.changeApiTitle', host),
  changeApiBody: (host: string, next: string, current: string) => t('navixy.panels.changeApiBody', host, next, current),
  changeApiConfirm: t('navixy.panels.changeApiConfirm'),
  sessionEnds: (at: number) => t('navixy.panels.sessionEnds', timeOf(at)),
} as const;

export const signIn = {
  heading: (host: string) => t('navixy.signIn.heading', host),
  intro: t('navixy.signIn.intro'),
  login: t('navixy.signIn.login'),
  password: t('navixy.signIn.password'),
  submit: t('navixy.signIn.submit'),
  busy: t('navixy.signIn.busy'),
  signOut: t('navixy.signIn.signOut'),
  signedOut: t('navixy.signIn.signedOut'),
  loginHint: t('navixy.signIn.loginHint'),
  sentTo: (apiHost: string) => t('navixy.signIn.sentTo', apiHost),
  foreignApi: (apiHost: string, panelHost: string) => t('navixy.signIn.foreignApi', apiHost, panelHost),
} as const;
