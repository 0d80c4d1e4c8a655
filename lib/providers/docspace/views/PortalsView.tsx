import type { SiteLink } from '../../../provider';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { KnownPortal } from '../protocol';
import { portals as t } from '../i18n/portals';
import { common } from '../../../i18n/common';
import { ErrorNotice } from '../../../../components/ErrorNotice';

type State = { status: 'loading' } | { status: 'ready'; data: KnownPortal[] } | { status: 'error'; error: AppError };

/** The portals granted host access, with how we sign in to each, and a way to revoke. */
export function PortalsView({ current, otherSites }: { current: string | null; otherSites: readonly SiteLink[] }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = async () => {
    const r = await call<'listPortals'>({ type: 'listPortals' });
    setState(r.ok ? { status: 'ready', data: r.value } : { status: 'error', error: r.error });
  };
  useEffect(() => void load(), []);

  const forget = async (p: KnownPortal) => {
    setConfirming(null);
    const r = await call<'forgetPortal'>({ type: 'forgetPortal', origin: p.origin });
    if (!r.ok) return setState({ status: 'error', error: r.error });
    setAnnouncement(t.removed(p.host));
    await load();
  };

  return (
    <section aria-labelledby="portals-title">
      <h2 id="portals-title">{t.heading}</h2>
      {current ? <p>{t.intro}</p> : <p>{t.welcome}</p>}
      <p role="status">{announcement}</p>
      {state.status === 'loading' ? <p>{common.loading}</p> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={() => void load()} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? <p class="muted">{t.empty}</p> : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <ul class="portal-list">
          {state.data.map((p) => (
            <li key={p.origin}>
              <strong>{p.host}</strong> <span class="muted">· {p.granted ? t.granted : t.notGranted} · {p.auth === 'apiKey' ? t.apiKey(p.rememberedKey) : t.browserSignIn}</span>{' '}
              {confirming === p.origin ? (
                <span role="group" aria-label={t.forget(p.host)}>
                  <span>{t.confirmForget(p.host)}</span>{' '}
                  <button type="button" class="danger" onClick={() => void forget(p)}>{t.forget(p.host)}</button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>{common.cancel}</button>
                </span>
              ) : (
                <button type="button" class="danger" onClick={() => setConfirming(p.origin)}>{t.forget(p.host)}</button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {otherSites.map((link) => <p key={link.href}><a href={link.href}>{link.label}</a></p>)}
    </section>
  );
}
