import { describe, expect } from 'vitest';
import { call, passwordSignIn } from '../portal/test-client';
import { integrationTest } from './fixtures';

// The real one-minute window; time moves on the portal's clock (setClockOffset), never by waiting, so a slow
// machine cannot let the window slide between attempts (a 300 ms window did, under load).
const test = integrationTest.extend('confirmSession', ({ portal }) => async (email: string) => {
  const { jar } = await passwordSignIn(portal.origin, email);
  const headers = { confirm: `type=TfaAuth&uid=${portal.user(email).id}` };
  return (code: string) => call(portal.origin, 'POST', 'settings/tfaapp/validate', { jar, headers, body: { code } });
});
test.beforeEach(({ portal }) => portal.setClockOffset(0));

describe('TFA code attempts (§2.6 step 3)', () => {
  test('the 6th attempt within the window is 403 with the SMS wording and type, stack, hresult as null, null, 0', async ({ portal, confirmSession }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('user@demo.test');
    const validate = await confirmSession('user@demo.test');
    for (let i = 0; i < 5; i++) {
      expect((await validate('000000')).status).toBe(400);
    }
    const locked = await validate('000000');
    expect(locked.status).toBe(403);
    expect(locked.json).toEqual({
      error: { message: 'You have sent too many text messages. Please try again later.', type: null, stack: null, hresult: 0 },
      status: 1,
      statusCode: 403,
    });
    // Even the right code is refused while locked.
    expect((await validate(await portal.totp('user@demo.test'))).status).toBe(403);
  });

  test('the lock lifts after the window (server clock)', async ({ portal, confirmSession }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('user@demo.test');
    const validate = await confirmSession('user@demo.test');
    for (let i = 0; i < 6; i++) {
      await validate('000000');
    }
    expect((await validate('000000')).status).toBe(403);
    portal.setClockOffset(61_000);
    const ok = await validate(await portal.totp('user@demo.test'));
    expect(ok.status).toBe(200);
    expect(ok.json.response).toBe(false);
  });

  test('counts per user: another user is not locked', async ({ portal, confirmSession }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('user@demo.test');
    portal.enrol('alice@demo.test');
    const validate = await confirmSession('user@demo.test');
    for (let i = 0; i < 6; i++) {
      await validate('000000');
    }
    const other = await confirmSession('alice@demo.test');
    expect((await other(await portal.totp('alice@demo.test'))).status).toBe(200);
  });
});

describe('TOTP tolerance and the server clock', () => {
  test('accepts codes within ±5 minutes of the server clock and refuses older ones', async ({ portal, confirmSession }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('user@demo.test');
    const validate = await confirmSession('user@demo.test');
    const now = Date.now();
    expect((await validate(await portal.totp('user@demo.test', now - 4 * 60_000))).status).toBe(200);
    const validate2 = await confirmSession('user@demo.test');
    expect((await validate2(await portal.totp('user@demo.test', now - 7 * 60_000))).status).toBe(400);
  });

  test('a phone clock that matches the real time fails when the portal clock is 10 minutes ahead', async ({ portal, confirmSession }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('user@demo.test');
    const realCode = await portal.totp('user@demo.test', Date.now());
    portal.setClockOffset(10 * 60_000);
    const validate = await confirmSession('user@demo.test');
    expect((await validate(realCode)).status).toBe(400);
    expect((await validate(await portal.totp('user@demo.test'))).status).toBe(200);
  });
});

describe('password attempts', () => {
  test('the 6th wrong password within the window is 403 "Too many login attempts"', async ({ portal }) => {
    for (let i = 0; i < 5; i++) {
      const r = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'bob@demo.test', password: 'nope' } });
      expect(r.status).toBe(401);
    }
    const r = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'bob@demo.test', password: 'demo-password' } });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe('Too many login attempts. Please try again later');
    portal.setClockOffset(61_000);
    const ok = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'bob@demo.test', password: 'demo-password' } });
    expect(ok.status).toBe(200);
  });
});

describe('attempts are counted per user, not per address (fact sheet §11.3)', () => {
  test('changing address does not reset the count; another user is not locked', async ({ portal }) => {
    const st = portal.state;
    const user = portal.user('user');
    const other = portal.user('alice@demo.test');
    for (let i = 0; i < 5; i++) {
      st.clientIp = `198.51.100.${i + 1}`;
      expect(st.codeAttempts.increment(st.codeAttemptKey(user.id), st.now())).toBe(true);
    }
    st.clientIp = '203.0.113.9';
    expect(st.codeAttempts.increment(st.codeAttemptKey(user.id), st.now())).toBe(false);
    expect(st.codeAttempts.increment(st.codeAttemptKey(other.id), st.now())).toBe(true);
  });

  test('the limit is the portal\'s setting, not a fixed 5', ({ portal }) => {
    const st = portal.state;
    st.attemptLimit = 3;
    const key = st.codeAttemptKey(portal.user('user').id);
    expect([1, 2, 3, 4].map(() => st.codeAttempts.increment(key, st.now()))).toEqual([true, true, true, false]);
  });
});
