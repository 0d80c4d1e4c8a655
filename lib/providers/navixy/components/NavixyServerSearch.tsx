import { useId, useState } from 'preact/hooks';
import { SORT_FIELDS, type NavixyUserList, type SortField } from '../protocol';
import { navixy as t } from '../i18n';
import { IconSearch } from '../../../../components/icons';
import '../../../../components/forms.css';

export interface Query { filter: string; orderBy: SortField; ascending: boolean; offset: number }
export const FIRST_PAGE: Query = { filter: '', orderBy: 'id', ascending: true, offset: 0 };

/** The panel's own search, ordering and paging, for dealers too large to load whole. */
export function ServerSearch({ query, list, disabled, onSearch }: { query: Query; list: Extract<NavixyUserList, { mode: 'server' }>; disabled: boolean; onSearch: (q: Query) => void }) {
  const id = useId();
  const [text, setText] = useState(query.filter);
  const first = list.count === 0 ? 0 : list.offset + 1;
  const last = list.offset + list.users.length;
  return (
    <div>
      <form class="navixy-toolbar" role="search" onSubmit={(e) => { e.preventDefault(); onSearch({ ...query, filter: text, offset: 0 }); }}>
        <span class="search-field">
          <IconSearch aria-hidden="true" />
          <input id={`${id}-q`} type="search" maxLength={200} aria-label={t.users.searchLabel} placeholder={t.users.searchPlaceholder} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </span>
        <button type="submit" disabled={disabled}>{t.users.search}</button>
        <span class="inline-field">
          <label for={`${id}-sort`}>{t.users.sortBy}</label>
          <select id={`${id}-sort`} value={query.orderBy} disabled={disabled} onChange={(e) => onSearch({ ...query, orderBy: sortFieldOf(e.currentTarget.value), offset: 0 })}>
            {SORT_FIELDS.map((o) => <option key={o} value={o}>{t.users.sort[o]}</option>)}
          </select>
          <select aria-label={t.users.orderLabel} value={query.ascending ? 'asc' : 'desc'} disabled={disabled} onChange={(e) => onSearch({ ...query, ascending: e.currentTarget.value === 'asc', offset: 0 })}>
            <option value="asc">{t.users.ascending}</option>
            <option value="desc">{t.users.descending}</option>
          </select>
        </span>
      </form>
      <nav class="navixy-toolbar" aria-label={t.users.pageRange(first, last, list.count)}>
        <button type="button" disabled={disabled || list.offset === 0} onClick={() => onSearch({ ...query, offset: Math.max(0, list.offset - list.pageSize) })}>{t.users.previousPage}</button>
        <span data-field="navixy-page-range">{t.users.pageRange(first, last, list.count)}</span>
        <button type="button" disabled={disabled || last >= list.count || list.users.length === 0} onClick={() => onSearch({ ...query, offset: last })}>{t.users.nextPage}</button>
      </nav>
    </div>
  );
}

/** The select's value as a sort field (anything else: by ID). */
const sortFieldOf = (value: string): SortField => SORT_FIELDS.find((f) => f === value) ?? 'id';
