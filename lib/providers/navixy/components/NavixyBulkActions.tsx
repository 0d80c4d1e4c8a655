import { navixy as t } from '../i18n';
import '../../../../components/forms.css';

interface SelectionProps {
  count: number;
  /** The session may update users and nothing is running. */
  canChange: boolean;
  onSelected: (allow: boolean) => void;
  onClear: () => void;
}

/** Over the table while users are selected: how many, allow or disallow MFA for them, and clearing the selection. */
export function SelectionBar({ count, canChange, onSelected, onClear }: SelectionProps) {
  if (!count) return null;
  return (
    <div class="selection-bar" role="group" aria-label={t.users.selectionLabel} data-field="navixy-selection-bar">
      <span class="count">{t.users.selectedCount(count)}</span>
      <button type="button" class="primary" disabled={!canChange} onClick={() => onSelected(true)}>{t.users.allowSelected}</button>
      <button type="button" disabled={!canChange} onClick={() => onSelected(false)}>{t.users.disallowSelected}</button>
      <button type="button" class="quiet end" onClick={onClear}>{t.users.clearSelection}</button>
    </div>
  );
}

/** The changes to every user (each confirmed by the page): quiet, beside the table's title, never the main action. */
export function AllUsersActions({ canChange, onAll }: { canChange: boolean; onAll: (allow: boolean) => void }) {
  return (
    <div class="quiet-group end" role="group" aria-label={t.users.allUsersLabel}>
      <button type="button" class="quiet" disabled={!canChange} onClick={() => onAll(true)}>{t.users.allowAll}</button>
      <button type="button" class="quiet danger" disabled={!canChange} onClick={() => onAll(false)}>{t.users.disallowAll}</button>
    </div>
  );
}
