// Authentication endpoints (§5.4), portal detection (§4.2, §10.6, §10.7).
import { issueConfirmKey, confirmUrl, validateCode } from './api-tfa';
import { AUTH_COOKIE, type Ctx, authenticate, clearCookie, confirmCookie, jsonBody, requestIp, signInSession } from './context';
import type { DemoUser } from './demo';
import { ApiError, ZERO_DATE, apiDate, errors, prop } from './wire';

export type SignInOutcome =
  | { kind: 'session'; user: DemoUser; token: string; expiresMs: number; session: boolean }
  | { kind: 'tfa'; user: DemoUser; confirmUrl: string; tfaKey?: string }
  | { kind: 'sms'; user: DemoUser; confirmUrl: string };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * `GetUserAsync` + brute-force guard + disabled check. Throws 401/403/… as the portal does: an unknown user or a
 * wrong password is BruteForceLoginManager's AuthenticationException(Resource.UserAuthenticationFailed), the lock
 * BruteForceCredentialException(Resource.ErrorTooManyLoginAttempts), both in the request's (the portal's) culture.
 * SIMPLIFIED: a missing user name or password is answered like a wrong one; the server throws an ArgumentException
 * there, which GetUserAsync turns into the untranslated literal "User authentication failed", without counting it.
 * SIMPLIFIED: passwordHash, social and LDAP sign-ins and recaptcha are not emulated.
 */
export function checkCredentials(ctx: Ctx, body: Record<string, unknown>): DemoUser {
  const st = ctx.state;
  const userName = str(prop(body, 'userName')).trim();
  const password = str(prop(body, 'password')).trim();
  if (!userName) {
    throw errors.authFailed();
  }
  // BruteForceLoginManager keys on MessageSettings.GetIP too (web/ASC.Web.Core/BruteForceLoginManager.cs).
  const key = `${userName.toLowerCase()}/${requestIp(ctx)}`;
  if (!st.loginAttempts.increment(key, st.now())) {
    throw errors.tooManyLogins();
  }
  const user = st.users.find((u) => u.email.toLowerCase() === userName.toLowerCase());
  if (!user || !password || user.password !== password) {
    throw errors.authFailed();
  }
  st.loginAttempts.decrement(key);
  if (user.terminated) {
    throw errors.userDisabled();
  }
  return user;
}

/** `AuthenticateMe` (§5.4): a session, or the TFA/SMS challenge with its confirm cookie. */
export function passwordSignIn(ctx: Ctx, body: Record<string, unknown>): SignInOutcome {
  const st = ctx.state;
  const user = checkCredentials(ctx, body);
  const ip = requestIp(ctx);
  if (st.smsApplies(user, ip)) {
    return { kind: 'sms', user, confirmUrl: confirmUrl(ctx, 'PhoneActivation', user.id) };
  }
  if (st.appApplies(user, ip)) {
    if (st.isEnrolled(user.id)) {
      issueConfirmKey(ctx, user, 'TfaAuth');
      return { kind: 'tfa', user, confirmUrl: confirmUrl(ctx, 'TfaAuth', user.id) };
    }
    issueConfirmKey(ctx, user, 'TfaActivation');
    return { kind: 'tfa', user, confirmUrl: confirmUrl(ctx, 'TfaActivation', user.id), tfaKey: st.ensureSecret(user.id) };
  }
  const session = prop(body, 'session') === true;
  const { token, expiresMs } = signInSession(ctx, user, session);
  return { kind: 'session', user, token, expiresMs, session };
}

const CONFIRM_TYPE_NUMBERS: Record<number, string> = { 12: 'PhoneActivation', 13: 'PhoneAuth', 15: 'TfaActivation', 16: 'TfaAuth' };

/** `version:number` as the Docker build writes it (`<PRODUCT_VERSION>.<BUILD_NUMBER>`, §10.7): both `GET settings` and `settings/version/build` carry it. */
const VERSIONS = { '3.7': '3.7.2.1234', '3.6': '3.6.1.100', '3.5': '3.5.0.1418' } as const;

export const authRoutes = {
  getAuthenticated(ctx: Ctx): unknown {
    return authenticate(ctx) !== null;
  },

  postAuthenticate(ctx: Ctx): unknown {
    const out = passwordSignIn(ctx, jsonBody(ctx));
    switch (out.kind) {
      case 'session':
        return { token: out.token, expires: out.session ? ZERO_DATE : apiDate(out.expiresMs), sms: false, tfa: false };
      case 'tfa':
        return { expires: ZERO_DATE, sms: false, tfa: true, tfaKey: out.tfaKey, confirmUrl: out.confirmUrl };
      case 'sms':
        return { expires: ZERO_DATE, sms: true, tfa: false, confirmUrl: out.confirmUrl };
    }
  },

  /** `AuthenticateMeFromBodyWithCode`: any failure after the password check is 401. */
  async postAuthenticateWithCode(ctx: Ctx): Promise<unknown> {
    const st = ctx.state;
    const body = jsonBody(ctx);
    const user = checkCredentials(ctx, body);
    try {
      if (st.smsApplies(user, requestIp(ctx)) || !st.appApplies(user, requestIp(ctx))) {
        // SMS codes are not emulated; no TFA at all → SecurityException("Auth code is not available").
        throw new ApiError(403, 'Auth code is not available');
      }
      const { token } = await validateCode(ctx, user, str(prop(body, 'code')), null);
      return { token, expires: apiDate(st.now() + 365 * 24 * 3600 * 1000), sms: false, tfa: true };
    } catch {
      ctx.setCookies.length = 0;
      throw errors.authFailed();
    }
  },

  postLogout(ctx: Ctx): unknown {
    const caller = authenticate(ctx);
    if (caller?.token) {
      ctx.state.dropSession(caller.token);
    }
    clearCookie(ctx, AUTH_COOKIE);
    return null;
  },

  postConfirm(ctx: Ctx): unknown {
    const st = ctx.state;
    const body = jsonBody(ctx);
    const rawType = prop(body, 'type');
    const type =
      typeof rawType === 'number'
        ? CONFIRM_TYPE_NUMBERS[rawType]
        : ['TfaActivation', 'TfaAuth', 'PhoneActivation', 'PhoneAuth'].find((t) => t.toLowerCase() === str(rawType).toLowerCase());
    const uid = str(prop(body, 'uiD'));
    const key = str(prop(body, 'key')) || (type ? ctx.cookies[confirmCookie(type)] : undefined);
    let result = 1;
    if ((type === 'TfaActivation' || type === 'TfaAuth') && key) {
      result = { ok: 0, invalid: 1, expired: 2 }[st.confirmKeys.check(uid, type, key, st.now())];
    }
    return st.version === '3.7' ? { result, isAgent: false } : { result };
  },

  getCapabilities(): unknown {
    return { ldapEnabled: false, ldapDomain: '', providers: [], ssoLabel: '', ssoUrl: '', oauthEnabled: false, identityServerEnabled: false };
  },

  getBuild(ctx: Ctx): unknown {
    return { docSpace: VERSIONS[ctx.state.version], documentServer: '9.0.3.45' };
  },

  /** SIMPLIFIED: the fields of §10.6 with fixed, illustrative values (one standalone tenant, no plugins or firebase). */
  getSettings(ctx: Ctx): unknown {
    const st = ctx.state;
    const caller = authenticate(ctx);
    const is37 = st.version === '3.7';
    const common = {
      trustedDomainsType: caller ? 1 : 0,
      culture: st.culture,
      utcOffset: '00:00:00',
      utcHoursOffset: 0,
      greetingSettings: 'Emulated DocSpace',
      ownerId: caller ? st.owner.id : '00000000-0000-0000-0000-000000000000',
      docSpace: true,
      standalone: true,
      isAmi: false,
      baseDomain: new URL(ctx.origin).hostname,
      version: VERSIONS[st.version],
      recaptchaType: 0,
      debugInfo: false,
      tenantStatus: 0,
      tenantAlias: 'localhost',
      enableAdmMess: false,
      displayAbout: true,
      cookieSettingsEnabled: false,
      limitedAccessSpace: false,
      limitedAccessDevToolsForUsers: false,
      displayBanners: false,
      aiEnabled: is37 ? false : undefined,
      userNameRegex: "^[\\p{L}\\p{M}' \\-]+$",
      deepLink: { androidPackageName: '', url: '', iosPackageId: '' },
      maxImageUploadSize: caller ? 1048576 : 0,
      logoText: 'ONLYOFFICE',
      externalResources: {},
      defaultFolderType: is37 ? 0 : undefined,
      externalDbEnabled: is37 ? false : undefined,
    };
    if (!caller) {
      return {
        ...common,
        enabledJoin: false,
        thirdpartyEnable: false,
        passwordHash: { size: 256, iterations: 100000, salt: '4d1b8ac3b8ff5a5c2c9e4f3f0a1e2d3c' },
      };
    }
    return {
      ...common,
      timezone: 'UTC',
      trustedDomains: [],
      nameSchemaId: 'Default',
      domainValidator: { regex: '^[a-z0-9]([a-z0-9-]){1,98}[a-z0-9]$', minLength: 3, maxLength: 100 },
      zendeskKey: '',
      tagManagerId: '',
      socketUrl: '/socket.io',
      plugins: { enabled: false, upload: false, delete: false },
      invitationLimit: 0,
    };
  },
};
