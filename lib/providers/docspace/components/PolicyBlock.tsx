import type { ComponentChildren } from 'preact';
import type { NamedEntity, PolicyListName, PortalStatus } from '../protocol';
import type { ViewName } from '../views/views';
import { policyBlock as t } from '../i18n/policy-block';
import { ListPeek, type LoadMore } from './ListPeek';
import { ActionRows } from './StatusActions';
import { Fact } from './Fact';

interface Props {
  status: PortalStatus;
  names: Record<string, NamedEntity> | null;
  onMore: (list: PolicyListName) => LoadMore;
  onOpen: (view: ViewName) => void;
  headingId: string;
  /** Shown at the end of the block (the coverage line). */
  children?: ComponentChildren;
}

/** "Portal policy" for admins and the owner: method, trusted IP addresses, mandatory lists, "Change policy". */
export function PolicyBlock({ status, names, onMore, onOpen, headingId, children }: Props) {
  const { policy } = status;
  if (!policy) return null;
  const named = (list: NamedEntity[]) => list.map((e) => names?.[e.id.toLowerCase()] ?? e);
  const ips = policy.trustedIps;
  const validIps = ips.total - ips.invalid - ips.breaking;
  return (
    <section class="popup-block policy-summary" aria-labelledby={headingId}>
      <h2 class="block-heading" id={headingId}>{t.policyHeading}</h2>
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
  );
}
