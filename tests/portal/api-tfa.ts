// The nine TFA endpoints (§2) and the shared validate / confirm logic.
import {
  type Caller,
  type Ctx,
  clearCookie,
  confirmAuth,
  confirmCookie,
  jsonBody,
  requestIp,
  requireCaller,
  setCookie,
  signInSession,
} from './context';
import type { DemoUser } from './demo';
import { tfaSettingsDto } from './dto';
import { qrBmpLabelledPngDataUrl } from './png';
import type { TfaSettings } from './state';
import { type ConfirmType, totpMatches } from './tfa';
import { EMPTY_GUID, GUID_RE, ValidationError, errors, prop } from './wire';

/**
 * `Tenant.GetTenantDomain`, the issuer of the portal's own QR (TfaManager.cs `GenerateSetupCodeAsync`, §12.4): the
 * emulator plays a single-tenant standalone server (`GET settings` says `tenantAlias: "localhost"`), where it is "localhost".
 */
export const tenantDomain = (): string => 'localhost';

export function confirmUrl(ctx: Ctx, type: string, uid: string): string {
  const url = `${ctx.origin}/confirm/${type}?type=${type}&uid=${uid}`;
  return ctx.state.rewriteLink ? ctx.state.rewriteLink(url) : url;
}

/** Issues a confirm key for `type`, sets `asc_confirm_key_<type>`, returns the key. */
export function issueConfirmKey(ctx: Ctx, user: DemoUser, type: ConfirmType): string {
  const key = ctx.state.confirmKeys.make(user.id, type, ctx.state.now());
  setCookie(ctx, confirmCookie(type), key);
  return key;
}

/**
 * `GetTfaConfirmData` for `user` (§2.4); null when no TFA applies. SIMPLIFIED: `TfaExpiredAndResetAsync` (the reset
 * of an old enrolment after a disable/enable cycle, read from the audit trail) is not emulated: per-user app
 * settings survive a disable and a re-enable untouched (§12.5), so a `tfaAppEnabled: true` seen before a disable is
 * still true after it here, where a real portal may wipe it at that person's next sign-in. The SMS link is always
 * PhoneActivation, even for an account with `phoneActivated` (which only drives `mobilePhoneActivationStatus`).
 */
export function tfaConfirmData(ctx: Ctx, user: DemoUser): { url: string; cookieName?: string; cookieValue?: string } | null {
  const st = ctx.state;
  const ip = requestIp(ctx);
  if (st.smsApplies(user, ip)) {
    return { url: confirmUrl(ctx, 'PhoneActivation', user.id) };
  }
  if (!st.appApplies(user, ip)) {
    return null;
  }
  const type: ConfirmType = st.isEnrolled(user.id) ? 'TfaAuth' : 'TfaActivation';
  const key = issueConfirmKey(ctx, user, type);
  return { url: confirmUrl(ctx, type, user.id), cookieName: confirmCookie(type), cookieValue: key };
}

/**
 * `ValidateAuthCodeAsync` (§2.6): false without a cookie when the policy is off; otherwise signs the user
 * in and returns whether this was the first activation. Throws the portal's errors.
 */
export async function validateCode(
  ctx: Ctx,
  user: DemoUser,
  rawCode: string,
  type: ConfirmType | null,
  session = false,
): Promise<{ first: boolean; token?: string }> {
  const st = ctx.state;
  if (!st.app.enable) {
    return { first: false };
  }
  const code = rawCode.trim();
  if (!code) {
    throw errors.emptyCode();
  }
  const attemptKey = st.codeAttemptKey(user.id);
  if (!st.codeAttempts.increment(attemptKey, st.now())) {
    throw errors.tooManyCodes();
  }
  const ok = (await totpMatches(st.ensureSecret(user.id), code, st.now())) || st.useBackupCode(user.id, code);
  if (!ok) {
    throw errors.incorrectCode();
  }
  st.codeAttempts.decrement(attemptKey, st.now());
  const { token } = signInSession(ctx, user, session);
  const first = !st.isEnrolled(user.id);
  if (first) {
    st.newBackupCodes(user.id);
  }
  if (type && ctx.cookies[confirmCookie(type)] !== undefined) {
    clearCookie(ctx, confirmCookie(type));
  }
  return { first, token };
}

type TfaType = 'none' | 'sms' | 'app';

interface TfaRequest {
  type: TfaType;
  id: string;
  trustedIps: string[];
  mandatoryUsers: string[];
  mandatoryGroups: string[];
}

const TYPE_NAMES: Record<string, TfaType> = { none: 'none', sms: 'sms', app: 'app', '0': 'none', '1': 'sms', '2': 'app' };

function bad(path: string, what: string): ValidationError {
  return new ValidationError({ [`$.${path}`]: [`The JSON value could not be converted to ${what}. Path: $.${path}.`] });
}

function parseType(v: unknown): TfaType {
  if (v === undefined || v === null) {
    return 'none';
  }
  if (typeof v === 'number' && Number.isInteger(v)) {
    return TYPE_NAMES[String(v)] ?? 'none';
  }
  if (typeof v === 'string' && TYPE_NAMES[v.trim().toLowerCase()]) {
    return TYPE_NAMES[v.trim().toLowerCase()] ?? 'none';
  }
  throw bad('type', 'ASC.Web.Api.ApiModels.RequestsDto.TfaRequestsDtoType');
}

function parseGuid(v: unknown, path: string): string {
  if (v === undefined || v === null) {
    return EMPTY_GUID;
  }
  if (typeof v === 'string' && GUID_RE.test(v.trim())) {
    return v.trim().toLowerCase();
  }
  throw bad(path, 'System.Guid');
}

function parseList(v: unknown, path: string, guids: boolean): string[] {
  if (v === undefined || v === null) {
    return [];
  }
  if (!Array.isArray(v)) {
    throw bad(path, guids ? 'System.Collections.Generic.List`1[System.Guid]' : 'System.Collections.Generic.List`1[System.String]');
  }
  return v.map((item, i) => {
    if (guids) {
      return parseGuid(item, `${path}[${i}]`);
    }
    if (typeof item !== 'string') {
      throw bad(`${path}[${i}]`, 'System.String');
    }
    return item;
  });
}

export function parseTfaRequest(body: Record<string, unknown>): TfaRequest {
  return {
    type: parseType(prop(body, 'type')),
    id: parseGuid(prop(body, 'id'), 'id'),
    trustedIps: parseList(prop(body, 'trustedIps'), 'trustedIps', false),
    mandatoryUsers: parseList(prop(body, 'mandatoryUsers'), 'mandatoryUsers', true),
    mandatoryGroups: parseList(prop(body, 'mandatoryGroups'), 'mandatoryGroups', true),
  };
}

const defaults = (): TfaSettings => ({ enable: false, trustedIps: null, mandatoryUsers: null, mandatoryGroups: null });

/**
 * `UpdateTfaSettings` (§2.2). The owner guard: v3.7 refuses when `id` is the owner or the mandatory users name
 * the owner, and `id` is not the caller; v3.6.1 has no guard on `tfaapp` and only `id == owner && id != caller`
 * on `tfaappwithlink` (§11.3). Switching the method writes `new T()` for the one switched off (TfaSettingsBase
 * SetEnable(false)): its lists are gone; a method that was not on keeps whatever it held.
 */
function updateTfaSettings(ctx: Ctx, caller: Caller, dto: TfaRequest, withLink: boolean): boolean {
  const st = ctx.state;
  if (!st.isAdmin(caller.user)) {
    throw errors.notAuthorized();
  }
  const ownerId = st.owner.id.toLowerCase();
  const ownerTargeted = st.version === '3.7'
    ? dto.id === ownerId || dto.mandatoryUsers.includes(ownerId)
    : withLink && dto.id === ownerId;
  if (ownerTargeted && dto.id !== caller.user.id.toLowerCase()) {
    throw errors.noPermissions();
  }
  const lists = { trustedIps: dto.trustedIps, mandatoryUsers: dto.mandatoryUsers, mandatoryGroups: dto.mandatoryGroups };
  const switchOff = (current: TfaSettings): TfaSettings => (current.enable ? defaults() : current);
  if (dto.type === 'app') {
    st.app = { enable: true, ...lists };
    st.sms = st.smsInPlan && st.smsAvailable ? switchOff(st.sms) : st.sms;
  } else if (dto.type === 'sms') {
    // IsVisibleAndAvailableSettingsAsync first (SmsNotAvailable, translated), then the provider (a parameterless
    // InvalidOperationException: .NET's own words).
    if (!st.smsInPlan) {
      throw errors.smsNotAvailable();
    }
    if (!st.smsAvailable) {
      throw errors.invalidState();
    }
    st.sms = { enable: true, ...lists };
    st.app = switchOff(st.app);
  } else {
    st.app = switchOff(st.app);
    st.sms = st.smsInPlan && st.smsAvailable ? switchOff(st.sms) : st.sms;
    return false;
  }
  st.dropAllSessions();
  return true;
}

export const tfaRoutes = {
  /** `GET settings/security/loginSettings` (SecurityController.GetLoginSettings): EditPortalSettings, i.e. admins. */
  getLoginSettings(ctx: Ctx): unknown {
    const caller = requireCaller(ctx);
    if (!ctx.state.isAdmin(caller.user)) {
      throw errors.notAuthorized();
    }
    const limit = ctx.state.attemptLimit;
    return { attemptCount: limit, blockTime: 60, checkPeriod: 60, isDefault: limit === 5 };
  },

  getSettings(ctx: Ctx): unknown {
    requireCaller(ctx);
    const st = ctx.state;
    return [
      tfaSettingsDto(ctx, 'sms', st.sms, st.sms.enable && st.smsAvailable, st.smsAvailable),
      tfaSettingsDto(ctx, 'app', st.app, st.app.enable, true),
    ];
  },

  putSettings(ctx: Ctx): unknown {
    const caller = requireCaller(ctx);
    return updateTfaSettings(ctx, caller, parseTfaRequest(jsonBody(ctx)), false);
  },

  putSettingsWithLink(ctx: Ctx): unknown {
    const caller = requireCaller(ctx);
    if (!updateTfaSettings(ctx, caller, parseTfaRequest(jsonBody(ctx)), true)) {
      return '';
    }
    const data = tfaConfirmData(ctx, caller.user);
    if (!data) {
      // 3.7: `var data = await GetTfaConfirmData(); return data.Url;` with data null (the caller is exempt) → HTTP 500
      // NullReferenceException, after the save and the sign-out of every session. ≤3.6.1 returns GetTfaConfirmUrl()'s "".
      if (ctx.state.version === '3.7') {
        throw errors.nullReference();
      }
      return '';
    }
    return data.url;
  },

  getConfirm(ctx: Ctx): unknown {
    const caller = requireCaller(ctx);
    const data = tfaConfirmData(ctx, caller.user);
    // ≤3.6.1 (3.5.0 too): `Task<string> GetTfaConfirmUrl()`, the bare URL; the object form came in 3.7.1 (§12.3).
    if (ctx.state.version !== '3.7') {
      return data?.url ?? '';
    }
    return data;
  },

  getSetup(ctx: Ctx): unknown {
    const { user } = confirmAuth(ctx, ['TfaActivation']);
    const st = ctx.state;
    if (!st.app.enable || st.isEnrolled(user.id)) {
      throw errors.notAvailable();
    }
    const key = st.ensureSecret(user.id);
    const account = encodeURI(user.email).replace(/\s+/g, '');
    const issuer = encodeURIComponent(tenantDomain());
    const uri = `otpauth://totp/${issuer}:${account}?secret=${key}&issuer=${issuer}`;
    return { account, manualEntryKey: key, qrCodeSetupImageUrl: qrBmpLabelledPngDataUrl(uri) };
  },

  async postValidate(ctx: Ctx): Promise<unknown> {
    const st = ctx.state;
    const { user, type } = confirmAuth(ctx, ['TfaActivation', 'TfaAuth'], st.version !== '3.7');
    const body = jsonBody(ctx);
    const code = prop(body, 'code');
    if (code === undefined || code === null) {
      throw new ValidationError({
        $: ["JSON deserialization for type 'ASC.Web.Api.ApiModels.RequestsDto.TfaValidateRequestsDto' was missing required properties, including the following: code"],
      });
    }
    if (typeof code !== 'string') {
      throw bad('code', 'System.String');
    }
    const session = st.version === '3.7' && prop(body, 'session') === true;
    return (await validateCode(ctx, user, code, type, session)).first;
  },

  getCodes(ctx: Ctx): unknown {
    const { user } = requireCaller(ctx);
    const st = ctx.state;
    if (!st.app.enable || !st.isEnrolled(user.id)) {
      throw errors.notAvailable();
    }
    return st.backupCodes(user.id).map((c) => ({ isUsed: c.isUsed, code: c.code }));
  },

  putNewCodes(ctx: Ctx): unknown {
    const { user } = requireCaller(ctx);
    const st = ctx.state;
    if (!st.isEnrolled(user.id)) {
      throw errors.notAvailable();
    }
    return st.newBackupCodes(user.id).map((c) => ({ isUsed: c.isUsed, code: c.code }));
  },

  /**
   * `UnlinkTfaApp` (TfaappController.cs; the same in v3.5.0, v3.6.1 and master), its checks in its order:
   * 1. not me and no `Action_EditUser` on the target → InvalidOperationException(ErrorAccessDenied);
   * 2. not me and not the tenant owner → the same;
   * 3. app TFA not visible or the target not enrolled (`EnableForUserAsync`) → TfaAppNotAvailable;
   * 4. the target an outsider or `Status == Terminated` → InvalidOperationException("Not available.").
   * So a disabled account with an app gets "Not available.", and one without gets TfaAppNotAvailable (§12.4).
   * SIMPLIFIED: `Action_EditUser` is modelled as "the caller is an admin or the owner"; the emulator has no outsiders.
   */
  putNewApp(ctx: Ctx): unknown {
    const caller = requireCaller(ctx);
    const st = ctx.state;
    const id = parseGuid(prop(jsonBody(ctx), 'id'), 'id');
    const isMe = id === EMPTY_GUID || id === caller.user.id.toLowerCase();
    // An empty id resolves to LostUser (never enrolled); an unknown id too.
    const target = id === EMPTY_GUID ? undefined : st.findUser(id);
    if (!isMe && !st.isAdmin(caller.user)) {
      throw errors.noPermissions();
    }
    if (!isMe && caller.user.role !== 'owner') {
      throw errors.noPermissions();
    }
    if (!target || !st.isEnrolled(target.id)) {
      throw errors.notAvailable();
    }
    if (target.terminated) {
      throw errors.notAvailableDot();
    }
    st.wipeEnrolment(target.id);
    st.dropUserSessions(target.id);
    // SIMPLIFIED: no "TFA reset" e-mail (SendMsgTfaResetAsync), audit event or socket update.
    if (isMe) {
      signInSession(ctx, target);
      issueConfirmKey(ctx, target, 'TfaActivation');
      return confirmUrl(ctx, 'TfaActivation', target.id);
    }
    return '';
  },
};
