import { useMemo, useState } from 'preact/hooks';
import type { CoveragePerson } from '../coverage/types';
import { COVERAGE_FILTERS, PAGE_SIZE, applyView, filterCounts, pageOf, type CoverageFilter, type Mode, type Sort, type SortKey } from '../coverage/filters';
import { coverageCsv, csvFileName } from '../coverage/csv';
import { coverageText as t, csvText } from '../i18n/coverage';
import { formatFileDate, locale } from '../../../i18n/t';
import { CoverageTable, type RowActions } from './CoverageTable';
import { CoverageRequest } from './CoverageRequest';

interface Props {
  people: readonly CoveragePerson[];
  mode: Mode;
  host: string;
  /** The owner's reset from a row; absent for an admin who is not the owner (they get the request instead). */
  reset?: RowActions['reset'];
}

/** Saves text as a file through a Blob URL and an <a download> (no permission), then lets the URL go. */
function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns: revoke a little later, not at once.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The people of a report: filter, search, sort, a page of 100 rows at a time (never 5,000 rows in the page), the CSV
 * of the whole view, and either the owner's reset per row or an admin's selection for a request to the owner.
 */
export function CoveragePeople({ people, mode, host, reset }: Props) {
  const [filter, setFilter] = useState<CoverageFilter>('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'asc' });
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [saved, setSaved] = useState('');
  const lang = locale();

  const counts = useMemo(() => filterCounts(people, mode), [people, mode]);
  const view = useMemo(() => applyView(people, { filter, search, sort }, mode, lang), [people, filter, search, sort, mode, lang]);
  const shown = pageOf(view, page);
  const first = view.length ? shown.page * PAGE_SIZE + 1 : 0;
  const last = shown.page * PAGE_SIZE + shown.rows.length;

  const onSort = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));
  const toggle = (p: CoveragePerson) => setSelected((s) => {
    const next = new Set(s);
    if (!next.delete(p.id)) next.add(p.id);
    return next;
  });
  const allSelected = view.length > 0 && view.every((p) => selected.has(p.id));
  // Select all adds the view to what was chosen under other filters; unticking takes the view away again.
  const selectAll = () => setSelected((s) => {
    const next = new Set(s);
    for (const p of view) if (allSelected) next.delete(p.id); else next.add(p.id);
    return next;
  });
  const exportCsv = () => {
    const name = csvFileName(host, formatFileDate(new Date()));
    download(coverageCsv(view, mode, csvText(mode === 'sms')), name);
    setSaved(t.exported(name));
  };

  return (
    <div class="coverage-people">
      <div class="coverage-controls">
        <div>
          <label for="coverage-filter">{t.filterLabel}</label>
          <select id="coverage-filter" value={filter} onChange={(e) => { setFilter(e.currentTarget.value as CoverageFilter); setPage(0); }}>
            {COVERAGE_FILTERS.map((f) => <option key={f} value={f}>{t.filter(f, counts[f], mode === 'sms')}</option>)}
          </select>
        </div>
        <div>
          <label for="coverage-search">{t.searchLabel}</label>
          <input id="coverage-search" type="search" value={search} maxLength={200} onInput={(e) => { setSearch(e.currentTarget.value); setPage(0); }} />
        </div>
        <button type="button" onClick={exportCsv} disabled={view.length === 0}>{t.exportCsv}</button>
      </div>
      <p role="status" class={saved ? 'muted' : 'visually-hidden'}>{saved}</p>
      {reset ? null : (
        <div class="coverage-select">
          <p>{t.adminNote}</p>
          <label class="check">
            <input type="checkbox" checked={allSelected} onChange={selectAll} disabled={view.length === 0} />
            {t.selectAll(view.length)}
          </label>
          <CoverageRequest host={host} people={people.filter((p) => selected.has(p.id))} />
        </div>
      )}
      {view.length === 0 ? <p>{t.noRows}</p> : (
        <>
          <CoverageTable
            rows={shown.rows}
            total={view.length}
            mode={mode}
            sort={sort}
            onSort={onSort}
            actions={reset ? { reset } : { select: { selected, onToggle: toggle } }}
          />
          <nav class="coverage-paging" aria-label={t.pageInfo(first, last, view.length)}>
            <button type="button" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)}>{t.prev}</button>
            <span>{t.pageInfo(first, last, view.length)}</span>
            <button type="button" disabled={shown.page >= shown.pages - 1} onClick={() => setPage(shown.page + 1)}>{t.next}</button>
          </nav>
        </>
      )}
    </div>
  );
}
