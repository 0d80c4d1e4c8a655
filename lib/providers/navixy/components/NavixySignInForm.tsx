import { useId, useState } from 'preact/hooks';
import { navixy as t } from '../i18n';
import { apiOnPanelDomain } from '../users';
import './navixy.css';

interface Props {
  host: string;
  /** The API host that receives the password. */
  apiHost: string;
  busy: boolean;
  onSubmit: (login: string, password: string) => void;
}

/**
 * Operator login and password for the panel. The form names the host that receives the password,
 * and warns when it is not on the panel's domain. The password lives in this form's state only
 * and is cleared once sent.
 */
export function NavixySignInForm({ host, apiHost, busy, onSubmit }: Props) {
  const id = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const foreign = !apiOnPanelDomain(host, apiHost);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.signIn.heading(host)}</h2>
      <p class="muted">{t.signIn.intro}</p>
      <p id={`${id}-to`} data-field="navixy-sent-to">{t.signIn.sentTo(apiHost)}</p>
      {foreign ? <p class="warn-text" role="note" data-field="navixy-foreign-api">{t.signIn.foreignApi(apiHost, host)}</p> : null}
      <form
        class="navixy-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!login.trim() || !password) return;
          onSubmit(login.trim(), password);
          setPassword('');
        }}
      >
        <label for={`${id}-login`}>{t.signIn.login}</label>
        <input id={`${id}-login`} type="text" autoComplete="username" spellcheck={false} value={login} aria-describedby={`${id}-login-hint`} onInput={(e) => setLogin(e.currentTarget.value)} />
        <p id={`${id}-login-hint`} class="muted hint">{t.signIn.loginHint}</p>
        <label for={`${id}-password`}>{t.signIn.password}</label>
        <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} aria-describedby={`${id}-to`} onInput={(e) => setPassword(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy || !login.trim() || !password}>{busy ? t.signIn.busy : t.signIn.submit}</button>
      </form>
    </section>
  );
}
