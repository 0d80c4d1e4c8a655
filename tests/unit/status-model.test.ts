import { describe, expect, it } from 'vitest';
import { factsOfOverview, factsOfStatus, statusModel, type StatusFacts } from '../../lib/providers/docspace/status-model';
import type { SiteOverview } from '../../lib/protocol';
import type { PortalStatus } from '../../lib/providers/docspace/protocol';

/** Issue 27: one status model for the popup and the Portals page's cards: every state → tone, icon, words, action. */
const facts = (over: Partial<StatusFacts> = {}): StatusFacts => ({
  state: 'ready', method: 'app', applies: 'everyone', enrolment: { state: 'enrolled', unusedCodes: 5, totalCodes: 5 }, setupInProgress: false, ...over,
});

describe('status model', () => {
  it.each<[string, Partial<StatusFacts>, string, string, string, string | null]>([
    ['set up', {}, 'ok', 'on', '2FA is on · You’re set up', null],
    ['2FA off', { method: 'none', applies: 'off', enrolment: { state: 'unknown' } }, 'off', 'off', '2FA is off', null],
    ['not set up while required', { enrolment: { state: 'notEnrolled' } }, 'warn', 'attention', 'Set up required', 'setUp'],
    ['not set up, depends on the address', { applies: 'outsideTrusted', enrolment: { state: 'notEnrolled' } }, 'warn', 'attention', 'Set up required', 'setUp'],
    ['setup started, not finished', { enrolment: { state: 'notEnrolled' }, setupInProgress: true }, 'warn', 'attention', 'Setup not finished', 'continueSetUp'],
    ['one backup code left', { enrolment: { state: 'enrolled', unusedCodes: 1, totalCodes: 5 } }, 'warn', 'attention', '2FA is on · One backup code left', 'makeNewCodes'],
    ['no backup code left', { enrolment: { state: 'enrolled', unusedCodes: 0, totalCodes: 5 } }, 'warn', 'attention', '2FA is on · No backup codes left', 'makeNewCodes'],
    ['SMS', { method: 'sms', enrolment: { state: 'unknown' } }, 'ok', 'on', '2FA is on · Codes by SMS', null],
    ['enrolment not known', { enrolment: { state: 'unknown' } }, 'warn', 'attention', '2FA is on · Your setup is not known', null],
    ['applicability not known', { method: null, applies: 'unknown', enrolment: { state: 'unknown' } }, 'warn', 'attention', '2FA status not known', null],
    ['signed out', { state: 'signedOut' }, 'error', 'attention', 'Signed out', null],
    ['no access', { state: 'noAccess' }, 'error', 'attention', 'No access', null],
    ['could not check', { state: 'error' }, 'error', 'attention', 'Could not check', null],
    ['not checked', { state: 'notChecked' }, 'off', 'off', 'Not checked yet', null],
  ])('%s', (_name, over, tone, icon, title, primary) => {
    const m = statusModel(facts(over));
    expect({ tone: m.tone, icon: m.icon, title: m.title, primary: m.primary }).toEqual({ tone, icon, title, primary });
  });

  it('the backup-code count under the status line, only when set up and counted', () => {
    expect(statusModel(facts()).codes).toBe('5 of 5 backup codes left');
    expect(statusModel(facts({ enrolment: { state: 'enrolled', unusedCodes: 1, totalCodes: 1 } })).codes).toBe('1 of 1 backup code left');
    expect(statusModel(facts({ enrolment: { state: 'enrolled', unusedCodes: null, totalCodes: null } })).codes).toBeNull();
    expect(statusModel(facts({ enrolment: { state: 'notEnrolled' } })).codes).toBeNull();
  });

  it('"Applies to you" is a yes or no with its condition', () => {
    const applies = (a: StatusFacts['applies']) => statusModel(facts({ applies: a })).applies;
    expect(applies('off')).toBe('No, 2FA is off');
    expect(applies('everyone')).toBe('Yes, everyone is asked for a code');
    expect(applies('mandatoryUser')).toBe('Yes, you are on the mandatory list');
    expect(applies('mandatoryGroup')).toBe('Yes, your group is on the mandatory list');
    expect(applies('outsideTrusted')).toBe('Yes, except from trusted IP addresses');
    expect(applies('unknown')).toBe('Not known');
    for (const a of ['off', 'everyone', 'mandatoryUser', 'mandatoryGroup', 'outsideTrusted'] as const) expect(applies(a)).toMatch(/^(Yes|No), /);
  });

  it('"Your authenticator": set up or not, never "enrolled"', () => {
    expect(statusModel(facts()).enrolment).toBe('Set up');
    expect(statusModel(facts({ enrolment: { state: 'notEnrolled' } })).enrolment).toBe('Not set up');
    expect(statusModel(facts({ enrolment: { state: 'unknown' } })).enrolment).toMatch(/^Not known/);
  });

  it('an overview row gives the same model as the popup status it was made from', () => {
    const status: PortalStatus = {
      origin: 'https://docs.example.com', host: 'docs.example.com', state: 'ready', version: '3.7.2', auth: 'cookie', checkedAt: 1,
      me: { id: 'u1', displayName: 'Ada', email: null, role: 'user' }, policy: null,
      applies: { kind: 'mandatoryGroup' }, enrolment: { state: 'enrolled', unusedCodes: 1, totalCodes: 5 }, enrolmentInProgress: false, signInUrl: '',
    };
    const row: SiteOverview = {
      provider: 'docspace', site: status.origin, host: status.host, accessOrigin: status.origin, access: true, recognised: true, state: 'ready', error: null,
      policy: 'app', applies: 'yes', appliesWhy: 'mandatoryGroup', enrolment: 'enrolled', unusedCodes: 1, totalCodes: 5, usersWithMfa: null, checkedAt: 1,
      manage: '', makeNewCodes: null,
    };
    const fromStatus = statusModel({ ...factsOfStatus(status), method: 'app' });
    expect(statusModel(factsOfOverview(row))).toEqual(fromStatus);
    expect(fromStatus.applies).toBe('Yes, your group is on the mandatory list');
  });
});
