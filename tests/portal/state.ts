// In-memory state of the emulated portal: users, groups, policy, sessions, enrolment.
import { createHash, randomBytes } from 'node:crypto';
import { type DemoGroup, type DemoUser, ROLE_EMAILS, SYSTEM_GROUPS, demoGroups, demoUsers } from './demo';
import { bigGroups, bigPolicy, bigUsers } from './big';
import { TieOrder } from './order';
import { trustedIpExempts } from './dotnet-ip';
import { AttemptCounter, BACKUP_COUNT, BACKUP_LENGTH, TfaCodeCounter, type BackupCode, ConfirmKeys, newBackupCodes, newSalt, quickBackupCodes, secretFromSalt } from './tfa';

/** 3.5 answers as 3.6 does on every TFA route (`git diff v3.5.0-server v3.6.1-server` of TfaappController.cs is whitespace only); only its version string differs. */
export type PortalVersion = '3.5' | '3.6' | '3.7';

/** `TfaAppAuthSettings` / `StudioSmsNotificationSettings` (§2). Lists are null until a PUT enables. */
export interface TfaSettings {
  enable: boolean;
  trustedIps: string[] | null;
  mandatoryUsers: string[] | null;
  mandatoryGroups: string[] | null;
}

export interface StateOptions {
  version?: PortalVersion;
  latencyMs?: number;
  clockOffsetMs?: number;
  smsAvailable?: boolean;
  attemptWindowMs?: number;
  /** Load the big portal (tests/portal/big.ts): 5,000 more users, 300 groups, a policy naming thousands; reset() keeps it. */
  big?: boolean;
  /**
   * false: a portal older than v3.1.1, where `EmployeeFullDto` has no `TfaAppEnabled` (§12.5): the field is never
   * sent, to anyone. Default true; reset() goes back to this value.
   */
  tfaAppField?: boolean;
}

interface Enrolment {
  salt: number | null;
  codes: BackupCode[];
}

const defaultSettings = (): TfaSettings => ({ enable: false, trustedIps: null, mandatoryUsers: null, mandatoryGroups: null });

export class PortalState {
  version: PortalVersion;
  latencyMs: number;
  clockOffsetMs: number;
  smsAvailable: boolean;
  /**
   * `IsVisibleAndAvailableSettingsAsync` for SMS (StudioSmsNotificationSettings.cs): shown by config and in the
   * portal's plan (standalone, or a paid cloud plan). When false, `PUT tfaapp` with type Sms answers SmsNotAvailable.
   * SIMPLIFIED: only the policy save reads it; sign-in and `tfaapp/confirm` look at `smsAvailable` alone, and the
   * sms entry of `GET tfaapp` is always listed (the default config hides neither method). reset(): true.
   */
  smsInPlan = true;
  attemptWindowMs: number;
  /** The connection address the portal sees (Connection.RemoteIpAddress); a request may claim another (requestIp). */
  clientIp = '127.0.0.1';
  /** The portal's language (`GET settings` culture); the language of errors to callers with none of their own (§11.1). */
  culture = 'en-US';
  /** Rewrites every confirm/activation link the portal hands out (tests of hostile links); null: the real links. */
  rewriteLink: ((url: string) => string) | null = null;
  /** How `people/filter` and `GET group` order rows with equal sort keys (order.ts); reset() restores the default seed. */
  readonly tieOrder = new TieOrder();
  readonly big: boolean;
  /** Whether `EmployeeFullDto` carries `tfaAppEnabled` at all (false: a portal older than v3.1.1, §12.5). */
  tfaAppField: boolean;
  private readonly tfaAppFieldDefault: boolean;
  readonly users: DemoUser[] = demoUsers();
  readonly groups: DemoGroup[] = demoGroups();
  app: TfaSettings = defaultSettings();
  /** Users by lower-case id and e-mail: a big portal looks users up on every request. */
  private readonly userIndex = new Map<string, DemoUser>();
  sms: TfaSettings = defaultSettings();
  readonly confirmKeys = new ConfirmKeys();
  /** TFA code attempts per user (`tfa/<userId>`, §11.3); the limit is LoginSettings.AttemptCount, admin-configurable, default 5. */
  readonly codeAttempts = new TfaCodeCounter(() => this.attemptLimit, () => this.attemptWindowMs);
  /** LoginSettings.AttemptCount. */
  attemptLimit = 5;
  /** `web.tfaapp.backup.count` and `web.tfaapp.backup.length` (SetupInfo.cs, defaults 5 and 6): server settings, not constants. */
  backupCodeCount = BACKUP_COUNT;
  backupCodeLength = BACKUP_LENGTH;
  /** Password attempts, key `<login>/<ip>`. */
  readonly loginAttempts = new AttemptCounter(() => 5, () => this.attemptWindowMs);
  private readonly sessions = new Map<string, string>();
  private readonly scopedKeys = new Map<string, { userId: string; scopes: string[] }>();
  /**
   * What the portal holds of a key besides its hash (ApiKeysDbContext.cs): a key is valid only while
   * `IsActive && (ExpiresAt == null || ExpiresAt > now)`, and a deleted key is not found at all. Keys not named here
   * are active and never expire.
   */
  private readonly keyRecords = new Map<string, { isActive: boolean; expiresAt: number | null; deleted: boolean }>();
  private readonly enrolment = new Map<string, Enrolment>();

  constructor(opts: StateOptions = {}) {
    this.version = opts.version ?? '3.7';
    this.latencyMs = opts.latencyMs ?? 0;
    this.clockOffsetMs = opts.clockOffsetMs ?? 0;
    this.smsAvailable = opts.smsAvailable ?? false;
    this.attemptWindowMs = opts.attemptWindowMs ?? 60_000;
    this.big = opts.big ?? false;
    this.tfaAppFieldDefault = opts.tfaAppField ?? true;
    this.tfaAppField = this.tfaAppFieldDefault;
    this.loadData();
  }

  /** The demo users and groups, plus the big portal's (and its policy) when asked for. */
  private loadData(): void {
    this.users.splice(0, this.users.length, ...demoUsers(), ...(this.big ? bigUsers() : []));
    this.groups.splice(0, this.groups.length, ...demoGroups(), ...(this.big ? bigGroups() : []));
    this.reindex();
    if (this.big) {
      const p = bigPolicy();
      this.app = { enable: true, trustedIps: p.trustedIps, mandatoryUsers: p.mandatoryUsers, mandatoryGroups: p.mandatoryGroups };
    }
  }

  /** More accounts (tests of big or odd lists); gone at the next reset(). */
  addUsers(users: DemoUser[]): void {
    this.users.push(...users);
    this.reindex();
  }

  private reindex(): void {
    this.userIndex.clear();
    for (const u of this.users) {
      this.userIndex.set(u.id.toLowerCase(), u);
      this.userIndex.set(u.email.toLowerCase(), u);
    }
  }

  /** The server's own clock (TOTP, confirm keys, attempt windows, Date header). */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** The key TFA code attempts are counted under: the user, not the address (TfaManager.cs, fact sheet §11.3). */
  codeAttemptKey(userId: string): string {
    return `tfa/${userId}`;
  }

  reset(): void {
    this.app = defaultSettings();
    this.sms = defaultSettings();
    this.sessions.clear();
    this.scopedKeys.clear();
    this.keyRecords.clear();
    this.enrolment.clear();
    this.codeAttempts.clear();
    this.loginAttempts.clear();
    this.clientIp = '127.0.0.1';
    this.culture = 'en-US';
    this.attemptLimit = 5;
    this.smsInPlan = true;
    this.backupCodeCount = BACKUP_COUNT;
    this.backupCodeLength = BACKUP_LENGTH;
    this.rewriteLink = null;
    this.tieOrder.reset();
    this.tfaAppField = this.tfaAppFieldDefault;
    this.loadData();
  }

  // ---- users and groups ----

  get owner(): DemoUser {
    const owner = this.users.find((u) => u.role === 'owner');
    if (!owner) {
      throw new Error('demo data has no owner');
    }
    return owner;
  }

  findUser(key: string): DemoUser | undefined {
    const k = key.trim().toLowerCase();
    const email = (ROLE_EMAILS as Record<string, string>)[k] ?? k;
    return this.userIndex.get(email) ?? this.users.find((u) => u.email.toLowerCase() === email || u.id.toLowerCase() === k || this.userName(u) === k);
  }

  requireUser(key: string): DemoUser {
    const u = this.findUser(key);
    if (!u) {
      throw new Error(`emulated portal: no user ${key}`);
    }
    return u;
  }

  userName(u: DemoUser): string {
    return u.email.split('@')[0] ?? u.email;
  }

  isAdmin(u: DemoUser): boolean {
    return u.role === 'owner' || u.role === 'admin';
  }

  /** `IsUserInGroupAsync`, including the system groups of §10.2. */
  inGroup(u: DemoUser, groupId: string): boolean {
    const g = groupId.toLowerCase();
    switch (g) {
      case SYSTEM_GROUPS.everyone.id:
        return true;
      case SYSTEM_GROUPS.guest.id:
        return u.role === 'guest';
      case SYSTEM_GROUPS.roomAdmin.id:
        return u.role !== 'guest' && u.role !== 'user';
      case SYSTEM_GROUPS.docSpaceAdmin.id:
        return this.isAdmin(u);
      case SYSTEM_GROUPS.user.id:
        return u.role === 'user';
      default:
        return u.groups.some((id) => id.toLowerCase() === g);
    }
  }

  // ---- policy ----

  /**
   * `TfaEnabledForUserAsync` (TfaSettingsBase.cs, §2, §12.1): mandatory groups, then mandatory users, then the
   * trusted IPs against the request's address (`requestIp`: MessageSettings.GetIP, the `request-x-real-ip`
   * query parameter before the connection address). An entry .NET cannot parse throws (HTTP 500).
   */
  private applies(s: TfaSettings, u: DemoUser, requestIp: string): boolean {
    if (!s.enable) {
      return false;
    }
    const lower = u.id.toLowerCase();
    if ((s.mandatoryGroups ?? []).some((g) => this.inGroup(u, g))) {
      return true;
    }
    if ((s.mandatoryUsers ?? []).some((m) => m.toLowerCase() === lower)) {
      return true;
    }
    return !trustedIpExempts(requestIp, s.trustedIps ?? []);
  }

  /** Whether the app policy asks `u` for a code on a request from `requestIp` (default: the connection address). */
  appApplies(u: DemoUser, requestIp: string = this.clientIp): boolean {
    return this.applies(this.app, u, requestIp);
  }

  smsApplies(u: DemoUser, requestIp: string = this.clientIp): boolean {
    return this.smsAvailable && this.applies(this.sms, u, requestIp);
  }

  // ---- sessions ----

  createSession(userId: string): string {
    const token = randomBytes(36).toString('base64');
    this.sessions.set(token, userId);
    return token;
  }

  sessionUser(token: string | undefined): DemoUser | undefined {
    const id = token ? this.sessions.get(token) : undefined;
    const u = id ? this.findUser(id) : undefined;
    return u && !u.terminated ? u : undefined;
  }

  dropSession(token: string): void {
    this.sessions.delete(token);
  }

  /**
   * `ResetTenantCookieAsync`: every session in the portal. ASSUMPTION (fact sheet §5.2, UNCONFIRMED): API keys
   * survive it, as key validation does not read the cookie indexes.
   */
  dropAllSessions(): void {
    this.sessions.clear();
  }

  /** `ResetUserCookieAsync`: all sessions of one user. */
  dropUserSessions(userId: string): void {
    for (const [token, id] of this.sessions) {
      if (id === userId) {
        this.sessions.delete(token);
      }
    }
  }

  apiKeyOf(u: DemoUser): string {
    return `sk-${createHash('sha256').update(`emulated-docspace-api-key:${u.id}`).digest('hex').slice(0, 48)}`;
  }

  /** A key expired (ExpiresAt in the past), deactivated (IsActive false) or deleted on the portal's developer tools page. */
  killApiKey(key: string, how: 'expired' | 'deactivated' | 'deleted'): void {
    const record = this.keyRecords.get(key) ?? { isActive: true, expiresAt: null, deleted: false };
    if (how === 'expired') record.expiresAt = this.now() - 1000;
    if (how === 'deactivated') record.isActive = false;
    if (how === 'deleted') record.deleted = true;
    this.keyRecords.set(key, record);
  }

  /** `ApiKeyManager.ValidateApiKeyAsync`: null (→ ApiKeyBearerAuthHandler fails → 401, empty body) unless active and unexpired. */
  private keyValid(key: string): boolean {
    const record = this.keyRecords.get(key);
    return !record || (!record.deleted && record.isActive && (record.expiresAt === null || record.expiresAt > this.now()));
  }

  apiKeyUser(key: string): DemoUser | undefined {
    if (!this.keyValid(key)) {
      return undefined;
    }
    const scoped = this.scopedKeys.get(key);
    if (scoped) {
      return this.users.find((u) => !u.terminated && u.id === scoped.userId);
    }
    return this.users.find((u) => !u.terminated && this.apiKeyOf(u) === key);
  }

  /** A key limited to `scopes` (the demo keys hold every scope). */
  scopedApiKey(u: DemoUser, scopes: string[]): string {
    const key = `sk-${createHash('sha256').update(`emulated-docspace-scoped-key:${u.id}:${scopes.join(',')}`).digest('hex').slice(0, 48)}`;
    this.scopedKeys.set(key, { userId: u.id, scopes: [...scopes] });
    return key;
  }

  /** The scopes of a key; null for a full-access key. */
  apiKeyScopes(key: string): string[] | null {
    return this.scopedKeys.get(key)?.scopes ?? null;
  }

  // ---- enrolment ----

  private enrolmentOf(userId: string): Enrolment {
    let e = this.enrolment.get(userId);
    if (!e) {
      e = { salt: null, codes: [] };
      this.enrolment.set(userId, e);
    }
    return e;
  }

  /** Enrolled iff the backup-code list is non-empty. */
  isEnrolled(userId: string): boolean {
    return (this.enrolment.get(userId)?.codes.length ?? 0) > 0;
  }

  /** The Base32 setup key; creates the salt on first use (same key until reset). */
  ensureSecret(userId: string): string {
    const e = this.enrolmentOf(userId);
    if (e.salt === null) {
      let salt = newSalt(this.now());
      const taken = new Set([...this.enrolment.values()].map((x) => x.salt));
      while (taken.has(salt)) {
        salt += 1;
      }
      e.salt = salt;
    }
    return secretFromSalt(e.salt);
  }

  secretOf(userId: string): string | null {
    const salt = this.enrolment.get(userId)?.salt ?? null;
    return salt === null ? null : secretFromSalt(salt);
  }

  backupCodes(userId: string): BackupCode[] {
    return this.enrolment.get(userId)?.codes ?? [];
  }

  newBackupCodes(userId: string): BackupCode[] {
    const e = this.enrolmentOf(userId);
    e.codes = newBackupCodes(this.backupCodeCount, this.backupCodeLength);
    return e.codes;
  }

  /** Marks an unused backup code used; true if it matched exactly. */
  useBackupCode(userId: string, code: string): boolean {
    const hit = this.backupCodes(userId).find((c) => !c.isUsed && c.code === code);
    if (hit) {
      hit.isUsed = true;
    }
    return Boolean(hit);
  }

  /**
   * An enrolment as the portal stores it after a first validated code (`TfaAppUserSettings`: salt and backup codes),
   * without going through TOTP: for tests and for the big portal's mix. No salt (no secret) until `ensureSecret`;
   * the codes are random and unused. Quick: one randomBytes call, no hashing.
   */
  enrolUser(userId: string): void {
    this.enrolmentOf(userId).codes = quickBackupCodes(this.backupCodeCount, this.backupCodeLength);
  }

  /** tfaappnewapp: codes and salt wiped, a new secret next time. */
  wipeEnrolment(userId: string): void {
    this.enrolment.delete(userId);
  }
}

/**
 * Whether a request from `ip` is exempt by `entries`, as the real server decides (tests/portal/dotnet-ip.ts,
 * IPAddressRange.cs, §11.2, §12.1): throws the server's 500 for an entry .NET cannot parse that the request reaches.
 */
export function ipTrusted(ip: string, entries: string[]): boolean {
  return trustedIpExempts(ip, entries);
}
