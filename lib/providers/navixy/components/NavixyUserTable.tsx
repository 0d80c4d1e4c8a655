import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { NavixyUserRow } from '../protocol';
import { navixy as t } from '../i18n';
// A cell is a paragraph of its own for the bidi algorithm: its text cannot reorder another's, so the cell needs no
// <bdi> (hundreds of <bdi dir=auto> made Firefox lay a long table out several times slower), only the controls dropped.
import { cleanBidi } from '../../../i18n/bidi';
import { IconSearch } from '../../../../components/icons';
import '../../../../components/forms.css';

interface Props {
  users: NavixyUserRow[];
  selected: ReadonlySet<number>;
  /** Client-side filter of a whole list; absent when the panel searches (a page of its results is shown as is). */
  filter?: string;
  disabled: boolean;
  onFilter?: (text: string) => void;
  onToggle: (id: number, checked: boolean) => void;
  onToggleAll: (ids: number[], checked: boolean) => void;
  /** The selection bar, shown between the toolbar and the table. */
  selectionBar?: ComponentChildren;
}

/** Users matching the filter (name or login). */
export function filterUsers(users: NavixyUserRow[], filter: string): NavixyUserRow[] {
  const f = filter.trim().toLowerCase();
  return f ? users.filter((u) => u.name.toLowerCase().includes(f) || u.login.toLowerCase().includes(f)) : users;
}

/** A user's MFA as a pill in words: Allowed (green) or Disallowed (neutral). */
export function MfaPill({ allowed }: { allowed: boolean }) {
  return <span class={`status-pill ${allowed ? 'ok' : 'neutral'}`} data-field="navixy-mfa">{allowed ? t.users.allowedBadge : t.users.disallowedBadge}</span>;
}

/**
 * The panel's users with their MFA state: a search field in the toolbar (whole lists), the selection bar when users
 * are selected, a select-all checkbox in the header (all shown users) and a checkbox per user; the header stays in
 * sight while the table scrolls.
 */
export function NavixyUserTable({ users, selected, filter, disabled, onFilter, onToggle, onToggleAll, selectionBar }: Props) {
  const id = useId();
  const shown = filter !== undefined ? filterUsers(users, filter) : users;
  const allShown = shown.length > 0 && shown.every((u) => selected.has(u.id));
  return (
    <div>
      {onFilter ? (
        <div class="navixy-toolbar">
          <span class="search-field">
            <IconSearch aria-hidden="true" />
            <input id={`${id}-filter`} type="search" aria-label={t.users.filter} placeholder={t.users.filterPlaceholder} value={filter} onInput={(e) => onFilter(e.currentTarget.value)} />
          </span>
        </div>
      ) : null}
      {selectionBar}
      {/* The count, announced as it changes (always in the DOM; the bar shows it too). */}
      <p role="status" class="visually-hidden" data-field="navixy-selected">{selected.size ? t.users.selected(selected.size) : ''}</p>
      {shown.length === 0 ? <p class="muted">{t.users.empty}</p> : (
        <div class="navixy-users-scroll">
          <table class="navixy-users">
            <thead>
              <tr>
                <th scope="col" class="check-cell">
                  <input type="checkbox" aria-label={t.users.selectAll} checked={allShown} disabled={disabled} onChange={(e) => onToggleAll(shown.map((u) => u.id), e.currentTarget.checked)} />
                </th>
                <th scope="col">{t.users.colName}</th><th scope="col">{t.users.colLogin}</th><th scope="col">{t.users.colMfa}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id}>
                  <td class="check-cell"><input type="checkbox" aria-label={t.users.select(u.name)} checked={selected.has(u.id)} disabled={disabled} onChange={(e) => onToggle(u.id, e.currentTarget.checked)} /></td>
                  <td class="portal-text">{cleanBidi(u.name)}{u.active ? null : <> <span class="muted" data-field="navixy-inactive">({t.users.inactiveBadge})</span></>}</td>
                  <td class="mono portal-text">{cleanBidi(u.login)}</td>
                  <td><MfaPill allowed={u.mfaAllowed} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
