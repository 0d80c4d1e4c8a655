import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { NamedEntity, PolicyListName, PortalStatus } from '../protocol';
import type { ViewName } from '../views/views';
import { popup as t } from '../i18n/popup';
import { common } from '../../../i18n/common';
import { statusModel, factsOfStatus } from '../status-model';
import { PortalText } from '../../../../components/PortalText';
import type { LoadMore } from './ListPeek';
import { Fact } from './Fact';
import { lazyComponent } from '../../../../components/lazy';
import { ActionRows } from './StatusActions';

interface Props {
  status: PortalStatus;
  /** Names resolved after the status arrived (id → entity), or null while they are being asked for. */
  names: Record<string, NamedEntity> | null;
  /** The rest of a list, a page at a time. */
  onMore?: (list: PolicyListName) => LoadMore;
  /** Opens an options view for this portal (the blocks' quiet rows). */
  onOpen?: (view: ViewName) => void;
  /** Shown at the end of the policy block (the coverage line). */
  children?: ComponentChildren;
}

/**
 * The admins' "Portal policy" block (method, trusted IPs, mandatory lists): loaded after the status is on screen,
 * so a plain user's popup never loads it and an admin's shows the answer first (issue 27's weight budget).
 */
const PolicyBlock = lazyComponent(() => import('./PolicyBlock').then((m) => m.PolicyBlock), { quiet: true });

/** Loads the policy block's code now (tests that compare renders need it in the first one). */
export const preloadPolicyBlock = PolicyBlock.preload;

const noMore: LoadMore = async () => ({ ok: true, value: { total: 0, items: [] } });

/**
 * Two blocks (issue 27): "You" (who you are, a role chip, whether the policy applies to you, your authenticator and
 * your backup codes) and, for admins and the owner, "Portal policy" (method, trusted IP addresses, mandatory lists,
 * "Change policy"). The lists are shown to admins only: only they can read them.
 */
export function StatusCard({ status, names, onMore = () => noMore, onOpen = () => undefined, children }: Props) {
  const id = useId();
  const policyId = `${id}-policy`;
  const { me, policy, enrolment } = status;
  if (!me || !policy) return null;
  const model = statusModel(factsOfStatus(status));
  const isAdmin = me.role === 'owner' || me.role === 'admin';
  return (
    <>
      <section class="popup-block" aria-labelledby={`${id}-you`}>
        <h2 class="block-heading" id={`${id}-you`}>{t.youHeading}</h2>
        <p class="me">
          <span>{common.signedInAs(me.displayName)}</span> <span class="role-chip">{common.role[me.role]}</span>
        </p>
        {me.email ? <p class="muted me-email"><PortalText text={me.email} /></p> : null}
        <dl class="facts">
          <Fact field="applies" label={t.appliesLabel}>{model.applies}</Fact>
          <Fact field="enrolment" label={t.enrolmentLabel}>
            <span class={enrolment.state === 'enrolled' ? 'ok-text' : model.tone === 'warn' ? 'warn-text' : undefined}>{model.enrolment}</span>
          </Fact>
        </dl>
        <ActionRows rows={enrolment.state === 'enrolled' ? [{ label: t.backupCodes, onClick: () => onOpen('codes') }] : []} />
      </section>
      {isAdmin ? (
        <PolicyBlock status={status} names={names} onMore={onMore} onOpen={onOpen} headingId={policyId}>
          {children}
        </PolicyBlock>
      ) : null}
    </>
  );
}
