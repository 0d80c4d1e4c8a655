// The actions of the emulated Navixy Admin Panel: which paths exist (every operation of the official spec),
// which of them the emulator implements and the permission each needs, and the MFA write and user read.
import { DEALER_ID, type MfaSettings, type StoredUser } from './demo';
import { invalid, PanelFail } from './errors';
import { intParam, isParameterError, parseSettings, parseTarget } from './params';
import { UserBook } from './users';

/** Every operation of [SPEC] (Admin_Panel.json v1.2.0 `paths`, all `POST`), without the leading slash. */
export const SPEC_ACTIONS = [
  'panel/account/auth', 'panel/account/get_permissions', 'panel/account/logout', 'panel/dealer/get_info',
  'panel/dealer/activation_code/create', 'panel/dealer/activation_code/list', 'panel/dealer/activation_code/update',
  'panel/dealer/password/update', 'panel/dealer/settings/image/upload', 'panel/dealer/settings/image/delete',
  'panel/dealer/settings/notification/read', 'panel/dealer/settings/notification/update',
  'panel/dealer/settings/service/read', 'panel/dealer/settings/service/update', 'panel/timezone/list',
  'panel/order/read', 'panel/gateways/email/list', 'panel/subpaas/list', 'panel/subpaas/read', 'panel/subpaas/create',
  'panel/subpaas/update', 'panel/subpaas/password/change', 'panel/subpaas/session/create', 'panel/tariff/list',
  'panel/tariff/read', 'panel/tariff/create', 'panel/tariff/update', 'panel/tariff/defaults/read',
  'panel/tariff/defaults/update', 'panel/user/list', 'panel/user/read', 'panel/user/export',
  'panel/user/change_password', 'panel/user/corrupt', 'panel/user/session/create', 'panel/user/transaction/list',
  'panel/user/transaction/change_balance', 'panel/user/create', 'panel/user/update', 'panel/user/upload',
  'panel/user/menu/preset/list', 'panel/user/menu/preset/create', 'panel/user/menu/preset/update',
  'panel/user/menu/preset/delete', 'panel/user/menu/preset/assign', 'panel/user/menu/item/list',
  'panel/user/mfa/settings/update', 'panel/user/mfa/settings/default/read', 'panel/user/mfa/settings/default/update',
  'panel/tracker/list', 'panel/tracker/read', 'panel/tracker/clone', 'panel/tracker/batch_clone',
  'panel/tracker/delete_clone', 'panel/tracker/batch_delete_clones', 'panel/tracker/corrupt', 'panel/tracker/move',
  'panel/tracker/register_retry', 'panel/tracker/settings/update', 'panel/tracker/source/update',
  'panel/tracker/tariff/change', 'panel/tracker/console/connect', 'panel/tracker/active/history/list',
  'panel/tracker/raw_command/send',
] as const;

/** The actions this emulator implements, and the `users` permission each needs (none: a valid session is enough). */
export const ACTIONS = {
  'panel/account/auth': null,
  'panel/account/logout': null,
  'panel/account/get_permissions': null,
  'panel/user/list': 'read',
  'panel/user/read': 'read',
  'panel/user/mfa/settings/update': 'update',
  'panel/user/mfa/settings/default/read': 'read',
  'panel/user/mfa/settings/default/update': 'update',
} as const satisfies Partial<Record<(typeof SPEC_ACTIONS)[number], 'read' | 'update' | null>>;
export type PanelAction = keyof typeof ACTIONS;

const SPEC = new Set<string>(SPEC_ACTIONS);
const HANDLERS = new Set(SPEC_ACTIONS.map((a) => a.slice(0, a.lastIndexOf('/'))));

export const implemented = (action: string): action is PanelAction => action in ACTIONS;

/** Refuses a path the spec lacks: an unknown handler (code 111) or an unknown action of a known handler (112). */
export function checkPath(action: string): void {
  if (SPEC.has(action)) return;
  throw new PanelFail(HANDLERS.has(action.slice(0, action.lastIndexOf('/'))) ? 112 : 111);
}

export interface WriteOptions {
  allSkipsDemoUser: boolean;
  partialBatch: boolean;
}

/** `panel/user/mfa/settings/update`. */
export function updateMfa(book: UserBook, body: Record<string, unknown>, known: readonly string[], opts: WriteOptions): Record<string, unknown> {
  const target = parseTarget(body.target);
  const settings = parseSettings(body.settings, known);
  if (isParameterError(target) || isParameterError(settings)) throw new PanelFail(7, [target, settings].filter(isParameterError));
  if (target.type === 'all') {
    for (const u of book.own) if (!(opts.allSkipsDemoUser && u.demo)) u.mfa = structuredClone(settings);
    return {};
  }
  const picked = target.ids.map((id) => book.byId.get(id));
  const ours = (u: StoredUser | undefined): u is StoredUser => !!u && u.dealer_id === DEALER_ID;
  if (!picked.every(ours)) {
    if (opts.partialBatch) for (const u of picked.filter(ours)) u.mfa = structuredClone(settings);
    throw new PanelFail(201);
  }
  for (const u of picked) u.mfa = structuredClone(settings);
  return {};
}

/** `panel/user/read` ([SPEC] `userRead`): the user and four siblings; another dealer's user or an unknown id is 201. */
export function readUser(book: UserBook, body: Record<string, unknown>, defaults: MfaSettings | null): Record<string, unknown> {
  const id = intParam(body, 'user_id', 1);
  if (id === undefined) throw invalid('user_id', 'Required integer');
  const u = book.byId.get(id);
  if (!u || u.dealer_id !== DEALER_ID) throw new PanelFail(201);
  return {
    value: UserBook.wire(u, defaults),
    discount: null,
    default_tariff_id: null,
    block_parameters: null,
    dealer_mfa_settings: defaults ? structuredClone(defaults) : null,
  };
}
