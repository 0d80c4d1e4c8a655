import type { PortalStatus } from '../protocol';
import { checkPortalUrl } from '../../../portal/origin';
import { openInTab } from '../../../ui';
import { popup } from '../i18n/popup';
import { signIn as t } from '../i18n/sign-in';
import { ApiKeyForm } from './ApiKeyForm';

interface Props {
  data: PortalStatus;
  host: string;
  tabId: number | undefined;
  busy: boolean;
  /** Why access was not granted, after the browser's prompt. */
  note: string;
  /** The tab shows the portal's activation page: setup can continue from it. */
  canSetUp: boolean;
  onAllow: () => void;
  onSetUp: () => void;
  onKey: (key: string, remember: boolean) => void;
}

/**
 * What the popup shows before it can read a status: no access to the site yet, signed out (or the API key
 * refused), or a private window / container whose cookies the extension cannot use. The popup loads this with
 * the API key form only when one of these states is shown (components/lazy.tsx), not before every status.
 */
export function SignInSections({ data, host, tabId, busy, note, canSetUp, onAllow, onSetUp, onKey }: Props) {
  if (data.state === 'noPermission') {
    return (
      <section>
        <h2>{t.noPermissionTitle(host)}</h2>
        {data.looksLikePortal ? <p>{t.looksLikePortal}</p> : null}
        <p>{t.noPermissionBody(host)}</p>
        <button type="button" class="primary" onClick={onAllow}>{t.allow(host)}</button>
        {note ? <p role="alert">{note}</p> : null}
      </section>
    );
  }
  if (data.state === 'signedOut') {
    return (
      <section>
        <h2>{data.keyRefused ? t.keyRefusedTitle : t.signedOutTitle(host)}</h2>
        <p>{data.keyRefused ? t.keyRefusedBody : t.signedOutBody}</p>
        {canSetUp ? <button type="button" class="primary" onClick={onSetUp}>{popup.setUp}</button> : null}
        <button type="button" class="primary" onClick={() => {
          const url = checkPortalUrl(data.signInUrl, data.origin);
          if (url.ok) void openInTab(url.value.href, tabId);
        }}>{t.signIn}</button>
        <ApiKeyForm busy={busy} open={data.keyRefused} onSubmit={onKey} />
      </section>
    );
  }
  if (data.state === 'separateCookies' && data.jar) {
    return (
      <section>
        <h2>{data.keyRefused ? t.keyRefusedTitle : t.separateCookiesTitle(data.jar, host)}</h2>
        <p>{t.separateCookiesBody(data.jar, host)}</p>
        <ApiKeyForm busy={busy} open privateWindow={data.jar === 'private'} onSubmit={onKey} />
      </section>
    );
  }
  return null;
}
