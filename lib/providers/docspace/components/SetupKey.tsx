import { useId } from 'preact/hooks';
import { PortalText } from '../../../../components/PortalText';
import { groupKey } from '../tfa/otpauth';
import { copyText, enrolment as t } from '../i18n/enrolment';
import { flows } from '../i18n/flows';
import { CopyButton } from './CopyButton';
import './enrolment.css';

interface Props {
  setupKey: string;
  account: string;
  issuer: string;
}

/**
 * The setup key in a read-only, bordered monospace field (groups of four, selectable) with a copy icon button
 * inside; what a manual entry also asks for (account, issuer, time-based 6 digits 30 s) behind "Can't scan?".
 */
export function SetupKey({ setupKey, account, issuer }: Props) {
  const id = useId();
  return (
    <div class="setup-key">
      <p class="field-label" id={`${id}-label`}>{t.keyLabel}</p>
      <div class="key-field" role="group" aria-labelledby={`${id}-label`}>
        <code class="mono setup-key-value">{groupKey(setupKey).join(' ')}</code>
        <CopyButton text={setupKey} label={t.copyKey} copied={copyText.setupKey} iconOnly />
      </div>
      <details class="manual-entry">
        <summary>{flows.manualKey}</summary>
        <dl class="manual-entry-facts">
          <dt>{t.accountLabel}</dt>
          <dd class="mono">
            <PortalText text={account} />
          </dd>
          <dt>{t.issuerLabel}</dt>
          <dd class="mono">
            <PortalText text={issuer} />
          </dd>
        </dl>
        <p class="muted hint">{t.keyHint}</p>
      </details>
    </div>
  );
}
