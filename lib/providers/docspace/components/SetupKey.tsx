import { PortalText } from '../../../../components/PortalText';
import { groupKey } from '../tfa/otpauth';
import { copyText, enrolment as t } from '../i18n/enrolment';
import { CopyButton } from './CopyButton';
import './enrolment.css';

interface Props {
  setupKey: string;
  account: string;
  issuer: string;
}

/** The setup key as selectable monospace text in groups of four, with Copy, and what it is for. */
export function SetupKey({ setupKey, account, issuer }: Props) {
  return (
    <dl class="setup-key">
      <dt>{t.keyLabel}</dt>
      <dd>
        <code class="mono setup-key-value">
          {groupKey(setupKey).join(' ')}
        </code>{' '}
        <CopyButton text={setupKey} label={t.copyKey} copied={copyText.setupKey} />
        <p class="muted hint">{t.keyHint}</p>
      </dd>
      <dt>{t.accountLabel}</dt>
      <dd class="mono">
        <PortalText text={account} />
      </dd>
      <dt>{t.issuerLabel}</dt>
      <dd class="mono">
        <PortalText text={issuer} />
      </dd>
    </dl>
  );
}
