import { useId } from 'preact/hooks';
import type { NavixyUserRow } from '../protocol';
import { navixy as t } from '../i18n';
// A cell is a paragraph of its own for the bidi algorithm: its text cannot reorder another's, so the cell needs no
// <bdi> (hundreds of <bdi dir=auto> made Firefox lay a long table out several times slower), only the controls dropped.
import { cleanBidi } from '../../../i18n/bidi';

interface Props {
  users: NavixyUserRow[];
  selected: ReadonlySet<number>;
  /** Client-side filter of a whole list; absent when the panel searches (a page of its results is shown as is). */
  filter?: string;
  disabled: boolean;
  onFilter?: (text: string) => void;
  onToggle: (id: number, checked: boolean) => void;
  onToggleAll: (ids: number[], checked: boolean) => void;
}

/** Users matching the filter (name or login). */
export function filterUsers(users: NavixyUserRow[], filter: string): NavixyUserRow[] {
  const f = filter.trim().toLowerCase();
  return f ? users.filter((u) => u.name.toLowerCase().includes(f) || u.login.toLowerCase().includes(f)) : users;
}

/** The panel's users with their MFA state, a filter and a checkbox per user (plus one for all shown). */
export function NavixyUserTable({ users, selected, filter, disabled, onFilter, onToggle, onToggleAll }: Props) {
  const id = useId();
  const shown = filter !== undefined ? filterUsers(users, filter) : users;
  const allShown = shown.length > 0 && shown.every((u) => selected.has(u.id));
  return (
    <div>
      {onFilter ? (
        <div class="navixy-toolbar">
          <label for={`${id}-filter`}>{t.users.filter}</label>
          <input id={`${id}-filter`} type="search" value={filter} onInput={(e) => onFilter(e.currentTarget.value)} />
        </div>
      ) : null}
      <div class="navixy-toolbar">
        <label class="check">
          <input type="checkbox" checked={allShown} disabled={disabled || shown.length === 0} onChange={(e) => onToggleAll(shown.map((u) => u.id), e.currentTarget.checked)} />
          {t.users.selectAll}
        </label>
        <span>{t.users.selected(selected.size)}</span>
      </div>
      {shown.length === 0 ? <p class="muted">{t.users.empty}</p> : (
        <div class="navixy-users-scroll">
          <table class="navixy-users">
            <thead>
              <tr><th scope="col"><span class="visually-hidden">{t.users.selectAll}</span></th><th scope="col">{t.users.colName}</th><th scope="col">{t.users.colLogin}</th><th scope="col">{t.users.colMfa}</th></tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id}>
                  <td><input type="checkbox" aria-label={t.users.select(u.name)} checked={selected.has(u.id)} disabled={disabled} onChange={(e) => onToggle(u.id, e.currentTarget.checked)} /></td>
                  <td class="portal-text">{cleanBidi(u.name)}{u.active ? null : <> <span class="muted" data-field="navixy-inactive">({t.users.inactiveBadge})</span></>}</td>
                  <td class="mono portal-text">{cleanBidi(u.login)}</td>
                  <td class={u.mfaAllowed ? 'ok-text' : 'muted'}>{u.mfaAllowed ? t.users.allowedBadge : t.users.disallowedBadge}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
