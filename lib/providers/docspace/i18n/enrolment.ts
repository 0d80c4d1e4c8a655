import { formatDate, formatFileDate, formatNumber, plural, t } from '../../../i18n/t';
import { isolate } from '../../../i18n/bidi';

/**
 * Strings of enrolment, backup codes, reset and owner tools.
 * Functions take the values they interpolate; components never hold literals.
 */
type Direction = 'ahead' | 'behind';

const minutes = (n: number) => plural('enrolment.skewMinutes', n);

function duration(seconds: number): string {
  return seconds < 90 ? plural('enrolment.skewSeconds', seconds) : minutes(Math.round(seconds / 60));
}

export const enrolment = {
  title: t('enrolment.title'),
  intro: (host: string) => t('enrolment.intro', host),
  loading: t('enrolment.loading'),
  stepOf: (n: number, total: number) => t('enrolment.stepOf', formatNumber(n), formatNumber(total)),
  next: t('enrolment.next'),
  back: t('enrolment.back'),
  cancel: t('enrolment.cancel'),
  cancelled: t('enrolment.cancelled'),
  startAgain: t('enrolment.startAgain'),
  steps: {
    app: t('enrolment.steps.app'),
    scan: t('enrolment.steps.scan'),
    code: t('enrolment.steps.code'),
  },
  appText: t('enrolment.appText'),
  haveApp: t('enrolment.haveApp'),
  scanText: t('enrolment.scanText'),
  qrAlt: (issuer: string, account: string) => t('enrolment.qrAlt', issuer, account),
  qrFallbackAlt: (issuer: string) => t('enrolment.qrFallbackAlt', issuer),
  keyLabel: t('enrolment.keyLabel'),
  keyHint: t('enrolment.keyHint'),
  copyKey: t('enrolment.copyKey'),
  accountLabel: t('enrolment.accountLabel'),
  issuerLabel: t('enrolment.issuerLabel'),
  codeLabel: t('enrolment.codeLabel'),
  codeHint: t('enrolment.codeHint'),
  submit: t('enrolment.submit'),
  checking: t('enrolment.checking'),
  sending: t('enrolment.sending'),
  attemptsLeft: (n: number) => plural('enrolment.attemptsLeft', n),
  badFormat: t('enrolment.badFormat'),
  noMatch: t('enrolment.noMatch'),
  skewAccepted: (direction: Direction, n: number) =>
    direction === 'ahead' ? t('enrolment.skewAccepted.ahead', minutes(n)) : t('enrolment.skewAccepted.behind', minutes(n)),
  skewRejected: (direction: Direction, n: number) =>
    direction === 'ahead' ? t('enrolment.skewRejected.ahead', minutes(n)) : t('enrolment.skewRejected.behind', minutes(n)),
  clockDiffers: (direction: Direction, seconds: number) =>
    direction === 'ahead' ? t('enrolment.clockDiffers.ahead', duration(seconds)) : t('enrolment.clockDiffers.behind', duration(seconds)),
  wrongCode: (attemptsLeft: number | undefined) =>
    attemptsLeft === undefined ? t('enrolment.wrongCode') : plural('enrolment.wrongCodeAttempts', attemptsLeft),
  lockedTitle: t('enrolment.lockedTitle'),
  locked: t('enrolment.locked'),
  tryAgainIn: t('enrolment.tryAgainIn'),
  unlocked: t('enrolment.unlocked'),
  expired: t('enrolment.expired'),
  notApplied: t('enrolment.notApplied'),
  notAvailable: t('enrolment.notAvailable'),
  alreadySetUp: t('enrolment.alreadySetUp'),
  openPortal: (host: string) => t('enrolment.openPortal', host),
  useBrowserSignIn: t('enrolment.useBrowserSignIn'),
  goCodes: t('enrolment.goCodes'),
  goReset: t('enrolment.goReset'),
  doneTitle: t('enrolment.doneTitle'),
  doneText: t('enrolment.doneText'),
  doneNoCodes: t('enrolment.doneNoCodes'),
} as const;

export const backupCodes = {
  title: t('backupCodes.title'),
  intro: t('backupCodes.intro'),
  loading: t('backupCodes.loading'),
  unused: (n: number, total: number) => plural('backupCodes.unused', total, formatNumber(n)),
  listLabel: t('backupCodes.listLabel'),
  used: t('backupCodes.used'),
  copyAll: t('backupCodes.copyAll'),
  download: t('backupCodes.download'),
  print: t('backupCodes.print'),
  downloaded: (file: string) => t('backupCodes.downloaded', file),
  fileName: (host: string, date: Date) => t('backupCodes.fileName', host, formatFileDate(date)),
  regenerate: t('backupCodes.regenerate'),
  regenerateTitle: t('backupCodes.regenerateTitle'),
  regenerateText: t('backupCodes.regenerateText'),
  regenerateConfirm: t('backupCodes.regenerateConfirm'),
  regenerated: t('backupCodes.regenerated'),
  none: t('backupCodes.none'),
  notEnrolled: t('backupCodes.notEnrolled'),
  enrolNow: t('backupCodes.enrolNow'),
  export: {
    title: (host: string) => t('backupCodes.export.title', host),
    created: (date: Date) => t('backupCodes.export.created', formatDate(date)),
    explanation: t('backupCodes.export.explanation'),
    used: t('backupCodes.export.used'),
  },
  printHeading: (host: string) => t('backupCodes.printHeading', host),
} as const;

export const reset = {
  title: t('reset.title'),
  intro: t('reset.intro'),
  start: t('reset.start'),
  confirmTitle: t('reset.confirmTitle'),
  consequences: [t('reset.consequences.codes'), t('reset.consequences.sessions'), t('reset.consequences.setUp')],
  confirm: t('reset.confirm'),
  resetting: t('reset.resetting'),
  done: t('reset.done'),
} as const;

export const owner = {
  title: t('owner.title'),
  intro: t('owner.intro'),
  loading: t('owner.loading'),
  adminOnly: t('owner.adminOnly'),
  notOwner: t('owner.notOwner'),
  goReset: t('owner.goReset'),
  searchLabel: t('owner.searchLabel'),
  search: t('owner.search'),
  searching: t('owner.searching'),
  results: (n: number) => plural('owner.results', n),
  noResults: t('owner.noResults'),
  searchUnavailable: t('owner.searchUnavailable'),
  choose: (name: string) => t('owner.choose', isolate(name)),
  you: t('owner.you'),
  confirmTitle: (name: string) => t('owner.confirmTitle', isolate(name)),
  consequences: [t('owner.consequences.codes'), t('owner.consequences.sessions'), t('owner.consequences.setUp')],
  confirm: t('owner.confirm'),
  done: (name: string) => t('owner.done', isolate(name)),
  notEnrolled: (name: string) => t('owner.notEnrolled', isolate(name)),
  userDisabled: (name: string) => t('owner.userDisabled', isolate(name)),
} as const;

export const copyText = {
  failed: t('copyText.failed'),
  setupKey: t('copyText.setupKey'),
  backupCodes: (n: number) => plural('copyText.backupCodes', n),
  clearsSoon: (seconds: number) => t('copyText.clearsSoon', formatNumber(seconds)),
  cleared: t('copyText.cleared'),
  mayRemain: t('copyText.mayRemain'),
  clear: t('copyText.clear'),
  clearsAfterCopy: (seconds: number) => t('copyText.clearsAfterCopy', formatNumber(seconds)),
  clearYourself: t('copyText.clearYourself'),
} as const;
