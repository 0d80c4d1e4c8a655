import type { AppError } from '../errors';
import { err, ok, type Result } from '../result';
import { navixyRequest, type NavixyTransport } from './http';
import {
  AuthSchema, DefaultReadSchema, SuccessSchema, UserListSchema, type MfaSettings, type PanelUser, type UpdateTarget,
} from './schemas';

/** Users per `panel/user/list` page, and the most the client reads in total. */
export const USER_PAGE = 1000;
export const MAX_USERS = 20_000;

/** One function per Navixy Admin Panel action the extension uses; each returns a Result, none throws. */
export function createNavixyClient(t: NavixyTransport) {
  return {
    /** `panel/account/auth`: login and password are sent once; only the returned hash is kept. */
    signIn: async (login: string, password: string): Promise<Result<string, AppError>> => {
      const r = await navixyRequest({ ...t, hash: undefined }, 'panel/account/auth', { login, password }, AuthSchema);
      return r.ok ? ok(r.value.hash) : r;
    },
    /** Every user of the dealer, page by page (`limit`/`offset`), in id order as the panel gives them. */
    listUsers: async (): Promise<Result<{ users: PanelUser[]; count: number }, AppError>> => {
      const users: PanelUser[] = [];
      let count = 0;
      for (let offset = 0; offset < MAX_USERS; offset += USER_PAGE) {
        const page = await navixyRequest(t, 'panel/user/list', { offset, limit: USER_PAGE }, UserListSchema);
        if (!page.ok) return page;
        users.push(...page.value.list);
        count = page.value.count;
        if (page.value.list.length < USER_PAGE || users.length >= count) break;
      }
      if (users.length > count) return err({ kind: 'badResponse', origin: t.panel, where: 'POST panel/user/list' });
      return ok({ users, count });
    },
    /** `panel/user/mfa/settings/update`. Callers split selections into batches of at most 100 ids. */
    updateMfa: async (target: UpdateTarget, settings: MfaSettings): Promise<Result<true, AppError>> => {
      const r = await navixyRequest(t, 'panel/user/mfa/settings/update', { target, settings }, SuccessSchema);
      return r.ok ? ok(true) : r;
    },
    /** `panel/user/mfa/settings/default/read`; `null` when the panel holds no default. */
    readDefault: async (): Promise<Result<MfaSettings | null, AppError>> => {
      const r = await navixyRequest(t, 'panel/user/mfa/settings/default/read', {}, DefaultReadSchema);
      return r.ok ? ok(r.value.value ?? null) : r;
    },
    updateDefault: async (settings: MfaSettings): Promise<Result<true, AppError>> => {
      const r = await navixyRequest(t, 'panel/user/mfa/settings/default/update', { settings }, SuccessSchema);
      return r.ok ? ok(true) : r;
    },
  };
}
export type NavixyClient = ReturnType<typeof createNavixyClient>;
