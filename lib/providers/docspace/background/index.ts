import type { ProviderBackground } from '../../../background/router';
import { DOCSPACE_COMMANDS, type Command, type Replies } from '../protocol';
import * as status from './status';
import * as enrolment from './enrolment';
import * as policy from './policy';
import { forgetUnreachable, knownOrigins } from './session';
import { clearBadgesOf } from './badge';
import { docspaceOverview } from './overview';
import { registerLifecycle } from './lifecycle';

/**
 * The DocSpace provider in the background: any https site, recognised by the anonymous
 * `GET /api/2.0/settings` probe (so it claims nothing up front and serves every site no other
 * provider claims); signs in with the browser's own portal cookie or a pasted API key.
 */
export const docspaceBackground: ProviderBackground<Command, Replies> = {
  id: 'docspace',
  commands: DOCSPACE_COMMANDS,
  handlers: {
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
    searchPeople: policy.searchPeople,
    searchGroups: policy.searchGroups,
    getPolicy: policy.getPolicy,
    resolvePolicyNames: policy.resolvePolicyNames,
    savePolicy: policy.savePolicy,
  },
  originsInUse: knownOrigins,
  accessRemoved: async () => clearBadgesOf(await forgetUnreachable()),
  overview: docspaceOverview,
  start: registerLifecycle,
};
