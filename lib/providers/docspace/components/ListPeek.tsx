import { useState } from 'preact/hooks';
import type { AppError } from '../../../errors';
import type { Result } from '../../../result';
import type { ListSummary, NamedEntity } from '../protocol';
import { policyBlock as t } from '../i18n/policy-block';
import { PortalText } from '../../../../components/PortalText';
import { PopupErrorNotice as ErrorNotice } from '../../../../components/lazy';

/** Entries asked for per "and N more" click (one request per id not cached, so never more than MAX_RESOLVE). */
export const MORE_STEP = 20;

export type LoadMore = (offset: number, count: number) => Promise<Result<{ total: number; items: NamedEntity[] }, AppError>>;

interface Props {
  /** "5,000 mandatory users" or "12 trusted IP ranges". */
  label: string;
  summary: ListSummary;
  /** The first entries as the status has them, names filled in once resolved. */
  first: NamedEntity[];
  /** Whether the names of `first` are still being asked for. */
  resolving: boolean;
  kind: 'ip' | 'id';
  onMore: LoadMore;
}

const shortId = (id: string) => `${id.slice(0, 8)}…`;

function EntryText({ e, kind, resolving }: { e: NamedEntity; kind: Props['kind']; resolving: boolean }) {
  if (kind === 'ip' || e.invalid) {
    return (
      <>
        <PortalText text={e.name || e.id} class={kind === 'ip' ? 'mono' : undefined} />
        {e.clipped ? <span class="muted"> ({t.entryClipped(e.clipped)})</span> : null}
        {e.invalid ? <span class="warn-text"> ({e.breaks ? t.breaks : t.notValid})</span> : null}
      </>
    );
  }
  if (e.missing) return <span class="muted">{t.deletedEntity(e.id)}</span>;
  if (!e.name) return <span class="muted">{resolving ? shortId(e.id) : t.hiddenEntity(e.id)}</span>;
  return (
    <>
      <PortalText text={e.name} />
      {e.email ? <span class="muted entry-email"><PortalText text={e.email} /></span> : null}
    </>
  );
}

/**
 * One policy list in the popup: its count, the first few entries, and "and N more" revealing MORE_STEP at a time
 * (asked for on demand). Never a row per entry of a list of thousands, never a placeholder left on screen.
 */
export function ListPeek({ label, summary, first, resolving, kind, onMore }: Props) {
  const [more, setMore] = useState<NamedEntity[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const shown = [...first, ...more];
  const hidden = Math.max(0, summary.total - shown.length);

  const loadMore = async () => {
    setBusy(true);
    setError(null);
    const r = await onMore(shown.length, MORE_STEP);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setMore((m) => [...m, ...r.value.items]);
  };

  return (
    <div class="list-peek">
      <span class="muted">{t.listLabel(label)}</span>
      {summary.invalid > 0 ? <p class="warn-text hint">{t.notValidCount(summary.invalid)}</p> : null}
      {summary.total === 0 ? (
        <p>{t.noneSet}</p>
      ) : (
        <ul aria-label={label} aria-busy={resolving || busy}>
          {shown.map((e, i) => (
            <li key={`${i}-${e.id}`}>
              <EntryText e={e} kind={kind} resolving={resolving && i < first.length} />
            </li>
          ))}
          {hidden > 0 ? (
            <li>
              <button type="button" class="link" disabled={busy} onClick={() => void loadMore()}>
                {t.andMore(hidden)}
              </button>
            </li>
          ) : null}
        </ul>
      )}
      {error ? <ErrorNotice error={error} onRetry={() => void loadMore()} /> : null}
    </div>
  );
}
