import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessagesText } from '@wxt-dev/i18n/build';

/**
 * Issue 27 §3, English: the blocks of locales/en.yml that the English pass owns say "two-factor authentication (2FA)"
 * or "2FA" (never TFA, "second factor" or "challenged"), "set up" rather than enrol, "email", curly quotes, and
 * the lockout says what the portal and the extension really do (README "It does not invent limits").
 */
const root = join(import.meta.dirname, '../..');
const BLOCKS = ['common', 'enrolment', 'backupCodes', 'reset', 'owner', 'copyText', 'policy', 'coverageView', 'access', 'errors'];
/** Store's and other parts' keys inside these blocks. */
const NOT_OURS = new Set(['common.appName']);
/** The options section's name, decided with the shell part (common.txt "Names of options sections"). */
const SECTION_NAME = 'Enrolment coverage';

const messages = parseMessagesText(readFileSync(join(root, 'locales/en.yml'), 'utf8'), 'YAML')
  .filter((m) => BLOCKS.includes(m.key[0]!) && !NOT_OURS.has(m.key.join('.')))
  .map((m) => ({ key: m.key.join('.'), text: m.type === 'simple' ? m.message : '' }));
const text = (key: string) => messages.find((m) => m.key === key)?.text;
const offending = (test: (text: string) => boolean) => messages.filter((m) => test(m.text)).map((m) => `${m.key}: ${m.text}`);

describe('English wording of the DocSpace pages (issue 27)', () => {
  it('reads the blocks it checks', () => {
    expect(messages.length).toBeGreaterThan(400);
    expect(text('enrolment.locked')).toBeTruthy();
  });

  it('names two-factor authentication one way: "two-factor authentication (2FA)" or "2FA", never TFA or "second factor"', () => {
    expect(offending((t) => /\bTFA\b/.test(t))).toEqual([]);
    expect(offending((t) => /second factor/i.test(t))).toEqual([]);
    expect(offending((t) => /two-factor(?! authentication)/i.test(t))).toEqual([]);
  });

  it('says "asked for a code", not security jargon', () => {
    expect(offending((t) => /challeng/i.test(t))).toEqual([]);
  });

  it('says "set up", not enrol, except in the options section\'s agreed name', () => {
    expect(offending((t) => /\benrol/i.test(t.replaceAll(SECTION_NAME, '')))).toEqual([]);
  });

  it('writes "email", not "e-mail"', () => {
    expect(offending((t) => /e-mail/i.test(t))).toEqual([]);
  });

  it('uses curly quotes and apostrophes, never straight ones', () => {
    expect(offending((t) => /["']/.test(t))).toEqual([]);
  });

  it('the lockout names no fixed number and promises nothing the portal does not do (E13)', () => {
    const locked = text('enrolment.locked')!;
    // The limit is the portal's own setting (LoginSettings.AttemptCount), known to admins only.
    expect(locked).not.toMatch(/\d/);
    // A code refused during the lock is not counted and does not extend it (background/enrolment.ts, the emulator's TfaCodeCounter).
    expect(locked).not.toMatch(/extend|longer/i);
    expect(text('enrolment.attemptsLeft.other')).not.toMatch(/this minute/);
  });

  it('keeps an HTTP status out of the sentence: at its end, in parentheses (E19)', () => {
    const errors = messages.filter((m) => m.key.startsWith('errors.') && m.text.includes('HTTP'));
    expect(errors.length).toBeGreaterThan(5);
    expect(errors.filter((m) => !/\(HTTP [^()]*\)\.$/.test(m.text)).map((m) => `${m.key}: ${m.text}`)).toEqual([]);
  });
});
