// Issue 25 §5: the panel's codes by meaning, factor types by any short name, and the default's unreadable entries.
import { describe, expect, it } from 'vitest';
import { describeError } from '../../lib/messages';
import { panelError, type PanelReason } from '../../lib/providers/navixy/errors';
import { isSessionError } from '../../lib/providers/navixy/session-error';
import { DefaultReadSchema, type HeldSettings } from '../../lib/providers/navixy/schemas';
import { allowSettingsFrom } from '../../lib/providers/navixy/users';
import { settingsText } from '../../lib/providers/navixy/components/NavixySummary';
import '../../lib/providers/navixy/error-text';

const panel = 'https://panel.example.com';
const FSI = '\u2068';
const PDI = '\u2069';

describe('codes by meaning', () => {
  it.each([
    [2, 'serviceAuth', 'The Navixy panel panel.example.com refused the session (error 2: service authentication error).', 'You were signed out. Sign in again'],
    [103, 'notActivated', 'The Navixy panel panel.example.com says this panel account is not activated (error 103).', 'You were signed out. Ask your Navixy provider to activate the account'],
  ] as const)('%i ends the session as 3, 4 and 11 do, with its own sentence', (code, reason, message, next) => {
    const e = panelError(panel, code, { description: 'ignored' });
    expect(e).toEqual({ kind: 'panel', origin: panel, code, reason });
    expect(isSessionError(e)).toBe(true);
    const text = describeError(e);
    expect(text).toMatchObject({ message, canRetry: false });
    expect(text.next).toContain(next);
  });

  it.each([
    [5, 'wrongFormat', 'could not read the extension’s request (error 5: wrong request format).', 'This is a bug in the extension; please report it.'],
    [9, 'tooLarge', 'refused the request as too large (error 9).', 'Select fewer users and try again'],
    [101, 'demoMode', 'is in demo mode, where this function is disabled (error 101).', 'not a demo account'],
    [111, 'noMfaApi', 'has no such action (error 111): this panel’s version has no MFA API.', 'until it is updated'],
    [112, 'noMfaApi', 'has no such action (error 112): this panel’s version has no MFA API.', 'until it is updated'],
    [212, 'limitTooBig', 'says the requested limit is too big (error 212).', 'please report it as a bug'],
  ] as const)('%i is not retryable: its own sentence and next step, never "retry in a moment"', (code, reason, words, next) => {
    const e = panelError(panel, code, { description: 'ignored' });
    expect(e).toEqual({ kind: 'panel', origin: panel, code, reason });
    expect(isSessionError(e)).toBe(false);
    const text = describeError(e);
    expect(text.message).toContain('Navixy panel panel.example.com');
    expect(text.message).toContain(words);
    expect(text.next).toContain(next);
    expect(text.canRetry).toBe(false);
    expect(`${text.message} ${text.next}`).not.toMatch(/retry in a moment/i);
  });

  it('each new reason has a sentence of its own', () => {
    const reasons: PanelReason[] = ['serviceAuth', 'notActivated', 'wrongFormat', 'tooLarge', 'demoMode', 'noMfaApi', 'limitTooBig', 'unreadableFactors', 'other'];
    const messages = reasons.map((reason) => describeError({ kind: 'panel', origin: panel, code: 1000, reason }).message);
    expect(new Set(messages).size).toBe(reasons.length);
  });

  it('an unknown code is still "refused, retry in a moment"', () => {
    const text = describeError(panelError(panel, 999));
    expect(text).toMatchObject({ message: 'The Navixy panel panel.example.com refused the request (error 999).', canRetry: true });
  });
});

describe('factor types as the panel holds them', () => {
  const read = (value: unknown) => DefaultReadSchema.parse({ success: true, value }).value;

  it('any short printable name is read and kept (capitals, hyphens)', () => {
    expect(read({ type: 'allowed', factor_types: ['email', 'Authenticator-App', 'sms-otp'] })).toEqual({ type: 'allowed', factor_types: ['email', 'Authenticator-App', 'sms-otp'] });
  });

  it.each([
    ['an empty name', ['email', '']],
    ['a name over 50 characters', ['email', 'x'.repeat(51)]],
    ['a number', ['email', 7]],
    ['null', ['email', null]],
    ['a name with spaces around it', ['email', ' sms ']],
    ['a bidi control', ['email', 'a\u202Eb']],
  ])('%s does not fail the read: the readable names stay, the setting is flagged unreadable', (_, types) => {
    expect(read({ type: 'allowed', factor_types: types })).toEqual({ type: 'allowed', factor_types: ['email'], unreadable: true });
  });

  it('no list at all, or an empty one, is unreadable too', () => {
    expect(read({ type: 'allowed', factor_types: 'email' })).toEqual({ type: 'allowed', factor_types: [], unreadable: true });
    expect(read({ type: 'allowed', factor_types: [] })).toEqual({ type: 'allowed', factor_types: [], unreadable: true });
  });

  it('allowing writes every factor type the default holds, and nothing from a default with an unreadable one', () => {
    expect(allowSettingsFrom({ type: 'allowed', factor_types: ['email', 'Authenticator-App'] })).toEqual({ type: 'allowed', factor_types: ['email', 'Authenticator-App'] });
    expect(allowSettingsFrom({ type: 'allowed', factor_types: ['email'], unreadable: true })).toBeNull();
    expect(allowSettingsFrom({ type: 'allowed', factor_types: [], unreadable: true })).toBeNull();
    expect(allowSettingsFrom({ type: 'disallowed' })).toEqual({ type: 'allowed', factor_types: ['email'] });
    expect(allowSettingsFrom(null)).toEqual({ type: 'allowed', factor_types: ['email'] });
  });

  it('the unreadable refusal says why and offers no retry', () => {
    const text = describeError({ kind: 'panel', origin: panel, code: 0, reason: 'unreadableFactors' });
    expect(text.message).toBe('The default of the Navixy panel panel.example.com holds a factor type the extension cannot read, so allowing MFA from here could drop it.');
    expect(text.canRetry).toBe(false);
  });

  it('names are shown as the panel spells them, right-to-left ones isolated; an unreadable one is named as such', () => {
    const held: HeldSettings = { type: 'allowed', factor_types: ['email', 'Authenticator-App'] };
    expect(settingsText(held)).toBe('Allowed (email code and Authenticator-App)');
    expect(settingsText({ type: 'allowed', factor_types: ['email', 'رمز'] })).toBe(`Allowed (email code and ${FSI}رمز${PDI})`);
    expect(settingsText({ type: 'allowed', factor_types: ['email'], unreadable: true })).toBe('Allowed (email code and a factor type the extension cannot read)');
  });
});
