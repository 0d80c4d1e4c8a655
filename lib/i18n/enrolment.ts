/**
 * English strings of enrolment, backup codes, reset and owner tools.
 * Functions take the values they interpolate; components never hold literals.
 */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const minutes = (n: number) => plural(n, 'minute', 'minutes');

function duration(seconds: number): string {
  if (seconds < 90) return plural(seconds, 'second', 'seconds');
  return `${minutes(Math.round(seconds / 60))}`;
}

export const enrolment = {
  title: 'Set up your authenticator',
  intro: (host: string) =>
    `${host} asks for a code from an authenticator app each time you sign in. Setting it up takes three short steps.`,
  loading: 'Getting your setup key from the portal…',
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  next: 'Next',
  back: 'Back',
  cancel: 'Cancel setup',
  cancelled: 'Setup cancelled. Nothing was changed on the portal.',
  startAgain: 'Start again',
  steps: {
    app: 'Get an authenticator app',
    scan: 'Scan the QR code or type the key',
    code: 'Enter the code from the app',
  },
  appText: 'Install any app that makes 6-digit time-based codes (TOTP) on your phone, for example Google Authenticator, Microsoft Authenticator, FreeOTP or Aegis, or use your password manager.',
  haveApp: 'If you already have one, go on to the next step.',
  scanText: 'In the app, add an account and scan this code. If you cannot scan, choose to enter a key and type the key below.',
  qrAlt: (issuer: string, account: string) => `QR code that adds ${account} on ${issuer} to an authenticator app`,
  qrFallbackAlt: (issuer: string) => `QR code from ${issuer} for your authenticator app`,
  keyLabel: 'Setup key',
  keyHint: 'Time-based, 6 digits, every 30 seconds. Spaces do not matter.',
  copyKey: 'Copy key',
  accountLabel: 'Account',
  issuerLabel: 'Issuer',
  codeLabel: '6-digit code',
  codeHint: 'The code the app shows now for this account. You can paste it with spaces.',
  submit: 'Check and connect',
  checking: 'Checking the code…',
  sending: 'Connecting to the portal…',
  attemptsLeft: (n: number) => `${plural(n, 'attempt', 'attempts')} left this minute.`,
  badFormat: 'Enter the six digits the app shows.',
  noMatch: 'This code does not come from this key. The app may show the code of another account or of an old QR code. Scan the QR code above again, then enter the new code. The code was not sent.',
  skewAccepted: (direction: 'ahead' | 'behind', n: number) =>
    `Your authenticator's clock is about ${minutes(n)} ${direction}. The portal accepts codes up to 5 minutes off, so this one was sent, but set your phone to set its time automatically.`,
  skewRejected: (direction: 'ahead' | 'behind', n: number) =>
    `Your authenticator's clock is about ${minutes(n)} ${direction}. The portal only accepts codes up to 5 minutes off, so the code was not sent. Set your phone to set its time automatically, then enter the new code.`,
  clockDiffers: (direction: 'ahead' | 'behind', seconds: number) =>
    `This computer's clock is about ${duration(seconds)} ${direction === 'ahead' ? 'ahead of' : 'behind'} the portal's. The code check here uses the portal's time; make sure your phone's time is set automatically.`,
  wrongCode: (attemptsLeft: number | undefined) =>
    `The portal did not accept the code.${attemptsLeft === undefined ? '' : ` ${plural(attemptsLeft, 'attempt', 'attempts')} left this minute.`} Wait for the next code in the app and enter it.`,
  lockedTitle: 'Too many attempts',
  locked: 'The portal allows 5 codes a minute. You can try again when the countdown ends; sending earlier would extend the wait.',
  tryAgainIn: 'Try again in',
  unlocked: 'You can enter a code again.',
  expired: 'The setup session has expired or you are signed out of the portal. Sign in to the portal again, then start the setup again.',
  notAvailable: 'Setup is not available: two-factor authentication may be off on this portal for you, or an authenticator is already set up.',
  alreadySetUp: 'Already set up? See your backup codes, or reset the authenticator if you lost it.',
  goCodes: 'Backup codes',
  goReset: 'Reset my authenticator',
  doneTitle: 'Your authenticator is connected',
  doneText: 'From now on, sign in with your password and a code from the app.',
  doneNoCodes: 'The portal did not return backup codes just now. Open “Backup codes” to see them.',
} as const;

export const backupCodes = {
  title: 'Backup codes',
  intro: 'Use a backup code to sign in when you do not have your phone. Each code works once. Only the newest set works: creating new codes makes these stop working.',
  loading: 'Loading your backup codes…',
  unused: (n: number, total: number) => `${n} of ${total} codes unused`,
  listLabel: 'Backup codes',
  used: 'used',
  copyAll: 'Copy all',
  download: 'Download .txt',
  print: 'Print',
  downloaded: (file: string) => `Saved as ${file}`,
  regenerate: 'Create new codes…',
  regenerateTitle: 'Create new backup codes?',
  regenerateText: 'Your current backup codes stop working at once, including any you printed or saved. Save the new ones right away.',
  regenerateConfirm: 'Create new codes',
  regenerated: 'New backup codes created. The old ones no longer work.',
  none: 'No backup codes are left. Create new ones so that you can still sign in without your phone.',
  notEnrolled: 'You have no backup codes here: two-factor authentication is off, or your authenticator is not set up yet.',
  enrolNow: 'Set up authenticator',
  export: {
    title: (host: string) => `Backup codes for ${host}`,
    created: (date: string) => `Created ${date}`,
    explanation: 'Each code signs you in once when you do not have your authenticator. Only the newest set works.',
    used: 'used',
  },
  printHeading: (host: string) => `Backup codes for ${host}`,
} as const;

export const reset = {
  title: 'Reset my authenticator',
  intro: 'Lost your phone or moved to a new app? Reset the authenticator and set it up again straight away.',
  start: 'Reset my authenticator…',
  confirmTitle: 'Reset your authenticator?',
  consequences: [
    'Your current authenticator entry and your backup codes stop working.',
    'All your other sessions on this portal are signed out (other browsers, phones, desktop apps).',
    'You must set up an authenticator again now; this page continues with the setup.',
  ],
  confirm: 'Reset and set up again',
  resetting: 'Resetting…',
  done: 'Your authenticator was reset. Set up the new one now.',
} as const;

export const owner = {
  title: 'Reset another person’s authenticator',
  intro: 'As the portal owner you can reset someone’s authenticator when they lost their phone. They are signed out everywhere, get an e-mail, and set it up again at their next sign-in.',
  loading: 'Checking your role…',
  adminOnly: 'Only the portal owner can reset another person’s authenticator. Ask the owner to do it.',
  notOwner: 'Only the portal owner can reset another person’s authenticator. To reset your own, use “Reset my authenticator”.',
  goReset: 'Reset my authenticator',
  searchLabel: 'Find a person by name or e-mail',
  search: 'Search',
  searching: 'Searching…',
  results: (n: number) => `${plural(n, 'person', 'people')} found`,
  noResults: 'Nobody matches.',
  searchUnavailable: 'Searching people is not available right now.',
  choose: (name: string) => `Reset authenticator of ${name}…`,
  you: '(you)',
  confirmTitle: (name: string) => `Reset the authenticator of ${name}?`,
  consequences: [
    'Their authenticator entry and backup codes stop working.',
    'They are signed out of the portal everywhere and get an e-mail about the reset.',
    'They set up an authenticator again at their next sign-in.',
  ],
  confirm: 'Reset authenticator',
  done: (name: string) => `The authenticator of ${name} was reset.`,
  notEnrolled: (name: string) => `${name} has no authenticator set up, so there is nothing to reset.`,
} as const;

export const copyText = {
  failed: 'Could not copy. Select the text and copy it yourself.',
} as const;
