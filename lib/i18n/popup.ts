import type { Applicability, Enrolment, PortalStatus } from '../protocol';
import { assertNever } from '../result';

/** English strings of the popup. */
export const popup = {
  title: 'Two-factor authentication',
  loadingLabel: 'Loading the TFA status',
  refreshing: 'Refreshing…',
  checkedAt: (time: string) => `Checked at ${time}`,
  notPortalTitle: 'Not a DocSpace portal',
  notPortalBody: 'Open your ONLYOFFICE DocSpace portal in this tab, then click the button again to see its two-factor authentication status.',
  browserPageBody: 'This is a browser page. Open your ONLYOFFICE DocSpace portal in this tab, then click the button again.',
  noPermissionTitle: (host: string) => `Allow access to ${host}?`,
  noPermissionBody: (host: string) =>
    `To read the two-factor authentication settings, the extension needs access to ${host} only. It uses your existing sign-in there and never reads other sites.`,
  looksLikePortal: 'This looks like a DocSpace portal.',
  allow: (host: string) => `Allow access to ${host}`,
  permissionDenied: 'Access was not granted. Nothing was changed.',
  signedOutTitle: (host: string) => `Signed out of ${host}`,
  signedOutBody: 'Sign in to the portal in this browser, then open this window again.',
  signIn: 'Open the sign-in page',
  apiKeySummary: 'Use an API key instead',
  apiKeyLabel: 'API key (starts with sk-)',
  apiKeyInvalid: 'An API key starts with "sk-" followed by letters and digits.',
  apiKeyRemember: 'Remember on this device',
  apiKeyRememberHint: 'Otherwise the key is forgotten when the browser closes.',
  apiKeySave: 'Use this key',
  usingApiKey: 'Signed in with an API key.',
  useBrowserSignIn: 'Use my browser sign-in instead',
  policyHeading: 'Portal policy',
  meHeading: 'You',
  policyLabel: 'Two-factor authentication',
  appliesLabel: 'Applies to you',
  enrolmentLabel: 'Your authenticator',
  trustedIps: (n: number) => (n === 1 ? '1 trusted IP range' : `${n} trusted IP ranges`),
  noTrustedIps: 'No trusted IP ranges: everyone is challenged.',
  mandatoryUsers: 'Mandatory users',
  mandatoryGroups: 'Mandatory groups',
  noneSet: 'None',
  andMore: (n: number) => `and ${n} more`,
  unknownEntity: (id: string) => `Unknown (${id.slice(0, 8)}…)`,
  setUp: 'Set up authenticator',
  continueSetUp: 'Continue setting up your authenticator',
  backupCodes: 'Backup codes',
  managePolicy: 'Manage policy',
  settings: 'All settings',
  applies(a: Applicability): string {
    switch (a.kind) {
      case 'off': return 'No: two-factor authentication is off on this portal.';
      case 'everyone': return 'Yes: everyone must use a second factor (no trusted networks are set).';
      case 'mandatoryUser': return 'Yes: you are on the list of mandatory users, even on trusted networks.';
      case 'mandatoryGroup': return 'Yes: you are in a mandatory group, even on trusted networks.';
      case 'outsideTrusted': return 'When you sign in from outside the trusted networks listed below.';
      case 'unknown': return 'Unknown.';
      default: return assertNever(a);
    }
  },
  enrolment(e: Enrolment): string {
    switch (e.state) {
      case 'enrolled':
        return e.unusedCodes === null ? 'Enrolled' : `Enrolled, ${e.unusedCodes} of ${e.totalCodes ?? 5} backup codes unused`;
      case 'notEnrolled': return 'Not enrolled';
      case 'unknown': return 'Unknown (the portal shows enrolment only while the policy is on)';
      default: return assertNever(e);
    }
  },
  method(s: PortalStatus): string {
    if (!s.policy) return '—';
    return { none: 'Off', app: 'On: authenticator app', sms: 'On: SMS' }[s.policy.method];
  },
} as const;
