import { useEffect, useId, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { Me, NamedEntity } from '../protocol';
import { owner as t } from '../i18n/enrolment';
import { ResetUserConfirm } from '../components/ResetUserConfirm';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Notice } from '../../../../components/Notice';
import { IconSearch, IconSuccess } from '../../../../components/icons';
import { flows } from '../i18n/flows';
import '../components/enrolment.css';
import type { ViewProps } from './views';
import { PortalText } from '../../../../components/PortalText';

type Who = { status: 'loading' } | { status: 'ready'; me: Me | null } | { status: 'error'; error: AppError };
type Search =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'ready'; people: NamedEntity[] }
  | { status: 'error'; error: AppError };
type Target =
  | { status: 'none' }
  | { status: 'confirming' | 'resetting'; person: NamedEntity }
  | { status: 'done'; person: NamedEntity }
  | { status: 'error'; person: NamedEntity; error: AppError };

/** Owner tools: the owner resets another person's authenticator; admins and others are told why they cannot. */
export function OwnerView({ origin, navigate }: ViewProps) {
  const [who, setWho] = useState<Who>({ status: 'loading' });
  useEffect(() => {
    // Fresh, not the popup's cached status: who is signed in may have changed since.
    void call({ type: 'getStatus', origin, refresh: true }).then((reply) =>
      setWho(reply.ok ? { status: 'ready', me: reply.value.me } : { status: 'error', error: reply.error }),
    );
  }, [origin]);

  return (
    <section aria-labelledby="owner-title">
      <h2 id="owner-title">{t.title}</h2>
      {who.status === 'loading' ? <p role="status">{t.loading}</p> : null}
      {who.status === 'error' ? <ErrorNotice error={who.error} /> : null}
      {who.status === 'ready' && who.me?.role === 'owner' ? <OwnerTools origin={origin} me={who.me} /> : null}
      {who.status === 'ready' && who.me?.role !== 'owner' ? (
        <>
          <p>{who.me?.role === 'admin' ? t.adminOnly : t.notOwner}</p>
          <button type="button" onClick={() => navigate('reset')}>{t.goReset}</button>
        </>
      ) : null}
    </section>
  );
}

function OwnerTools({ origin, me }: { origin: string; me: Me }) {
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [target, setTarget] = useState<Target>({ status: 'none' });

  const handleSearch = async () => {
    setTarget({ status: 'none' });
    setSearch({ status: 'searching' });
    const reply = await call({ type: 'searchPeople', origin, text: text.trim() });
    setSearch(reply.ok ? { status: 'ready', people: reply.value } : { status: 'error', error: reply.error });
  };

  const handleReset = async (person: NamedEntity) => {
    setTarget({ status: 'resetting', person });
    const reply = await call({ type: 'resetUserApp', origin, userId: person.id });
    setTarget(reply.ok ? { status: 'done', person } : { status: 'error', person, error: reply.error });
  };

  const statusText = target.status === 'done' ? t.done(target.person.name)
    : search.status === 'searching' ? t.searching
    : search.status === 'ready' ? (search.people.length ? t.results(search.people.length) : t.noResults)
    : '';

  return (
    <>
      <p>{t.intro}</p>
      <form
        class="search-row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void handleSearch();
        }}
      >
        <div>
          <label for={`${id}-q`}>{t.searchLabel}</label>
          <div class="search-field">
            <IconSearch size={16} aria-hidden="true" />
            <input id={`${id}-q`} type="search" value={text} maxLength={200} placeholder={flows.policy.searchPeople} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
        </div>
        <button type="submit" disabled={search.status === 'searching'}>{t.search}</button>
      </form>
      <p role="status" class={target.status === 'done' ? 'notice ok with-icon' : statusText ? undefined : 'visually-hidden'}>
        {target.status === 'done' ? <IconSuccess class="notice-icon" size={20} aria-hidden="true" /> : null}
        {statusText}
      </p>
      {search.status === 'error' ? <SearchFailed error={search.error} /> : null}
      {search.status === 'ready' && search.people.length > 0 ? (
        <ul class="people-results" aria-label={t.results(search.people.length)}>
          {search.people.map((p) => (
            <li key={p.id}>
              <span>
                <PortalText text={p.name} />
                {p.email ? (
                  <span class="muted">
                    {' · '}
                    <PortalText text={p.email} />
                  </span>
                ) : null}
                {p.id === me.id ? <span class="muted"> {t.you}</span> : null}
              </span>
              {p.id === me.id ? null : (
                <button type="button" class="danger" onClick={() => setTarget({ status: 'confirming', person: p })}>
                  {t.choose(p.name)}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {target.status === 'error' ? <ResetFailed name={target.person.name} error={target.error} /> : null}
      {target.status === 'confirming' || target.status === 'resetting' ? (
        <ResetUserConfirm
          name={target.person.name}
          busy={target.status === 'resetting'}
          onConfirm={() => handleReset(target.person)}
          onCancel={() => setTarget({ status: 'none' })}
        />
      ) : null}
    </>
  );
}

function SearchFailed({ error }: { error: AppError }) {
  // People search comes from the policy tools; until they answer, say so plainly.
  if (error.kind === 'notAvailable' || error.kind === 'badRequest') return <Notice kind="warn" role="alert"><p>{t.searchUnavailable}</p></Notice>;
  return <ErrorNotice error={error} />;
}

function ResetFailed({ name, error }: { name: string; error: AppError }) {
  if (error.kind === 'notAvailable' && error.reason === 'userDisabled') return <Notice kind="warn" role="alert"><p>{t.userDisabled(name)}</p></Notice>;
  if (error.kind === 'notAvailable') return <Notice kind="warn" role="alert"><p>{t.notEnrolled(name)}</p></Notice>;
  return <ErrorNotice error={error} />;
}
