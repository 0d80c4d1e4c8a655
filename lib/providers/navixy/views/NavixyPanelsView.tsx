import '../error-text';
import { useEffect, useId, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { NavixyPanelInfo } from '../protocol';
import { parseApiBase, parsePanelOrigin } from '../config';
import { requestHostAccessFor } from '../../../ui';
import { hostOf } from '../../../portal/origin';
import { navixy as t } from '../i18n';
import { common } from '../../../i18n/common';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { NavixyApiServerField } from '../components/NavixyApiServerField';
import '../components/navixy.css';
import '../../../../components/forms.css';

interface Props {
  /** A panel address to prefill (from the popup's "add it" link). */
  prefill: string | null;
  /** A panel whose "Forget panel" confirmation opens at once (from its card on the Portals page). */
  forget?: string | null;
  onOpen: (panel: string) => void;
}

/** The Navixy panels the user added (panel address + API base URL), a form to add one, and removal. */
export function NavixyPanelsView({ prefill, forget = null, onOpen }: Props) {
  const id = useId();
  const [panels, setPanels] = useState<NavixyPanelInfo[] | null>(null);
  const [panelUrl, setPanelUrl] = useState(prefill ?? '');
  const [apiBase, setApiBase] = useState('');
  const [invalid, setInvalid] = useState<{ panel: boolean; api: boolean }>({ panel: false, api: false });
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(forget);
  /** A known panel re-added with another API address: nothing changes until the user confirms. */
  const [apiChange, setApiChange] = useState<{ panel: string; apiBase: string; current: string } | null>(null);

  const load = async () => {
    const r = await call<'listNavixyPanels'>({ type: 'listNavixyPanels' });
    if (r.ok) setPanels(r.value);
    else setError(r.error);
  };
  useEffect(() => void load(), []);

  const add = async () => {
    const panel = parsePanelOrigin(panelUrl);
    const api = parseApiBase(apiBase);
    setInvalid({ panel: !panel, api: !api });
    setError(null);
    setNote('');
    if (!panel || !api) return;
    // The permission prompt needs this click's user gesture: ask before anything else is awaited.
    // Only the API is contacted; the panel's own page is recognised from the active tab without access.
    const granted = await requestHostAccessFor([new URL(api).origin]);
    if (!granted) return setNote(t.panels.permissionDenied);
    await save(panel, api, false);
  };

  const save = async (panel: string, api: string, confirmApiChange: boolean) => {
    setBusy(true);
    const r = await call<'addNavixyPanel'>({ type: 'addNavixyPanel', panel, apiBase: api, confirmApiChange });
    setBusy(false);
    setApiChange(null);
    if (!r.ok) {
      const current = panels?.find((p) => p.panel === panel);
      if (r.error.kind === 'panel' && r.error.reason === 'apiChanged' && current) return setApiChange({ panel, apiBase: api, current: current.apiBase });
      return setError(r.error);
    }
    setAnnouncement(t.panels.added(r.value.host));
    onOpen(r.value.panel);
  };

  const remove = async (p: NavixyPanelInfo) => {
    setConfirming(null);
    const r = await call<'removeNavixyPanel'>({ type: 'removeNavixyPanel', panel: p.panel });
    if (!r.ok) return setError(r.error);
    setAnnouncement(t.panels.removed(p.host));
    await load();
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.panels.heading}</h2>
      <p>{t.panels.intro}</p>
      <p role="status">{announcement}</p>
      {error ? <ErrorNotice error={error} /> : null}
      {panels === null ? <p>{common.loading}</p> : panels.length === 0 ? <p class="muted">{t.panels.empty}</p> : (
        <ul class="panel-list">
          {panels.map((p) => (
            <li key={p.panel} class="panel-row">
              <div class="panel-facts">
                <strong>{p.host}</strong>{' '}
                <span class="muted">
                  · {t.panels.api(p.apiBase)} · {p.login ? t.panels.signedInAs(p.login) : t.panels.signedOut}
                  {p.sessionEndsAt ? ` · ${t.panels.sessionEnds(p.sessionEndsAt)}` : ''}
                </span>
              </div>
              {confirming === p.panel ? (
                <div role="group" aria-label={t.panels.removeLabel(p.host)} class="notice warn panel-confirm">
                  <p>{t.panels.confirmRemove(p.host)}</p>
                  <div class="panel-actions">
                    <button type="button" class="quiet" onClick={() => setConfirming(null)}>{common.cancel}</button>
                    <button type="button" class="danger" aria-label={t.panels.removeLabel(p.host)} onClick={() => void remove(p)}>{t.panels.remove}</button>
                  </div>
                </div>
              ) : (
                <div class="panel-actions">
                  <button type="button" aria-label={t.panels.openLabel(p.host)} onClick={() => onOpen(p.panel)}>{t.panels.open}</button>
                  <button type="button" class="quiet danger" aria-label={t.panels.removeLabel(p.host)} onClick={() => setConfirming(p.panel)}>{t.panels.remove}</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="navixy-form" onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <div class="field">
          <label for={`${id}-panel`}>{t.panels.panelUrl}</label>
          <input id={`${id}-panel`} type="url" spellcheck={false} value={panelUrl} aria-invalid={invalid.panel} aria-describedby={`${id}-panel-hint`} onInput={(e) => setPanelUrl(e.currentTarget.value)} />
          <p id={`${id}-panel-hint`} class={invalid.panel ? 'error-text hint' : 'muted hint'}>{invalid.panel ? t.panels.invalidPanel : t.panels.panelUrlHint}</p>
        </div>
        <NavixyApiServerField value={apiBase} invalid={invalid.api} onChange={setApiBase} />
        <button type="submit" class="primary" disabled={busy}>{t.panels.add}</button>
        {note ? <p role="alert">{note}</p> : null}
      </form>
      {apiChange ? (
        <ConfirmDialog
          title={t.panels.changeApiTitle(hostOf(apiChange.panel))}
          confirmLabel={t.panels.changeApiConfirm}
          busy={busy}
          onConfirm={() => void save(apiChange.panel, apiChange.apiBase, true)}
          onCancel={() => setApiChange(null)}
        >
          <p>{t.panels.changeApiBody(hostOf(apiChange.panel), apiChange.apiBase, apiChange.current)}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
