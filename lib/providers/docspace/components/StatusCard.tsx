import type { NamedEntity, PolicyListName, PortalStatus } from '../protocol';
import { popup as t } from '../i18n/popup';
import { common } from '../../../i18n/common';
import { ListPeek, type LoadMore } from './ListPeek';

interface Props {
  status: PortalStatus;
  /** Names resolved after the status arrived (id → entity), or null while they are being asked for. */
  names: Record<string, NamedEntity> | null;
  /** The rest of a list, a page at a time. */
  onMore?: (list: PolicyListName) => LoadMore;
  /** For tests; defaults to now. */
  now?: number;
}

const noMore: LoadMore = async () => ({ ok: true, value: { total: 0, items: [] } });

/** Who I am, the portal policy, whether it applies to me and my enrolment, in words. */
export function StatusCard({ status, names, onMore = () => noMore, now = Date.now() }: Props) {
  const { me, policy, enrolment } = status;
  if (!me || !policy) return null;
  const isAdmin = me.role === 'owner' || me.role === 'admin';
  const enrolmentTone = enrolment.state === 'enrolled' ? 'ok-text' : enrolment.state === 'notEnrolled' && status.applies.kind !== 'off' ? 'warn-text' : '';
  const named = (list: NamedEntity[]) => list.map((e) => names?.[e.id.toLowerCase()] ?? e);
  const ips = policy.trustedIps;
  const validIps = ips.total - ips.invalid - ips.breaking;
  return (
    <div class="status-card">
      <p>
        {common.signedInAs(me.displayName)} <span class="role">({common.role[me.role]})</span>
      </p>
      <dl>
        <dt>{t.policyLabel}</dt>
        <dd data-field="policy">{t.method(status)}</dd>
        <dt>{t.appliesLabel}</dt>
        <dd data-field="applies">{t.applies(status.applies)}</dd>
        <dt>{t.enrolmentLabel}</dt>
        <dd data-field="enrolment" class={enrolmentTone}>{t.enrolment(enrolment)}</dd>
      </dl>
      {isAdmin && policy.method !== 'none' ? (
        <section aria-label={t.policyHeading} class="policy-summary">
          {ips.breaking ? <p class="notice error">{t.ipBreak(status.host)}</p> : null}
          {ips.total === 0 ? (
            <p class="muted">{t.noTrustedIps}</p>
          ) : (
            <ListPeek label={t.trustedIps(validIps)} summary={ips} first={ips.first} resolving={false} kind="ip" onMore={onMore('trustedIps')} />
          )}
          {ips.total > 0 ? (
            <>
              <p class="muted">{t.realIp}</p>
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
        </section>
      ) : null}
      <p class="muted checked-at">{t.checked(now - status.checkedAt)}</p>
    </div>
  );
}
