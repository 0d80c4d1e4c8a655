import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { NamedEntity, PolicyListName, PortalStatus } from '../protocol';
import type { ViewName } from '../views/views';
import { popup as t } from '../i18n/popup';
import { common } from '../../../i18n/common';
import { statusModel, factsOfStatus } from '../status-model';
import { PortalText } from '../../../../components/PortalText';
import { ListPeek, type LoadMore } from './ListPeek';
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

const noMore: LoadMore = async () => ({ ok: true, value: { total: 0, items: [] } });

/** One fact, its label stacked over its value (no ragged two-line label column at 360 px). */
function Fact({ field, label, children }: { field: string; label: string; children: ComponentChildren }) {
  return (
    <div class="fact" data-field={field}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * Two blocks (issue 27): "You" (who you are, a role chip, whether the policy applies to you, your authenticator and
 * your backup codes) and, for admins and the owner, "Portal policy" (method, trusted IP addresses, mandatory lists,
 * "Change policy"). The lists are shown to admins only: only they can read them.
 */
export function StatusCard({ status, names, onMore = () => noMore, onOpen = () => undefined, children }: Props) {
  const id = useId();
  const { me, policy, enrolment } = status;
  if (!me || !policy) return null;
  const model = statusModel(factsOfStatus(status));
  const isAdmin = me.role === 'owner' || me.role === 'admin';
  const named = (list: NamedEntity[]) => list.map((e) => names?.[e.id.toLowerCase()] ?? e);
  const ips = policy.trustedIps;
  const validIps = ips.total - ips.invalid - ips.breaking;
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
        <section class="popup-block policy-summary" aria-labelledby={`${id}-policy`}>
          <h2 class="block-heading" id={`${id}-policy`}>{t.policyHeading}</h2>
          <dl class="facts">
            <Fact field="policy" label={t.policyLabel}>{t.method(policy.method)}</Fact>
          </dl>
          {policy.method !== 'none' ? (
            <>
              {ips.breaking ? <p class="notice error">{t.ipBreak(status.host)}</p> : null}
              {ips.total === 0 ? (
                <p class="muted">{t.noTrustedIps}</p>
              ) : (
                <ListPeek label={t.trustedIps(validIps)} summary={ips} first={ips.first} resolving={false} kind="ip" onMore={onMore('trustedIps')} />
              )}
              {ips.total > 0 ? (
                <>
                  <p class="muted hint">{t.realIp}</p>
                  <ListPeek
                    label={t.mandatoryUsersCount(policy.mandatoryUsers.total)} summary={policy.mandatoryUsers}
                    first={named(policy.mandatoryUsers.first)} resolving={names === null} kind="id" onMore={onMore('mandatoryUsers')}
                  />
                  <ListPeek
                    label={t.mandatoryGroupsCount(policy.mandatoryGroups.total)} summary={policy.mandatoryGroups}
                    first={named(policy.mandatoryGroups.first)} resolving={names === null} kind="id" onMore={onMore('mandatoryGroups')}
                  />
                </>
              ) : null}
            </>
          ) : null}
          {children}
          <ActionRows rows={[{ label: t.managePolicy, onClick: () => onOpen('policy') }]} />
        </section>
      ) : null}
    </>
  );
}
