import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningPortal, startPortal } from '../portal/server';
import { CookieJar, call, passwordSignIn } from '../portal/test-client';

/**
 * The emulated portal answers as the server does (fact sheet §12.4, issue 23 §5), checked over real HTTP.
 * Each case names the server file it follows (ONLYOFFICE/DocSpace-server master ed2994e7).
 */
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal({ port: 0 });
});
afterAll(async () => {
  await portal.close();
});
beforeEach(() => {
  portal.reset();
  portal.state.smsInPlan = true;
});

const auth = async (who: string): Promise<CookieJar> => {
  const jar = new CookieJar();
  jar.cookies.set('asc_auth_key', await portal.signIn(who));
  return jar;
};
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
/** A user under the app policy, signed in with a password: the jar holds the TfaActivation confirm cookie. */
async function activationJar(role: string): Promise<{ jar: CookieJar; id: string; confirm: string }> {
  portal.setPolicy({ enabled: true });
  const user = portal.user(role);
  const { jar, reply } = await passwordSignIn(portal.origin, user.email);
  expect(reply.json.response).toMatchObject({ tfa: true });
  expect(jar.get('asc_confirm_key_TfaActivation')).toBeTruthy();
  return { jar, id: user.id, confirm: `type=TfaActivation&uid=${user.id}` };
}

describe('error bodies written without a stack (ResponseWrapper.cs: WriteAsJsonAsync with default web options)', () => {
  const NO_DETAILS = { type: null, stack: null, hresult: 0 };

  it('the TFA code lock (BruteForceCredentialException) carries type, stack and hresult as null, null, 0', async () => {
    const { jar, confirm } = await activationJar('user');
    portal.useUpCodeAttempts('user');
    const r = await call(portal.origin, 'POST', 'settings/tfaapp/validate', { jar, headers: { confirm }, body: { code: '123456' } });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ error: { message: 'You have sent too many text messages. Please try again later.', ...NO_DETAILS }, status: 1, statusCode: 403 });
  });

  it('a wrong password (AuthenticationException) and the password lock (BruteForceCredentialException) too', async () => {
    const wrong = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'user@demo.test', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: { message: 'User authentication failed', ...NO_DETAILS }, status: 1, statusCode: 401 });
    let locked = wrong;
    for (let i = 0; i < 6 && locked.status !== 403; i++) {
      locked = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'user@demo.test', password: 'nope' } });
    }
    expect(locked.status).toBe(403);
    expect(locked.json.error).toEqual({ message: 'Too many login attempts. Please try again later', ...NO_DETAILS });
  });

  it('errors written with a stack keep a real type, a stack and a non-zero hresult', async () => {
    const r = await call(portal.origin, 'GET', 'settings/tfaappcodes', { jar: await auth('user') });
    expect(r.json.error).toMatchObject({ type: 'System.InvalidOperationException', stack: expect.any(String), hresult: -2146233079 });
  });
});

describe('the exception types the server writes', () => {
  const AUTHORIZING = { message: 'Access denied', type: 'ASC.Common.Security.Authorizing.AuthorizingException', hresult: -2146233088 };

  it('PUT tfaapp and tfaappwithlink by a non-admin: AuthorizingException (TfaappController.cs DemandPermissionsAsync)', async () => {
    const jar = await auth('user');
    for (const path of ['settings/tfaapp', 'settings/tfaappwithlink']) {
      const r = await call(portal.origin, 'PUT', path, { jar, body: { type: 'App' } });
      expect(r.status).toBe(403);
      expect(r.json.error).toMatchObject(AUTHORIZING);
    }
  });

  it('GET settings/security/loginSettings by a non-admin: AuthorizingException (SecurityController.cs)', async () => {
    const r = await call(portal.origin, 'GET', 'settings/security/loginSettings', { jar: await auth('roomadmin') });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject(AUTHORIZING);
  });

  it('GET group and group/{id} by a user or guest: AuthorizingException (GroupsController.cs Action_ReadGroups)', async () => {
    for (const who of ['user', 'guest']) {
      const jar = await auth(who);
      for (const path of ['group', `group/${portal.groups[0]!.id}`]) {
        const r = await call(portal.origin, 'GET', path, { jar });
        expect(r.status).toBe(403);
        expect(r.json.error).toMatchObject(AUTHORIZING);
      }
    }
  });

  it('people routes throw SecurityException ("Access denied") (UserController.cs)', async () => {
    const jar = await auth('user');
    for (const path of ['people/filter', `people/${portal.user('alice').id}`]) {
      const r = await call(portal.origin, 'GET', path, { jar });
      expect(r.status).toBe(403);
      expect(r.json.error).toMatchObject({ message: 'Access denied', type: 'System.Security.SecurityException' });
    }
  });

  it('unknown people and groups: ASC.Common.Web.ItemNotFoundException (common/ASC.Common/Web/ItemNotFoundException.cs)', async () => {
    const jar = await auth('admin');
    const user = await call(portal.origin, 'GET', 'people/8d1e5b2a-7c3f-4a6e-b0d9-0000000fffff', { jar });
    expect(user.status).toBe(404);
    expect(user.json.error).toMatchObject({ message: 'The user could not be found', type: 'ASC.Common.Web.ItemNotFoundException', hresult: -2146233088 });
    const group = await call(portal.origin, 'GET', 'group/4a1f6c3e-2b7d-4e59-9f10-6a0b7c1dffff', { jar });
    expect(group.status).toBe(404);
    expect(group.json.error).toMatchObject({ message: 'The group could not be found', type: 'ASC.Common.Web.ItemNotFoundException' });
  });
});

describe('a TfaAuth confirm key is refused whenever the caller is authenticated (EmailValidationKeyModelHelper.cs)', () => {
  async function tfaAuthKey(): Promise<{ key: string; id: string; apiKey: string }> {
    const user = portal.user('user');
    portal.setPolicy({ enabled: true });
    portal.enrol(user.email);
    const apiKey = portal.apiKeyOf(user.email);
    const r = await call(portal.origin, 'GET', 'settings/tfaapp/confirm', { headers: bearer(apiKey) });
    expect(r.json.response).toMatchObject({ cookieName: 'asc_confirm_key_TfaAuth' });
    return { key: r.json.response.cookieValue as string, id: user.id, apiKey };
  }

  it('with an API key the key is Invalid (401, empty body); the same key alone signs the user in', async () => {
    const { key, id, apiKey } = await tfaAuthKey();
    const confirm = `type=TfaAuth&uid=${id}&key=${key}`;
    const withKey = await call(portal.origin, 'POST', 'settings/tfaapp/validate', {
      headers: { ...bearer(apiKey), confirm }, body: { code: await portal.totp('user') },
    });
    expect(withKey.status).toBe(401);
    expect(withKey.text).toBe('');
    const alone = await call(portal.origin, 'POST', 'settings/tfaapp/validate', { headers: { confirm }, body: { code: await portal.totp('user') } });
    expect(alone.status).toBe(200);
  });
});

describe('an empty key= in the confirm header is used as given (EmailValidationKeyModelHelper.GetModel)', () => {
  it('key= present but empty: 401, although the confirm cookie is valid; key absent: the cookie is used', async () => {
    const { jar, confirm } = await activationJar('user');
    const empty = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { jar, headers: { confirm: `${confirm}&key=` } });
    expect(empty.status).toBe(401);
    expect(empty.text).toBe('');
    const cookie = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { jar, headers: { confirm } });
    expect(cookie.status).toBe(200);
  });
});

describe('a confirm type that is no ConfirmType counts as none (EmailValidationKeyModelHelper.GetModel, ConfirmAuthHandler.cs)', () => {
  it('signed in: the scheme passes and the role fails (403); anonymous: 401; a real but other type: 401', async () => {
    const jar = await auth('user');
    const id = portal.user('user').id;
    const bogus = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { jar, headers: { confirm: `type=Bogus&uid=${id}` } });
    expect(bogus.status).toBe(403);
    expect(bogus.text).toBe('');
    const anonymous = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { headers: { confirm: `type=Bogus&uid=${id}` } });
    expect(anonymous.status).toBe(401);
    const other = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { jar, headers: { confirm: `type=EmailChange&uid=${id}&key=1.x` } });
    expect(other.status).toBe(401);
  });
});

describe('API key scopes only where the server attaches a policy (AuthorizationExtension.cs WithRequirementAuthorization)', () => {
  it('GET people/{id} has its own [Authorize] and no scope policy: a key scoped to accounts.self:read reads it', async () => {
    const key = portal.state.scopedApiKey(portal.user('admin'), ['accounts.self:read']);
    const one = await call(portal.origin, 'GET', `people/${portal.user('alice').id}`, { headers: bearer(key) });
    expect(one.status).toBe(200);
    expect(one.json.response.id).toBe(portal.user('alice').id);
    // The listing has no [Authorize] of its own: its scope policy stands.
    const list = await call(portal.origin, 'GET', 'people/filter', { headers: bearer(key) });
    expect(list.status).toBe(403);
    expect(list.text).toBe('');
  });

  it('the policy is read from the route template, not the path as typed: /api/2.0/PEOPLE/filter takes accounts:read', async () => {
    const key = portal.state.scopedApiKey(portal.user('admin'), ['accounts:read']);
    const r = await call(portal.origin, 'GET', '/api/2.0/PEOPLE/filter?count=1', { headers: bearer(key) });
    expect(r.status).toBe(200);
    const group = await call(portal.origin, 'GET', '/api/2.0/Group?count=1', { headers: bearer(key) });
    expect(group.status).toBe(200);
  });
});

describe('fields= selects exact camelCase names (DynamicIgnoreResolver.cs, ApiContext.cs GetRequestArray)', () => {
  it('fields=DisplayName does not select displayName; a name with a space around it selects nothing', async () => {
    const jar = await auth('admin');
    const r = await call(portal.origin, 'GET', 'people/filter?count=3&fields=id,DisplayName, email', { jar });
    expect(r.status).toBe(200);
    expect(r.json.response.length).toBe(3);
    for (const item of r.json.response) expect(Object.keys(item)).toEqual(['id']);
  });

  it('fields[] wins over fields; several fields= values are not split', async () => {
    const jar = await auth('admin');
    const both = await call(portal.origin, 'GET', 'people/filter?count=2&fields[]=email&fields=id', { jar });
    for (const item of both.json.response) expect(Object.keys(item)).toEqual(['email']);
    const repeated = await call(portal.origin, 'GET', 'people/filter?count=2&fields=id&fields=email,displayName', { jar });
    for (const item of repeated.json.response) expect(Object.keys(item)).toEqual(['id']);
  });

  it('a dotted name selects inside a nested object; fields= applies to single objects too (people/@self)', async () => {
    const jar = await auth('admin');
    const r = await call(portal.origin, 'GET', `people/filter?groupId=${portal.groups[0]!.id}&fields=id,groups.id`, { jar });
    expect(r.json.response.length).toBeGreaterThan(0);
    for (const item of r.json.response) {
      expect(Object.keys(item).sort()).toEqual(['groups', 'id']);
      for (const g of item.groups) expect(Object.keys(g)).toEqual(['id']);
    }
    const self = await call(portal.origin, 'GET', 'people/@self?fields=id,email', { jar });
    expect(self.json.response).toEqual({ id: portal.user('admin').id, email: portal.user('admin').email });
    expect(self.json.count).toBe(1);
  });
});

describe('SMS: SmsNotAvailable before the parameterless exception (TfaappController.cs UpdateTfaSettings)', () => {
  it('a portal whose plan has no SMS: 403 with the translated SmsNotAvailable', async () => {
    portal.state.smsInPlan = false;
    portal.setPortalCulture('de-DE');
    const r = await call(portal.origin, 'PUT', 'settings/tfaapp', { jar: await auth('admin'), body: { type: 'Sms' } });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({ message: 'SMS-Einstellungen sind nicht verfügbar', type: 'System.InvalidOperationException' });
  });

  it('SMS in the plan but no SMS provider: .NET\'s own (untranslated) message', async () => {
    portal.setPortalCulture('de-DE');
    const r = await call(portal.origin, 'PUT', 'settings/tfaapp', { jar: await auth('admin'), body: { type: 'Sms' } });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({ message: 'Operation is not valid due to the current state of the object.', type: 'System.InvalidOperationException' });
  });
});

describe('the real German and Russian resources (Resource.de.resx, Resource.ru.resx)', () => {
  const CASES = [
    {
      culture: 'de-DE',
      titles: ['Per SMS', 'Über die Authentifizierungs-App'],
      notAvailable: 'TFA-Anwendungseinstellungen sind nicht verfügbar',
      tooMuch: 'Sie haben zu viele Kurzmitteilungen gesendet. Bitte versuchen Sie es später erneut.',
      noPermissions: 'Keine Berechtigung zum Durchführen dieser Aktion',
      userNotFound: 'Der Benutzer konnte nicht gefunden werden',
      groupNotFound: 'Die Gruppe konnte nicht gefunden werden',
      emptyCode: 'Das Feld mit dem Validierungscode darf nicht leer sein',
      authFailed: 'Benutzerauthentifizierung fehlgeschlagen',
      disabled: 'Benutzer deaktiviert',
    },
    {
      culture: 'ru-RU',
      titles: ['С помощью SMS', 'С помощью приложения для аутентификации'],
      notAvailable: 'Настройки приложения для аутентификации недоступны',
      tooMuch: 'Вы отправили слишком много текстовых сообщений. Повторите попытку позже.',
      noPermissions: 'Недостаточно прав для выполнения данной операции',
      userNotFound: 'Пользователь не найден',
      groupNotFound: 'Группа не найдена',
      emptyCode: 'Поле кода подтверждения не может быть пустым',
      authFailed: 'Ошибка аутентификации пользователя',
      disabled: 'Пользователь отключен',
    },
  ] as const;

  describe.each(CASES)('$culture', (c) => {
    it('the TFA titles of GET settings/tfaapp (ButtonSmsEnable, ButtonTfaAppEnable)', async () => {
      portal.setUserCulture('user', c.culture);
      const r = await call(portal.origin, 'GET', 'settings/tfaapp', { jar: await auth('user') });
      expect(r.json.response.map((s: { title: string }) => s.title)).toEqual(c.titles);
    });

    it('TFA errors: not available, the code lock, the empty code, the owner guard', async () => {
      portal.setUserCulture('user', c.culture);
      portal.setUserCulture('admin', c.culture);
      expect((await call(portal.origin, 'GET', 'settings/tfaappcodes', { jar: await auth('user') })).json.error.message).toBe(c.notAvailable);
      const guard = await call(portal.origin, 'PUT', 'settings/tfaapp', { jar: await auth('admin'), body: { type: 'App', mandatoryUsers: [portal.user('owner').id] } });
      expect(guard.json.error.message).toBe(c.noPermissions);
      const { jar, confirm } = await activationJar('user');
      const empty = await call(portal.origin, 'POST', 'settings/tfaapp/validate', { jar, headers: { confirm }, body: { code: ' ' } });
      expect(empty.status).toBe(500);
      expect(empty.json.error).toMatchObject({ message: c.emptyCode, type: 'System.Exception' });
      portal.useUpCodeAttempts('user');
      const locked = await call(portal.origin, 'POST', 'settings/tfaapp/validate', { jar, headers: { confirm }, body: { code: '123456' } });
      expect(locked.json.error.message).toBe(c.tooMuch);
    });

    it('people and groups not found', async () => {
      portal.setUserCulture('admin', c.culture);
      const jar = await auth('admin');
      expect((await call(portal.origin, 'GET', 'people/8d1e5b2a-7c3f-4a6e-b0d9-0000000fffff', { jar })).json.error.message).toBe(c.userNotFound);
      expect((await call(portal.origin, 'GET', 'group/4a1f6c3e-2b7d-4e59-9f10-6a0b7c1dffff', { jar })).json.error.message).toBe(c.groupNotFound);
    });

    it('sign-in errors, in the portal\'s language (anonymous)', async () => {
      portal.setPortalCulture(c.culture);
      const wrong = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'user@demo.test', password: 'nope' } });
      expect(wrong.json.error.message).toBe(c.authFailed);
      const disabled = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'trent@demo.test', password: 'demo-password' } });
      expect(disabled.json.error).toMatchObject({ message: c.disabled, type: 'System.InvalidOperationException' });
    });
  });

  it('"Access denied" and "Not available." stay English (ResponseWrapper.cs literal; TfaappController.cs literal)', async () => {
    portal.setUserCulture('user', 'de-DE');
    const r = await call(portal.origin, 'PUT', 'settings/tfaapp', { jar: await auth('user'), body: { type: 'App' } });
    expect(r.json.error.message).toBe('Access denied');
  });
});
