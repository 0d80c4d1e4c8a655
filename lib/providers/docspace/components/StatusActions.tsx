import type { PortalStatus } from '../protocol';
import type { ViewName } from '../views/views';
import { popup as t } from '../i18n/popup';

interface Props {
  status: PortalStatus;
  onOpen: (view: ViewName) => void;
}

/** The next steps that make sense for this status; each opens the options page for this portal. */
export function StatusActions({ status, onOpen }: Props) {
  const { me, policy, enrolment } = status;
  const isAdmin = me?.role === 'owner' || me?.role === 'admin';
  const needsEnrolment = policy?.method === 'app' && enrolment.state === 'notEnrolled';
  return (
    <div class="actions">
      {status.enrolmentInProgress || needsEnrolment ? (
        <button type="button" class="primary" onClick={() => onOpen('enrol')}>
          {status.enrolmentInProgress ? t.continueSetUp : t.setUp}
        </button>
      ) : null}
      {enrolment.state === 'enrolled' ? (
        <button type="button" onClick={() => onOpen('codes')}>{t.backupCodes}</button>
      ) : null}
      {isAdmin ? <button type="button" onClick={() => onOpen('policy')}>{t.managePolicy}</button> : null}
      <button type="button" class="link" onClick={() => onOpen('portals')}>{t.settings}</button>
    </div>
  );
}
