import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AppError } from '../../../errors';
import type { Result } from '../../../result';
import type { NamedEntity } from '../protocol';
import { policy as t } from '../i18n/policy';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import './policy.css';

export type EntityKind = 'user' | 'group';

/** How an entity is shown: its name, or why there is none (removed, or hidden from this role). */
export function entityLabel(e: NamedEntity, kind: EntityKind): string {
  if (e.missing) {
    return kind === 'user' ? t.unknownUser(e.id) : t.unknownGroup(e.id);
  }
  if (!e.name) {
    return kind === 'user' ? t.hiddenUser(e.id) : t.hiddenGroup(e.id);
  }
  return e.name;
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
}

type Search = { status: 'idle' } | { status: 'busy' } | { status: 'done'; items: NamedEntity[] } | { status: 'error'; error: AppError };
const DEBOUNCE_MS = 250;

/** Mandatory users or groups: the chosen ones by name, and a search through the portal to add more. */
export function EntityPicker({ kind, label, searchLabel, selected, onChange, onSearch, tags = {}, readOnly = false }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const latest = useRef(0);
  const has = (e: NamedEntity) => selected.some((s) => s.id.toLowerCase() === e.id.toLowerCase());

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

  return (
    <div class="entity-picker">
      <h3 class="field-label" id={`${id}-label`}>
        {label}
      </h3>
      {selected.length ? (
        <ul class="chips" aria-labelledby={`${id}-label`}>
          {selected.map((e) => {
            const name = entityLabel(e, kind);
            return (
              <li key={e.id} class={e.missing ? 'chip missing' : 'chip'}>
                <span class="chip-name">{name}</span>
                {note(e) ? <span class="muted"> ({note(e)})</span> : null}
                {readOnly ? null : (
                  <button type="button" class="chip-remove" aria-label={t.remove(name)} onClick={() => onChange(selected.filter((s) => s.id !== e.id))}>
                    {t.removeShort}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{kind === 'user' ? t.emptyList : t.emptyGroups}</p>
      )}
      {readOnly ? null : (
        <div class="picker-search">
          <label for={`${id}-search`}>{searchLabel}</label>
          <input id={`${id}-search`} type="search" autoComplete="off" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <p class="muted hint" role="status">
            {statusText}
          </p>
          {search.status === 'error' ? <ErrorNotice error={search.error} /> : null}
          {search.status === 'done' && search.items.length ? (
            <ul class="results" aria-label={t.resultsLabel(searchLabel)}>
              {search.items.map((e) => {
                const name = entityLabel(e, kind);
                const added = has(e);
                return (
                  <li key={e.id}>
                    <button type="button" aria-label={t.add(name)} disabled={added} onClick={() => onChange([...selected, e])}>
                      {t.addShort}
                    </button>{' '}
                    <span>{name}</span>
                    {note(e) ? <span class="muted"> ({note(e)})</span> : null}
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
