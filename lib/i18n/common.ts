/**
 * English UI strings shared by the popup and the options page, in one place so
 * they can be translated. Feature strings live beside this file (enrolment.ts, policy.ts).
 */
export const common = {
  appName: 'DocSpace TFA Companion',
  retry: 'Retry',
  cancel: 'Cancel',
  close: 'Close',
  loading: 'Loading…',
  copy: 'Copy',
  copied: 'Copied',
  signedInAs: (name: string) => `Signed in as ${name}`,
  role: { owner: 'Owner', admin: 'Admin', roomadmin: 'Room admin', user: 'User', guest: 'Guest' },
  method: { none: 'Off', app: 'Authenticator app', sms: 'SMS' },
  serverVersion: (v: string) => `DocSpace ${v}`,
} as const;
