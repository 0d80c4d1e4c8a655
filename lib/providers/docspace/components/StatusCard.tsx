import type { NamedEntity, PortalStatus } from '../protocol';
import { popup as t } from '../i18n/popup';
import { common } from '../../../i18n/common';
import { CollapsibleList } from '../../../../components/CollapsibleList';

interface Props {
  status: PortalStatus;
  /** Resolved names for the mandatory lists (admins), or null while resolving / not allowed. */
  names: { users: NamedEntity[]; groups: NamedEntity[] } | null;
  /** For tests; defaults to now. */
  now?: number;
}

const nameOf = (e: NamedEntity) => (e.missing || !e.name ? t.unknownEntity(e.id) : e.email ? `${e.name} <${e.email}>` : e.name);

/** Who I am, the portal policy, whether it applies to me and my enrolment, in words. */
export function StatusCard({ status, names, now = Date.now() }: Props) {
  const { me, policy, enrolment } = status;
  if (!me || !policy) return null;
  const isAdmin = me.role === 'owner' || me.role === 'admin';
  const enrolmentTone = enrolment.state === 'enrolled' ? 'ok-text' : enrolment.state === 'notEnrolled' && status.applies.kind !== 'off' ? 'warn-text' : '';
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
          <CollapsibleList
            label={policy.trustedIps.length ? t.trustedIps(policy.trustedIps.length) : t.noTrustedIps}
            items={policy.trustedIps}
            emptyText=""
            moreText={t.andMore}
          />
          {policy.trustedIps.length > 0 ? (
            <>
              <CollapsibleList label={t.mandatoryUsers} items={names ? names.users.map(nameOf) : policy.mandatoryUsers.map(() => common.loading)} emptyText={t.noneSet} moreText={t.andMore} />
              <CollapsibleList label={t.mandatoryGroups} items={names ? names.groups.map(nameOf) : policy.mandatoryGroups.map(() => common.loading)} emptyText={t.noneSet} moreText={t.andMore} />
            </>
          ) : null}
        </section>
      ) : null}
      <p class="muted checked-at">{t.checked(now - status.checkedAt)}</p>
    </div>
  );
}
