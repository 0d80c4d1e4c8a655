import { useId, useState } from 'preact/hooks';
import { navixy as t } from '../../lib/i18n/navixy';
import './navixy.css';

interface Props {
  host: string;
  busy: boolean;
  onSubmit: (login: string, password: string) => void;
}

/** Operator login and password for the panel. The password lives in this form's state only and is cleared once sent. */
export function NavixySignInForm({ host, busy, onSubmit }: Props) {
  const id = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.signIn.heading(host)}</h2>
      <p class="muted">{t.signIn.intro}</p>
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
        <input id={`${id}-login`} type="text" autoComplete="username" spellcheck={false} value={login} onInput={(e) => setLogin(e.currentTarget.value)} />
        <label for={`${id}-password`}>{t.signIn.password}</label>
        <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy || !login.trim() || !password}>{busy ? t.signIn.busy : t.signIn.submit}</button>
      </form>
    </section>
  );
}
