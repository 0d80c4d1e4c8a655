import type { ProviderBackground } from '../../../background/router';
import type { AppError } from '../../../errors';
import { err, type Result } from '../../../result';
import type { HandlersOf, SenderContext } from '../../../protocol';
import { DOCSPACE_COMMANDS, type Command, type Replies } from '../protocol';
import * as status from './status';
import * as enrolment from './enrolment';
import * as policy from './policy';
import * as coverage from './coverage';
import { forgetUnreachable, getSession, knownOrigins } from './session';
import { clearBadgesOf } from './badge';
import { docspaceOverview } from './overview';
import { registerLifecycle } from './lifecycle';

/** Commands a page in a private window or a container may send whatever the sign-in: they read the tab themselves, or only delete. */
const ANY_JAR = new Set<Command['type']>(['getStatus', 'setApiKey', 'forgetPortal', 'cancelEnrolment', 'listPortals']);

/**
 * The background's requests carry the browser's normal cookies, whatever window the page is in. A page in a private
 * window or a Firefox container (Firefox opens the options page there too) is refused every command that would act
 * with them, for the account of the normal windows: only a portal on an API key is served there (README "Private
 * windows and containers"). The browser says which window the page is in (router.ts), never the page.
 */
function inNormalJarOnly(handlers: HandlersOf<Command, Replies>): HandlersOf<Command, Replies> {
  const guarded: Record<string, (cmd: Command, sender?: SenderContext) => Promise<Result<unknown, AppError>>> = {};
  for (const [type, handler] of Object.entries(handlers) as [Command['type'], (cmd: Command, sender?: SenderContext) => Promise<Result<unknown, AppError>>][]) {
    guarded[type] = async (cmd, sender) => {
      if (sender && sender.jar !== 'default' && !ANY_JAR.has(type) && 'origin' in cmd) {
        if (type === 'useBrowserSignIn' || (await getSession(cmd.origin)).auth.kind === 'cookie') {
          return err({ kind: 'notAvailable', origin: cmd.origin, message: `Sent from a ${sender.jar} tab`, reason: 'separateCookies' });
        }
      }
      return handler(cmd, sender);
    };
  }
  return guarded as HandlersOf<Command, Replies>;
}

/**
 * The DocSpace provider in the background: any https site, recognised by the anonymous
 * `GET /api/2.0/settings` probe (so it claims nothing up front and serves every site no other
 * provider claims); signs in with the browser's own portal cookie or a pasted API key.
 */
export const docspaceBackground: ProviderBackground<Command, Replies> = {
  id: 'docspace',
  commands: DOCSPACE_COMMANDS,
  handlers: inNormalJarOnly({
    getStatus: status.getStatus,
    resolveNames: status.resolveNames,
    policyEntries: status.policyEntries,
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
    scanCoverage: coverage.scanCoverage,
    coverageProgress: coverage.coverageProgress,
    cancelCoverage: coverage.cancelCoverage,
    getCoverage: coverage.getCoverage,
    searchPeople: policy.searchPeople,
    searchGroups: policy.searchGroups,
    getPolicy: policy.getPolicy,
    resolvePolicyNames: policy.resolvePolicyNames,
    savePolicy: policy.savePolicy,
  }),
  originsInUse: knownOrigins,
  accessRemoved: async () => clearBadgesOf(await forgetUnreachable()),
  overview: docspaceOverview,
  start: registerLifecycle,
};
