import { useEffect, useId, useState } from 'preact/hooks';
import { navixy as t } from '../i18n';
import { hostOf } from '../../../portal/origin';
import './navixy.css';
import '../../../../components/forms.css';

interface Props {
  host: string;
  /** The panel's API base URL: its host receives the password, and it goes back with the sign-in. */
  apiBase: string;
  busy: boolean;
  /** `apiBase`: the address this form showed; the background refuses the sign-in if the panel's differs by then. */
  onSubmit: (login: string, password: string, apiBase: string) => void;
}

/**
 * Operator login and password for the panel. The form names the host that receives the password,
 * and warns when it is not on the panel's registrable domain (../domain.ts, loaded with this form:
 * until it has decided, the form cannot be sent). The password lives in this form's state only
 * and is cleared once sent.
 */
export function NavixySignInForm({ host, apiBase, busy, onSubmit }: Props) {
  const id = useId();
  const apiHost = hostOf(apiBase);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const foreign = useForeignApi(host, apiHost);
  const ready = foreign !== null && !busy && Boolean(login.trim()) && Boolean(password);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.signIn.heading(host)}</h2>
      <p class="muted">{t.signIn.intro}</p>
      <p id={`${id}-to`} data-field="navixy-sent-to">{t.signIn.sentTo(apiHost)}</p>
      {foreign ? <p id={`${id}-foreign`} class="warn-text" role="note" data-field="navixy-foreign-api">{t.signIn.foreignApi(apiHost, host)}</p> : null}
      <form
        class="navixy-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          onSubmit(login.trim(), password, apiBase);
          setPassword('');
        }}
      >
        <div class="field">
          <label for={`${id}-login`}>{t.signIn.login}</label>
          <input id={`${id}-login`} type="text" autoComplete="username" spellcheck={false} value={login} aria-describedby={`${id}-login-hint`} onInput={(e) => setLogin(e.currentTarget.value)} />
          <p id={`${id}-login-hint`} class="muted hint">{t.signIn.loginHint}</p>
        </div>
        <div class="field">
          <label for={`${id}-password`}>{t.signIn.password}</label>
          <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} aria-describedby={foreign ? `${id}-to ${id}-foreign` : `${id}-to`} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary" disabled={!ready}>{busy ? t.signIn.busy : t.signIn.submit}</button>
      </form>
    </section>
  );
}

/**
 * Whether the API host is off the panel's domain: null while the Public Suffix List loads (a chunk of its own, so
 * the options page does not load it until a sign-in form is shown); true if it cannot be loaded (warn rather than not).
 */
function useForeignApi(host: string, apiHost: string): boolean | null {
  const [foreign, setForeign] = useState<{ key: string; value: boolean } | null>(null);
  const key = `${host} ${apiHost}`;
  useEffect(() => {
    let live = true;
    import('../domain').then(
      ({ apiOnPanelDomain }) => live && setForeign({ key, value: !apiOnPanelDomain(host, apiHost) }),
      () => live && setForeign({ key, value: true }),
    );
    return () => {
      live = false;
    };
  }, [key, host, apiHost]);
  // A decision for other hosts (the props changed) is no decision.
  return foreign?.key === key ? foreign.value : null;
}
