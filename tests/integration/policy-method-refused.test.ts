import { describe, expect } from 'vitest';
import { savePolicy } from '../../lib/providers/docspace/background/policy';
import { describeError } from '../../lib/messages';
import '../../lib/providers/docspace/error-text';
import { backgroundTest } from './fixtures';

/**
 * A real portal can list SMS as available (`GET settings/tfaapp`: an SMS provider is set up) and still refuse to
 * switch to it: `PUT tfaapp` checks the portal's plan first and throws InvalidOperationException(SmsNotAvailable)
 * (TfaappController.cs; StudioSmsNotificationSettings.cs IsAvailableSettingsAsync: a cloud portal on a trial, free
 * or non-profit plan). The admin must be told the method is not offered, not "ask a portal admin".
 */
const it = backgroundTest;
it.beforeEach(async ({ portal, fetchWithJar }) => {
  fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn('admin@demo.test'));
});

describe('savePolicy: a method the portal lists but refuses', () => {
  it.for([
    { culture: 'en-US', words: 'SMS settings are not available' },
    { culture: 'de-DE', words: 'SMS-Einstellungen sind nicht verfügbar' },
  ])('SMS not in the plan ($culture): notAvailable for the method, with the portal\'s words; nothing changed', async ({ culture, words }, { portal }) => {
    portal.state.smsAvailable = true;
    portal.state.smsInPlan = false;
    portal.setPortalCulture(culture);
    try {
      const r = await savePolicy({ type: 'savePolicy', origin: portal.origin, method: 'sms', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
      expect(r).toEqual({ ok: false, error: { kind: 'notAvailable', origin: portal.origin, message: words, reason: 'method' } });
      // The portal did refuse it (a 403 on the save), and holds no SMS policy.
      expect(portal.requests.filter((q) => q.method === 'PUT').map((q) => q.status)).toEqual([403]);
      expect(portal.state.sms.enable).toBe(false);
      if (r.ok) return;
      const shown = describeError(r.error);
      expect(shown.message).toContain(words);
      // Not the advice for a refused action ("ask a portal admin"): the caller is one.
      expect(shown.next).not.toBe(describeError({ kind: 'forbidden', origin: portal.origin, message: words }).next);
      expect(shown.canRetry).toBe(false);
    } finally {
      portal.state.smsAvailable = false;
    }
  });

  it('the method checked before sending (not listed as available) reads the same way', async ({ portal }) => {
    const r = await savePolicy({ type: 'savePolicy', origin: portal.origin, method: 'sms', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'notAvailable', reason: 'method' });
    expect(portal.requests.filter((q) => q.method === 'PUT')).toEqual([]);
  });
});
