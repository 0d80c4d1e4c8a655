import { useEffect, useId, useRef } from 'preact/hooks';
import type { NamedEntity, SaveReply } from '../protocol';
import { common } from '../../../i18n/common';
import { policy as t } from '../i18n/policy';
import { entityLabel } from './EntityPicker';
import './policy.css';
import { PortalText } from '../../../../components/PortalText';

interface Props {
  reply: SaveReply;
  /** Names known to the editor, by lower-case id. */
  names: Record<string, NamedEntity>;
  /** The portal's own sign-in page (same origin). */
  signInUrl: string;
  onEditAgain: () => void;
}

/** After a save: what the portal now holds, any difference from what was sent, and the next step. */
export function PolicySaved({ reply, names, signInUrl, onEditAgain }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { policy } = reply;
  const signsOut = policy.method !== 'none';
  const label = (ids: string[], kind: 'user' | 'group') =>
    ids.length ? ids.map((x) => entityLabel(names[x.toLowerCase()] ?? { id: x, name: '' }, kind)).join(', ') : t.none;

  return (
    <section class="policy-saved" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1} class="view-heading">
        {t.savedHeading}
      </h3>
      {signsOut ? (
        <div class="notice warn">
          <p>{t.signedOutNext}</p>
          {reply.callerExempt ? <p>{t.exemptAfterError}</p> : null}
          <p>{policy.method === 'sms' ? t.consequence.smsOnPortal : reply.refusedLink ? t.linkRefused(reply.refusedLink) : reply.linkLost ? t.linkLost : reply.confirmUrl ? t.confirmWithCode : t.exempt}</p>
          <p>
            <a href={signInUrl} target="_blank" rel="noopener noreferrer">
              {t.signInLink}
            </a>
          </p>
        </div>
      ) : null}
      {reply.mismatches.length ? (
        <div class="notice error" role="alert">
          <p>{t.mismatchHeading}</p>
          <ul>
            {reply.mismatches.map((m) => (
              <li key={m}>
                <PortalText text={m} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{reply.signedOut ? t.savedUnverified : t.savedHolds}</p>
      <dl class="policy-summary">
        <dt>{t.summaryMethod}</dt>
        <dd>{common.method[policy.method]}</dd>
        <dt>{t.summaryIps}</dt>
        <dd class="mono">{policy.trustedIps.length ? policy.trustedIps.join(', ') : t.none}</dd>
        <dt>{t.usersLabel}</dt>
        <dd>{label(policy.mandatoryUsers, 'user')}</dd>
        <dt>{t.groupsLabel}</dt>
        <dd>{label(policy.mandatoryGroups, 'group')}</dd>
      </dl>
      <div class="form-actions">
        <button type="button" onClick={onEditAgain}>
          {t.editAgain}
        </button>
      </div>
    </section>
  );
}
