// What the emulated Navixy Admin Panel checks before an action runs: the emulated clock, the rate limit,
// sessions (sign-in, hash, expiry, logout) and the errors a test forces.
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { DemoOperator } from './demo';
import { PanelFail } from './errors';
import type { ForcedError, NavixyPanelOptions } from './types';

const HASH = /^[0-9a-f]{32}$/;

export class Gate {
  readonly sessions = new Map<string, { login: string; createdAt: number; ended: boolean }>();
  private readonly windows = new Map<string, number[]>();
  private forced: (ForcedError & { left: number; pass: number }) | null = null;
  rateLimit = 50;
  clockOffset = 0;

  constructor(private readonly opts: NavixyPanelOptions, private readonly lifetime: number) {}

  reset(): void {
    this.rateLimit = this.opts.rateLimitPerSecond ?? 50;
    this.clockOffset = 0;
    this.sessions.clear();
    this.windows.clear();
    this.forced = null;
  }

  now(): number {
    return Date.now() + this.clockOffset;
  }

  setRateLimit(perSecond: number): void {
    this.rateLimit = perSecond;
    this.windows.clear();
  }

  force(e: ForcedError | null): void {
    this.forced = e ? { ...e, left: e.times ?? Infinity, pass: e.after ?? 0 } : null;
  }

  live(): number {
    return [...this.sessions.values()].filter((s) => !s.ended && this.now() - s.createdAt < this.lifetime).length;
  }

  /** The hash the request presents: `Authorization: NVX <hash>`, else a `hash` parameter. */
  static hashOf(body: Record<string, unknown>, req: IncomingMessage): string | undefined {
    const header = req.headers.authorization;
    if (header) return /^NVX (\S+)$/.exec(header)?.[1] ?? header;
    return typeof body.hash === 'string' ? body.hash : undefined;
  }

  /** The session and its operator: code 3 without a well-formed hash, 4 for one not issued, ended or expired. */
  sessionOf(body: Record<string, unknown>, req: IncomingMessage, operators: readonly DemoOperator[]): { hash: string; operator: DemoOperator } {
    const hash = Gate.hashOf(body, req);
    if (!hash || !HASH.test(hash)) throw new PanelFail(3);
    const s = this.sessions.get(hash);
    if (!s || s.ended || this.now() - s.createdAt >= this.lifetime) throw new PanelFail(4);
    const operator = operators.find((o) => o.login === s.login);
    if (!operator) throw new PanelFail(4);
    return { hash, operator };
  }

  /** Throws the forced error if this request is one it should hit. */
  takeForced(action: string): void {
    const f = this.forced;
    if (!f) return;
    const matches = f.action ? f.action === action : action !== 'panel/account/auth';
    if (!matches) return;
    if (f.pass > 0) {
      f.pass -= 1;
      return;
    }
    if (f.left > 0) {
      f.left -= 1;
      if (f.left <= 0) this.forced = null;
      throw new PanelFail(f.code, f.errors);
    }
  }

  /** True when this request is over the limit; otherwise it is counted. */
  limited(key: string): boolean {
    if (!Number.isFinite(this.rateLimit)) return false;
    const t = this.now();
    let w = this.windows.get(key);
    if (!w) this.windows.set(key, (w = []));
    while (w.length > 0 && w[0]! <= t - 1000) w.shift();
    if (w.length >= this.rateLimit) return true;
    w.push(t);
    return false;
  }

  /** `panel/account/auth`. */
  signIn(body: Record<string, unknown>, operators: readonly DemoOperator[]): Record<string, unknown> {
    this.takeForced('panel/account/auth');
    const login = typeof body.login === 'number' ? String(body.login) : body.login;
    const errors = [
      ...(typeof login === 'string' && login !== '' ? [] : [{ parameter: 'login', error: 'Required string' }]),
      ...(typeof body.password === 'string' && body.password !== '' ? [] : [{ parameter: 'password', error: 'Required string' }]),
    ];
    if (errors.length) throw new PanelFail(7, errors);
    const operator = operators.find((o) => o.login === login);
    if (!operator) throw new PanelFail(12);
    if (operator.password !== body.password) throw new PanelFail(this.opts.wrongPasswordCode ?? 12);
    if (operator.blocked) throw new PanelFail(11);
    let hash: string;
    do hash = randomBytes(16).toString('hex');
    while (this.sessions.has(hash));
    this.sessions.set(hash, { login: operator.login, createdAt: this.now(), ended: false });
    return this.opts.authPermissions === false ? { hash } : { hash, permissions: structuredClone(operator.permissions) };
  }
}
