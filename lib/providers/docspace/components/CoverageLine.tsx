import type { PortalStatus } from '../protocol';
import { popup as t } from '../i18n/popup';

interface Props {
  status: PortalStatus;
  now: number;
  /** Opens the options page's coverage view. */
  onOpen: () => void;
}

/**
 * Issue 26: one line from the last coverage count kept on this device, for admins and the owner, linking to the
 * coverage view. Nothing when never counted, or when the policy is not on with the method that was counted
 * (while TFA is off the portal cannot say; the view shows the last count with its date).
 */
export function CoverageLine({ status, now, onOpen }: Props) {
  const c = status.coverage;
  if (!c || status.policy?.method !== c.mode) return null;
  return (
    <p class="coverage-line">
      <button type="button" class="link" onClick={onOpen}>{t.coverageLine(c, now - c.countedAt)}</button>
    </p>
  );
}
