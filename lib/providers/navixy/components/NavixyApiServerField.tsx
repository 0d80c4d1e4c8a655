import { useId, useState } from 'preact/hooks';
import { parseApiBase } from '../config';
import { navixy as t } from '../i18n';
import './navixy.css';
import '../../../../components/forms.css';

/**
 * Navixy's regional API servers ([SPEC] `servers`), offered as choices when a panel is added. The legacy host
 * `https://api.navixy.com/v2` is not among them: it is named only to steer people away from it.
 */
export const NAVIXY_API_SERVERS = [
  { region: 'eu', apiBase: 'https://api.eu.navixy.com/v2' },
  { region: 'us', apiBase: 'https://api.us.navixy.com/v2' },
  { region: 'me', apiBase: 'https://api.me.navixy.com/v2' },
] as const;
export type NavixyRegion = (typeof NAVIXY_API_SERVERS)[number]['region'];
export const LEGACY_API_BASE = 'https://api.navixy.com/v2';

interface Props {
  /** The API base URL as typed or chosen. */
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}

/**
 * The API address of a panel being added: Navixy's three regional servers as radio buttons (choosing one fills the
 * field with its API base URL), or "on-premise or other" with the field to type into. The choice follows what the
 * field holds, so typing a regional server's address checks its region. One radio group in a fieldset with its
 * legend: arrow keys move between the choices, and the field keeps its own label and hint.
 */
export function NavixyApiServerField({ value, invalid, onChange }: Props) {
  const id = useId();
  const [otherChosen, setOtherChosen] = useState(false);
  const normalised = parseApiBase(value);
  const region = NAVIXY_API_SERVERS.find((s) => s.apiBase === normalised)?.region ?? null;
  const other = region === null && (otherChosen || value.trim() !== '');
  const legacy = normalised === LEGACY_API_BASE;
  const choose = (next: NavixyRegion | 'other') => {
    setOtherChosen(next === 'other');
    if (next !== 'other') onChange(NAVIXY_API_SERVERS.find((s) => s.region === next)!.apiBase);
    // From a regional server to "other": the field is emptied for the panel's own address.
    else if (region !== null) onChange('');
  };
  const hintId = `${id}-api-hint`;
  return (
    <>
      <fieldset class="form-card navixy-servers" aria-describedby={`${id}-servers-hint`}>
        <legend>{t.panels.apiServer}</legend>
        <p id={`${id}-servers-hint`} class="muted hint">{t.panels.apiServerHint}</p>
        {NAVIXY_API_SERVERS.map((s) => (
          <div class="radio-row navixy-server" key={s.region}>
            <input type="radio" id={`${id}-${s.region}`} name={`${id}-server`} checked={region === s.region} aria-describedby={`${id}-${s.region}-url`} onChange={() => choose(s.region)} />
            <label for={`${id}-${s.region}`}>{t.panels.servers[s.region]}</label>
            <span id={`${id}-${s.region}-url`} class="muted" dir="ltr">{s.apiBase}</span>
          </div>
        ))}
        <div class="radio-row navixy-server">
          <input type="radio" id={`${id}-other`} name={`${id}-server`} checked={other} onChange={() => choose('other')} />
          <label for={`${id}-other`}>{t.panels.servers.other}</label>
        </div>
      </fieldset>
      <div class="field">
        <label for={`${id}-api`}>{t.panels.apiBase}</label>
        <input
          id={`${id}-api`} type="url" spellcheck={false} value={value} aria-invalid={invalid} aria-describedby={hintId}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
        <p id={hintId} class={invalid ? 'error-text hint' : legacy ? 'warn-text hint' : 'muted hint'} data-field="navixy-api-hint">
          {invalid ? t.panels.invalidApi : legacy ? t.panels.legacyApi : t.panels.apiBaseHint}
        </p>
      </div>
    </>
  );
}
