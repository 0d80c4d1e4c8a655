import { browser, type Browser } from 'wxt/browser';
import { assertNever, err, type Result } from '../result';
import type { AppError } from '../errors';
import { CommandSchema, type Command, type CommandOf, type CommandType, type Replies } from '../protocol';
import { logWarning } from '../log';
import * as status from './status';
import * as enrolment from './enrolment';
import * as policy from './policy';
import * as navixy from './navixy';

type Handlers = { [K in CommandType]: (cmd: CommandOf<K>) => Promise<Result<Replies[K], AppError>> };

/** Every command's handler; the mapped type makes a missing one a compile error. */
export const handlers: Handlers = {
  getStatus: status.getStatus,
  resolveNames: status.resolveNames,
  setApiKey: status.setApiKey,
  useBrowserSignIn: status.useBrowserSignIn,
  listPortals: status.listPortals,
  forgetPortal: status.forgetPortal,
  startEnrolment: enrolment.startEnrolment,
  prepareEnrolment: enrolment.prepareEnrolment,
  validateCode: enrolment.validateCode,
  cancelEnrolment: enrolment.cancelEnrolment,
  getBackupCodes: enrolment.getBackupCodes,
  regenerateBackupCodes: enrolment.regenerateBackupCodes,
  resetMyApp: enrolment.resetMyApp,
  resetUserApp: enrolment.resetUserApp,
  searchPeople: policy.searchPeople,
  searchGroups: policy.searchGroups,
  getPolicy: policy.getPolicy,
  savePolicy: policy.savePolicy,
  identifySite: navixy.identifySite,
  listNavixyPanels: navixy.listNavixyPanels,
  addNavixyPanel: navixy.addNavixyPanel,
  removeNavixyPanel: navixy.removeNavixyPanel,
  navixySignIn: navixy.navixySignIn,
  navixySignOut: navixy.navixySignOut,
  getNavixyStatus: navixy.getNavixyStatus,
  listNavixyUsers: navixy.listNavixyUsers,
  searchNavixyUsers: navixy.searchNavixyUsers,
  countNavixyMfa: navixy.countNavixyMfa,
  updateNavixyMfa: navixy.updateNavixyMfa,
  setNavixyDefault: navixy.setNavixyDefault,
};

/** Only our own extension pages may talk to the background (no content scripts exist). */
export function isInternalSender(sender: Pick<Browser.runtime.MessageSender, 'id' | 'url'>): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Checks the sender, parses the command, dispatches. Always resolves to a Result. */
export async function route(message: unknown, sender: Pick<Browser.runtime.MessageSender, 'id' | 'url'>): Promise<Result<unknown, AppError>> {
  if (!isInternalSender(sender)) return err({ kind: 'badRequest', message: 'Unknown sender' });
  const parsed = CommandSchema.safeParse(message);
  if (!parsed.success) return err({ kind: 'badRequest', message: parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ') });
  try {
    return await dispatch(parsed.data);
  } catch (e) {
    logWarning('handler-threw', { command: parsed.data.type, name: e instanceof Error ? e.name : 'unknown' });
    return err({ kind: 'badRequest', message: 'Internal error' });
  }
}

function dispatch(cmd: Command): Promise<Result<unknown, AppError>> {
  switch (cmd.type) {
    case 'getStatus': return handlers.getStatus(cmd);
    case 'resolveNames': return handlers.resolveNames(cmd);
    case 'setApiKey': return handlers.setApiKey(cmd);
    case 'useBrowserSignIn': return handlers.useBrowserSignIn(cmd);
    case 'listPortals': return handlers.listPortals(cmd);
    case 'forgetPortal': return handlers.forgetPortal(cmd);
    case 'startEnrolment': return handlers.startEnrolment(cmd);
    case 'prepareEnrolment': return handlers.prepareEnrolment(cmd);
    case 'validateCode': return handlers.validateCode(cmd);
    case 'cancelEnrolment': return handlers.cancelEnrolment(cmd);
    case 'getBackupCodes': return handlers.getBackupCodes(cmd);
    case 'regenerateBackupCodes': return handlers.regenerateBackupCodes(cmd);
    case 'resetMyApp': return handlers.resetMyApp(cmd);
    case 'resetUserApp': return handlers.resetUserApp(cmd);
    case 'searchPeople': return handlers.searchPeople(cmd);
    case 'searchGroups': return handlers.searchGroups(cmd);
    case 'getPolicy': return handlers.getPolicy(cmd);
    case 'savePolicy': return handlers.savePolicy(cmd);
    case 'identifySite': return handlers.identifySite(cmd);
    case 'listNavixyPanels': return handlers.listNavixyPanels(cmd);
    case 'addNavixyPanel': return handlers.addNavixyPanel(cmd);
    case 'removeNavixyPanel': return handlers.removeNavixyPanel(cmd);
    case 'navixySignIn': return handlers.navixySignIn(cmd);
    case 'navixySignOut': return handlers.navixySignOut(cmd);
    case 'getNavixyStatus': return handlers.getNavixyStatus(cmd);
    case 'listNavixyUsers': return handlers.listNavixyUsers(cmd);
    case 'searchNavixyUsers': return handlers.searchNavixyUsers(cmd);
    case 'countNavixyMfa': return handlers.countNavixyMfa(cmd);
    case 'updateNavixyMfa': return handlers.updateNavixyMfa(cmd);
    case 'setNavixyDefault': return handlers.setNavixyDefault(cmd);
    default: return assertNever(cmd);
  }
}

/** Registers the listener synchronously (a woken worker must not miss its message). */
export function registerRouter(): void {
  // webextension-polyfill resolves the returned Promise as the reply.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => route(message, sender));
}
