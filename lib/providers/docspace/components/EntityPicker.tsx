import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { AppError } from '../../../errors';
import type { Result } from '../../../result';
import { CONFIRM_LIMIT, type NamedEntity } from '../protocol';
import { policy as t } from '../i18n/policy';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Notice } from '../../../../components/Notice';
import { PortalText } from '../../../../components/PortalText';
import { isolate } from '../../../i18n/bidi';
import { flows } from '../i18n/flows';
import { IconClose, IconInfo, IconSearch } from '../../../../components/icons';
import './enrolment.css';
import './policy.css';

export type EntityKind = 'user' | 'group';

/** How an entity is shown: its name, or why there is none (deleted, not read, not checked, hidden from this role). */
export function entityLabel(e: NamedEntity, kind: EntityKind): string {
  if (e.invalid) {
    return t.invalidId(e.id);
  }
  if (e.missing) {
    return kind === 'user' ? t.unknownUser(e.id) : t.unknownGroup(e.id);
  }
  if (!e.name && e.unresolved === 'unread') {
    return kind === 'user' ? t.unreadUser(e.id) : t.unreadGroup(e.id);
  }
  if (!e.name && e.unresolved === 'unconfirmed') {
    return kind === 'user' ? t.unconfirmedUser(e.id) : t.unconfirmedGroup(e.id);
  }
  if (!e.name) {
    return kind === 'user' ? t.hiddenUser(e.id) : t.hiddenGroup(e.id);
  }
  return isolate(e.name);
}

interface Props {
  kind: EntityKind;
  label: string;
  searchLabel: string;
  selected: NamedEntity[];
  onChange: (next: NamedEntity[]) => void;
  onSearch: (text: string) => Promise<Result<NamedEntity[], AppError>>;
  /** Lower-case id → short tag such as "owner" or "you". */
  tags?: Record<string, string>;
  readOnly?: boolean;
  /** Asks the portal again for entries it did not name (not read, not checked); the caller merges the answers. */
  onRetry?: (ids: string[]) => Promise<Result<unknown, AppError>>;
  /** The list has no effect now (no trusted IPs set): the card is greyed and says so. */
  inactive?: boolean;
}

type Search = { status: 'idle' } | { status: 'busy' } | { status: 'done'; items: NamedEntity[] } | { status: 'error'; error: AppError };
const DEBOUNCE_MS = 250;

/** Mandatory users or groups: the chosen ones by name, and a search through the portal to add more. */
export function EntityPicker({ kind, label, searchLabel, selected, onChange, onSearch, tags = {}, readOnly = false, onRetry, inactive = false }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const query = text.trim();
    const ticket = ++latest.current;
    if (!query) {
      setSearch({ status: 'idle' });
      return undefined;
    }
    setSearch({ status: 'busy' });
    const timer = setTimeout(() => {
      void onSearch(query).then((r) => {
        if (ticket === latest.current) {
          setSearch(r.ok ? { status: 'done', items: r.value } : { status: 'error', error: r.error });
        }
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const note = (e: NamedEntity) => [e.email, tags[e.id.toLowerCase()]].filter(Boolean).join(' · ');
  const statusText =
    search.status === 'busy' ? t.searching : search.status === 'done' ? (search.items.length ? t.results(search.items.length) : t.noResults) : '';
  const chosen = useMemo(() => new Set(selected.map((e) => e.id.toLowerCase())), [selected]);

  return (
    <div class={inactive ? 'entity-picker policy-card inactive' : 'entity-picker policy-card'} role="group" aria-labelledby={`${id}-label`} aria-describedby={inactive ? `${id}-inactive` : undefined}>
      <h3 class="field-label" id={`${id}-label`}>
        {label}
      </h3>
      {inactive ? (
        <p class="card-note muted" id={`${id}-inactive`}>
          <IconInfo size={16} aria-hidden="true" /> {flows.policy.listsInactive}
        </p>
      ) : null}
      {selected.length ? (
        <SelectedList kind={kind} labelledBy={`${id}-label`} selected={selected} onChange={onChange} note={note} readOnly={readOnly} onRetry={onRetry} />
      ) : (
        <p class="muted">{kind === 'user' ? t.emptyList : t.emptyGroups}</p>
      )}
      {readOnly ? null : (
        <div class="picker-search">
          <label for={`${id}-search`}>{searchLabel}</label>
          <div class="search-field">
            <IconSearch size={16} aria-hidden="true" />
            <input
              id={`${id}-search`} type="search" autoComplete="off" value={text}
              placeholder={kind === 'user' ? flows.policy.searchPeople : flows.policy.searchGroups}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
          <p class="muted hint" role="status">
            {statusText}
          </p>
          {search.status === 'error' ? <ErrorNotice error={search.error} /> : null}
          {search.status === 'done' && search.items.length ? (
            <ul class="results" aria-label={t.resultsLabel(searchLabel)}>
              {search.items.map((e) => {
                const name = entityLabel(e, kind);
                const added = chosen.has(e.id.toLowerCase());
                return (
                  <li key={e.id}>
                    <button type="button" aria-label={t.add(name)} disabled={added} onClick={() => onChange([...selected, e])}>
                      {t.addShort}
                    </button>{' '}
                    <PortalText text={name} />
                    {note(e) ? <span class="muted"> (<PortalText text={note(e)} />)</span> : null}
                    {added ? <span class="muted"> · {t.alreadyAdded}</span> : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** Rows per page of a chosen list: a policy may name thousands, the page shows this many at a time. */
export const LIST_PAGE_SIZE = 50;

const isProblem = (e: NamedEntity) => Boolean(e.invalid || e.missing || !e.name);

interface SelectedProps {
  kind: EntityKind;
  labelledBy: string;
  selected: NamedEntity[];
  onChange: (next: NamedEntity[]) => void;
  note: (e: NamedEntity) => string;
  readOnly: boolean;
  onRetry: Props['onRetry'];
}

type Retry = { status: 'idle' } | { status: 'busy' } | { status: 'error'; error: AppError };

const isUnresolved = (e: NamedEntity) => !e.name && !e.missing && !e.invalid && Boolean(e.unresolved);

/**
 * Entries the portal did not name: why they are not "deleted" (only the portal's 404 for an id is), and a way to
 * ask again for exactly those.
 */
function UnresolvedNote({ selected, onRetry }: { selected: NamedEntity[]; onRetry: Props['onRetry'] }) {
  const [retry, setRetry] = useState<Retry>({ status: 'idle' });
  const ids = selected.filter(isUnresolved).map((e) => e.id);
  if (!ids.length) {
    return null;
  }
  const ask = async (ask: NonNullable<Props['onRetry']>) => {
    setRetry({ status: 'busy' });
    const r = await ask(ids);
    setRetry(r.ok ? { status: 'idle' } : { status: 'error', error: r.error });
  };
  return (
    <Notice
      kind="info"
      action={onRetry ? (
        <button type="button" disabled={retry.status === 'busy'} onClick={() => void ask(onRetry)}>
          {retry.status === 'busy' ? t.retryingNames : t.retryNames}
        </button>
      ) : undefined}
    >
      <p>{t.unresolvedNote(ids.length, CONFIRM_LIMIT)}</p>
      {retry.status === 'error' ? <ErrorNotice error={retry.error} /> : null}
    </Notice>
  );
}

/**
 * The chosen entries, LIST_PAGE_SIZE a page: counts (deleted, without a name, not valid), a filter by name, e-mail
 * or id, "only the problems" to clean up, and one button removing every deleted entry.
 */
function SelectedList({ kind, labelledBy, selected, onChange, note, readOnly, onRetry }: SelectedProps) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(0);
  const counts = useMemo(() => ({
    deleted: selected.filter((e) => e.missing && !e.invalid).length,
    unnamed: selected.filter((e) => !e.name && !e.missing && !e.invalid && !e.unresolved).length,
    invalid: selected.filter((e) => e.invalid).length,
    unread: selected.filter((e) => isUnresolved(e) && e.unresolved === 'unread').length,
    unconfirmed: selected.filter((e) => isUnresolved(e) && e.unresolved === 'unconfirmed').length,
  }), [selected]);
  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase();
    return selected.filter((e) =>
      (!onlyProblems || isProblem(e)) &&
      (!q || [e.name, e.email ?? '', e.id].some((v) => v.toLocaleLowerCase().includes(q))));
  }, [selected, filter, onlyProblems]);
  const pages = Math.max(1, Math.ceil(shown.length / LIST_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = shown.slice(current * LIST_PAGE_SIZE, (current + 1) * LIST_PAGE_SIZE);
  const paged = selected.length > LIST_PAGE_SIZE;

  return (
    <div class="selected-list">
      <p class="muted hint" id={`${id}-counts`}>{t.listCounts(kind, selected.length, counts)}</p>
      <UnresolvedNote selected={selected} onRetry={onRetry} />
      {paged || counts.deleted + counts.unnamed + counts.invalid + counts.unread + counts.unconfirmed > 0 ? (
        <div class="list-tools">
          <label>
            <span>{t.listFilter[kind]}</span>{' '}
            <input type="search" autoComplete="off" value={filter} onInput={(e) => { setFilter(e.currentTarget.value); setPage(0); }} />
          </label>
          <label class="check">
            <input type="checkbox" checked={onlyProblems} onChange={(e) => { setOnlyProblems(e.currentTarget.checked); setPage(0); }} />
            <span>{t.listOnlyProblems[kind]}</span>
          </label>
          {!readOnly && counts.deleted > 0 ? (
            <button type="button" onClick={() => onChange(selected.filter((e) => !(e.missing && !e.invalid)))}>{t.removeDeleted(counts.deleted)}</button>
          ) : null}
        </div>
      ) : null}
      {rows.length ? (
        <ul class="chips" aria-labelledby={labelledBy} aria-describedby={`${id}-counts`}>
          {rows.map((e) => {
            const name = entityLabel(e, kind);
            const problem = e.invalid || e.missing;
            return (
              <li key={e.id} class={problem ? 'chip missing' : 'chip'}>
                <span class="chip-text">
                  <span>
                    <PortalText class="chip-name" text={name} />
                    {e.invalid ? <span class="warn-text"> ({t.invalidTag})</span> : null}
                  </span>
                  {note(e) ? <PortalText class="chip-note muted" text={note(e)} /> : null}
                </span>
                {readOnly ? null : (
                  <button
                    type="button" class="chip-remove icon-button" aria-label={flows.policy.removeFromList(name)} title={flows.policy.removeFromList(name)}
                    onClick={() => onChange(selected.filter((s) => s.id !== e.id))}
                  >
                    <IconClose size={14} aria-hidden="true" />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t.listNoMatch}</p>
      )}
      {shown.length > LIST_PAGE_SIZE ? (
        // Named by the list's heading: the two lists' pagers are told apart as landmarks.
        <nav class="pager" aria-labelledby={labelledBy}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>{t.listPrevious}</button>
          <span class="muted" role="status">{t.listShowing(current * LIST_PAGE_SIZE + 1, Math.min(shown.length, (current + 1) * LIST_PAGE_SIZE), shown.length)}</span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>{t.listNext}</button>
        </nav>
      ) : null}
    </div>
  );
}
