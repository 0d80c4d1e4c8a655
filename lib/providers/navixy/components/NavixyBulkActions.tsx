import { navixy as t } from '../i18n';

interface Props {
  /** The session may update users and nothing is running. */
  canChange: boolean;
  busy: boolean;
  hasSelection: boolean;
  onSelected: (allow: boolean) => void;
  onAll: (allow: boolean) => void;
  onReload: () => void;
}

/** The users page's bulk changes: to the selected users, to every user (confirmed by the page), and reading the list again. */
export function NavixyBulkActions({ canChange, busy, hasSelection, onSelected, onAll, onReload }: Props) {
  return (
    <div class="navixy-toolbar">
      <button type="button" class="primary" disabled={!canChange || !hasSelection} onClick={() => onSelected(true)}>{t.users.allowSelected}</button>
      <button type="button" disabled={!canChange || !hasSelection} onClick={() => onSelected(false)}>{t.users.disallowSelected}</button>
      <button type="button" disabled={!canChange} onClick={() => onAll(true)}>{t.users.allowAll}</button>
      <button type="button" class="danger" disabled={!canChange} onClick={() => onAll(false)}>{t.users.disallowAll}</button>
      <button type="button" disabled={busy} onClick={onReload}>{t.users.reload}</button>
    </div>
  );
}
