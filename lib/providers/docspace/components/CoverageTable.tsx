import type { CoveragePerson } from '../coverage/types';
import { coveredOf, type Mode, type Sort, type SortKey } from '../coverage/filters';
import { coverageText as t } from '../i18n/coverage';
import { owner as ownerText } from '../i18n/enrolment';
import { PortalText } from '../../../../components/PortalText';

export interface RowActions {
  /** The owner's reset (rows with an authenticator, not the owner's own row). */
  reset?: { meId: string; onReset: (p: CoveragePerson) => void; onOwn: () => void };
  /** An admin's selection for the request to the owner. */
  select?: { selected: ReadonlySet<string>; onToggle: (p: CoveragePerson) => void };
}

interface Props {
  rows: readonly CoveragePerson[];
  /** All rows of the view (the caption counts them; `rows` is one page). */
  total: number;
  mode: Mode;
  sort: Sort;
  onSort: (key: SortKey) => void;
  actions: RowActions;
}

const SORT_KEYS: readonly SortKey[] = ['name', 'email', 'role', 'status', 'covered', 'sso', 'mandatory'];

/** One page of the coverage table: sortable headers (buttons, aria-sort), words in every cell (never colour alone). */
export function CoverageTable({ rows, total, mode, sort, onSort, actions }: Props) {
  const columns = t.columns(mode === 'sms');
  const yesNoClass = (v: boolean | null) => (v === true ? 'cov-yes' : v === false ? 'cov-no' : 'muted');
  return (
    <div class="coverage-table-wrap">
      <table class="coverage-table">
        <caption>{t.caption(total)}</caption>
        <thead>
          <tr>
            {actions.select ? <th scope="col"><span class="visually-hidden">{t.selectCol}</span></th> : null}
            {SORT_KEYS.map((key) => (
              <th
                key={key}
                scope="col"
                aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" class="sort-button" data-field={key} onClick={() => onSort(key)}>
                  {columns[key]}
                  <span aria-hidden="true" class="sort-mark">{sort.key === key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
                </button>
              </th>
            ))}
            {actions.reset ? <th scope="col"><span class="visually-hidden">{t.actionCol}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const covered = coveredOf(p, mode);
            const own = actions.reset?.meId === p.id;
            return (
              <tr key={p.id} data-testid="coverage-row">
                {actions.select ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.selectRow(p.name)}
                      checked={actions.select.selected.has(p.id)}
                      onChange={() => actions.select?.onToggle(p)}
                    />
                  </td>
                ) : null}
                <th scope="row" class="cov-name">
                  <PortalText text={p.name} />
                  {own ? <span class="muted"> {t.you}</span> : null}
                </th>
                <td>{p.email ? <PortalText text={p.email} /> : null}</td>
                <td>{t.role(p.role)}</td>
                <td>{t.status(p.status)}</td>
                <td class={yesNoClass(covered)} data-field="covered">{t.yesNo(covered)}</td>
                <td data-field="sso">{t.yesNo(p.sso)}</td>
                <td data-field="mandatory">{t.mandatory(p.mandatory)}</td>
                {actions.reset ? (
                  <td>
                    {own ? (
                      <button type="button" class="link" onClick={actions.reset.onOwn}>{t.ownRow}</button>
                    ) : p.hasApp === true ? (
                      <button type="button" class="danger" aria-label={ownerText.choose(p.name)} onClick={() => actions.reset?.onReset(p)}>
                        {t.resetShort}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
