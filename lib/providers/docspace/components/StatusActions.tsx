import type { PortalStatus } from '../protocol';
import type { ViewName } from '../views/views';
import { popup as t } from '../i18n/popup';
import { statusModel, factsOfStatus } from '../status-model';
import { IconChevron } from '../../../../components/icons';

interface Props {
  status: PortalStatus;
  onOpen: (view: ViewName) => void;
  /** Makes a new set of backup codes (the backup codes page, asked to regenerate). */
  onMakeNewCodes: () => void;
}

/**
 * The one primary action for the status (status-model.ts): set up, continue setup, or make new backup codes when
 * one or none are left; nothing when all is well. Full width, above everything else the popup offers.
 */
export function StatusActions({ status, onOpen, onMakeNewCodes }: Props) {
  const { primary } = statusModel(factsOfStatus(status));
  if (!primary) return null;
  const label = { setUp: t.setUp, continueSetUp: t.continueSetUp, makeNewCodes: t.makeNewCodes }[primary];
  return (
    <div class="primary-action">
      <button type="button" class="primary wide" onClick={() => (primary === 'makeNewCodes' ? onMakeNewCodes() : onOpen('enrol'))}>
        {label}
      </button>
    </div>
  );
}

/** Secondary actions as quiet list rows with a chevron (not equal grey buttons). */
export function ActionRows({ rows }: { rows: readonly { label: string; onClick: () => void }[] }) {
  if (!rows.length) return null;
  return (
    <ul class="action-rows">
      {rows.map((r) => (
        <li key={r.label}>
          <button type="button" class="action-row" onClick={r.onClick}>
            <span>{r.label}</span>
            <IconChevron size={16} aria-hidden="true" />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The freshness line at the foot of the popup: "Checked just now", "Checked 3 minutes ago". */
export function CheckedLine({ checkedAt, now = Date.now() }: { checkedAt: number; now?: number }) {
  return <p class="muted checked-at">{t.checked(now - checkedAt)}</p>;
}
