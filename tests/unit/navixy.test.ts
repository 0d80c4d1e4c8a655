import { describe, expect, it } from 'vitest';
import { describeError } from '../../lib/messages';
import { panelError, localPanelError, type PanelReason } from '../../lib/providers/navixy/errors';
import { isSessionError } from '../../lib/providers/navixy/session-error';
import { parseApiBase, parsePanelOrigin, actionUrl } from '../../lib/providers/navixy/config';
import { batchesOf, displayNameOf } from '../../lib/providers/navixy/users';
import { DefaultReadSchema, ErrorEnvelopeSchema, MfaSettingsSchema, UpdateTargetSchema, UserListSchema } from '../../lib/providers/navixy/schemas';
import { PROVIDERS, providerOfView } from '../../lib/providers';
// Navixy's error sentences are registered by the Navixy screens (lib/providers/navixy/error-text.ts), as a page loading them would.
import '../../lib/providers/navixy/error-text';

const panel = 'https://panel.example.com';

describe('panel error codes map to a reason and one sentence naming the panel', () => {
  it.each([
    [3, 'wrongSession', 'did not recognise the session (error 3'],
    [4, 'sessionEnded', 'ended the session or found no such operator (error 4)'],
    [7, 'invalidParameters', 'rejected the request’s parameters (error 7'],
    [11, 'dealerBlocked', 'says this panel account is blocked (error 11)'],
    [12, 'badCredentials', 'did not accept the login or password (error 12)'],
    [13, 'notPermitted', 'does not allow this operator to do this (error 13)'],
    [201, 'notFound', 'could not find a selected user in its database (error 201)'],
    [217, 'unknownEntities', 'contains users that do not exist (error 217)'],
  ] as const)('code %i → %s', (code, reason, words) => {
    const e = panelError(panel, code, { description: 'ignored for known codes' });
    expect(e).toEqual({ kind: 'panel', origin: panel, code, reason });
    const text = describeError(e);
    expect(text.message).toContain('Navixy panel panel.example.com');
    expect(text.message).toContain(words);
    expect(text.next.length).toBeGreaterThan(10);
  });

  it('an unknown code keeps its number and a short description', () => {
    const e = panelError(panel, 999, { description: 'Service error'.repeat(30) });
    expect(e.reason).toBe('other');
    expect(e.description).toHaveLength(200);
    expect(describeError(panelError(panel, 999, { description: 'Service error' })).message).toBe('The Navixy panel panel.example.com refused the request (error 999: Service error).');
  });

  it('13 names the missing permission and offers no retry; 7 names the refused parameters', () => {
    const denied = describeError(panelError(panel, 13, { permission: 'users: update' }));
    expect(denied.message).toBe('The Navixy panel panel.example.com does not allow this operator to do this: the users: update permission is missing (error 13).');
    expect(denied.canRetry).toBe(false);
    const invalid = describeError(panelError(panel, 7, { parameters: ['settings', 'target'] }));
    expect(invalid.message).toBe('The Navixy panel panel.example.com rejected the parameter settings and target (error 7: invalid parameters).');
  });

  it.each(['notSignedIn', 'notConfigured', 'notNavixy', 'apiChanged'] as const)('local reason %s has its own sentence', (reason) => {
    const text = describeError(localPanelError(panel, reason));
    expect(text.message).toContain('panel.example.com');
    expect(text.canRetry).toBe(false);
  });

  it('codes 2, 3, 4, 11 and 103 (and no session) are session errors; the others are not', () => {
    const reasons: [number, boolean][] = [
      [2, true], [3, true], [4, true], [5, false], [7, false], [9, false], [11, true], [12, false], [13, false], [101, false], [103, true],
      [111, false], [112, false], [201, false], [212, false], [217, false], [999, false],
    ];
    for (const [code, expected] of reasons) expect(isSessionError(panelError(panel, code))).toBe(expected);
    expect(isSessionError(localPanelError(panel, 'notSignedIn'))).toBe(true);
    expect(isSessionError({ kind: 'signedOut', origin: panel })).toBe(false);
  });

  it('every reason is described (exhaustive)', () => {
    const all: PanelReason[] = [
      'notSignedIn', 'notConfigured', 'notNavixy', 'apiChanged', 'wrongSession', 'sessionEnded', 'badCredentials', 'dealerBlocked',
      'notPermitted', 'invalidParameters', 'notFound', 'unknownEntities', 'other',
      'unreadableFactors', 'serviceAuth', 'notActivated', 'wrongFormat', 'tooLarge', 'demoMode', 'noMfaApi', 'limitTooBig',
    ];
    const messages = all.map((reason) => describeError({ kind: 'panel', origin: panel, code: 0, reason }).message);
    expect(new Set(messages).size).toBe(all.length);
  });
});

describe('panel configuration', () => {
  it.each([
    ['https://panel.example.com/login?x=1', 'https://panel.example.com'],
    ['http://127.0.0.1:8093/', 'http://127.0.0.1:8093'],
    ['http://panel.example.com', null],
    ['https://user:pw@panel.example.com', null],
    ['not a url', null],
  ])('panel %s → %s', (raw, expected) => expect(parsePanelOrigin(raw)).toBe(expected));

  it.each([
    ['https://api.navixy.com/v2/', 'https://api.navixy.com/v2'],
    ['  https://api.example.com/navixy/v2//  ', 'https://api.example.com/navixy/v2'],
    ['http://127.0.0.1:8094/v2', 'http://127.0.0.1:8094/v2'],
    ['http://api.example.com/v2', null],
    ['https://api.example.com/v2?hash=1', null],
    ['https://api.example.com/v2#x', null],
    ['ftp://api.example.com/v2', null],
  ])('API base %s → %s', (raw, expected) => expect(parseApiBase(raw)).toBe(expected));

  it('actions are appended to the base path', () => {
    expect(actionUrl('https://api.example.com/navixy/v2', 'panel/user/list').href).toBe('https://api.example.com/navixy/v2/panel/user/list');
  });
});

describe('batches and names', () => {
  it('splits into batches of at most 100, deduplicated, order kept', () => {
    const ids = [...Array.from({ length: 250 }, (_, i) => i + 1), 3, 7];
    const batches = batchesOf(ids, 100);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(batchesOf([], 100)).toEqual([]);
  });

  it('names a user by their name parts, else the login', () => {
    expect(displayNameOf({ login: 'a@b', first_name: 'Anna', middle_name: '', last_name: 'Novak' })).toBe('Anna Novak');
    expect(displayNameOf({ login: 'a@b', first_name: ' ', middle_name: null, last_name: undefined })).toBe('a@b');
  });
});

describe('schemas', () => {
  it('MFA settings: factor_types is required when allowed', () => {
    expect(MfaSettingsSchema.safeParse({ type: 'allowed', factor_types: ['email'] }).success).toBe(true);
    expect(MfaSettingsSchema.safeParse({ type: 'allowed' }).success).toBe(false);
    expect(MfaSettingsSchema.safeParse({ type: 'allowed', factor_types: [] }).success).toBe(false);
    // Factor types the extension does not know are kept (the API is work in progress); junk is not.
    expect(MfaSettingsSchema.parse({ type: 'allowed', factor_types: ['email', 'authenticator_app'] })).toEqual({ type: 'allowed', factor_types: ['email', 'authenticator_app'] });
    for (const bad of ['', ' email', 'x'.repeat(51), 7, 'a\nb', 'a\u202Eb']) expect(MfaSettingsSchema.safeParse({ type: 'allowed', factor_types: [bad] }).success).toBe(false);
    // Issue 25: any short printable name, capitals and hyphens included.
    for (const good of ['E-Mail', 'Authenticator-App', 'sms-otp', '<b>', 'x'.repeat(50)]) expect(MfaSettingsSchema.safeParse({ type: 'allowed', factor_types: [good] }).success).toBe(true);
    expect(MfaSettingsSchema.safeParse({ type: 'disallowed' }).success).toBe(true);
  });

  it('update target: all, or 1 to 100 positive ids', () => {
    expect(UpdateTargetSchema.safeParse({ type: 'all' }).success).toBe(true);
    expect(UpdateTargetSchema.safeParse({ type: 'selected', ids: Array.from({ length: 100 }, (_, i) => i + 1) }).success).toBe(true);
    for (const ids of [[], [0], [-1], [1.5], ['1'], Array.from({ length: 101 }, (_, i) => i + 1)]) {
      expect(UpdateTargetSchema.safeParse({ type: 'selected', ids }).success).toBe(false);
    }
  });

  it('the error envelope, the user list and the default', () => {
    expect(ErrorEnvelopeSchema.safeParse({ success: false, status: { code: 217, description: 'x' } }).success).toBe(true);
    expect(ErrorEnvelopeSchema.safeParse({ success: true }).success).toBe(false);
    expect(UserListSchema.safeParse({ success: true, list: [{ id: 1, login: 'a', mfa_allowed: 'yes' }], count: 1 }).success).toBe(false);
    expect(DefaultReadSchema.parse({ success: true })).toEqual({ success: true });
    // Issue 25: an allowed default without a readable factor list is read, flagged as unreadable (never written back as read).
    expect(DefaultReadSchema.parse({ success: true, value: { type: 'allowed' } })).toEqual({ success: true, value: { type: 'allowed', factor_types: [], unreadable: true } });
    expect(DefaultReadSchema.safeParse({ success: true, value: { type: 'required' } }).success).toBe(false);
  });
});

describe('provider boundary', () => {
  it('every options view belongs to exactly one provider', () => {
    const views = PROVIDERS.flatMap((p) => p.info.views);
    expect(new Set(views).size).toBe(views.length);
    expect(providerOfView('navixy')?.info.id).toBe('navixy');
    expect(providerOfView('policy')?.info.id).toBe('docspace');
    expect(providerOfView('nope')).toBeNull();
  });
});
