import { useId } from 'preact/hooks';
import type { TrustedIpLine, TrustedIpList } from '../tfa/trusted-ips';
import { policy as t } from '../i18n/policy';
import { PortalText } from '../../../../components/PortalText';
import './policy.css';

interface Props {
  text: string;
  /** The parse of `text` (the editor and the save button share it). */
  list: TrustedIpList;
  /** Stored entries left as they were that are not valid: not blocking, removed by saving. */
  dropped?: TrustedIpLine[];
  onText: (text: string) => void;
  readOnly?: boolean;
}

/** What saving does with entries the portal would misread, and the ones that trust too much (fact sheet §11.2). */
function IpNotes({ list, id }: { list: TrustedIpList; id: string }) {
  if (!list.converted.length && !list.huge.length) return <ul id={id} class="ip-notes" hidden />;
  return (
    <ul id={id} class="ip-notes" aria-live="polite">
      {list.converted.map((l) => (
        <li key={`c-${l.line}-${l.input}`} class="muted">
          {t.ipConverted(l.line, l.input, l.result.ok ? l.result.entry.value : '')}
        </li>
      ))}
      {list.huge.map((l) => (
        <li key={`h-${l.line}-${l.input}`} class="warn-text">
          {t.ipHuge(l.line, l.input)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Trusted IPs, one per line. Invalid lines are listed by number with the reason and
 * mark the field invalid; duplicates are announced and dropped on save. Blocks the portal
 * would match wrongly show the range they will be saved as; entries that trust a large
 * part of the Internet are flagged (saving them asks for confirmation).
 */
export function IpListEditor({ text, list, dropped = [], onText, readOnly = false }: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorsId = `${id}-errors`;
  const statusId = `${id}-status`;
  const notesId = `${id}-notes`;
  const invalid = list.invalid.length > 0;
  const droppedNote = dropped.length ? <p id={`${id}-dropped`} class="notice warn">{t.storedIpsInvalid(dropped.map((l) => l.input))}</p> : null;

  if (readOnly) {
    return (
      <div class="ip-editor">
        <h3 class="field-label">{t.trustedIpsLabel}</h3>
        {list.lines.length ? (
          <ul class="ip-list mono">
            {list.lines.map((l) => (
              <li key={`${l.line}-${l.input}`}>
                <PortalText text={l.input} />
                {l.result.ok ? null : <span class="warn-text"> ({t.invalidTag})</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t.trustedIpsNone}</p>
        )}
        {droppedNote}
        <IpNotes list={list} id={notesId} />
      </div>
    );
  }

  return (
    <div class="ip-editor">
      <label class="field-label" for={id}>
        {t.trustedIpsLabel}
      </label>
      <p id={helpId} class="muted hint">
        {t.trustedIpsHelp}
      </p>
      <textarea
        id={id}
        class="mono"
        rows={Math.min(Math.max(text.split('\n').length + 1, 4), 14)}
        spellcheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={invalid ? 'true' : 'false'}
        aria-describedby={`${helpId} ${statusId} ${errorsId} ${notesId}${dropped.length ? ` ${id}-dropped` : ''}`}
        onInput={(e) => onText(e.currentTarget.value)}
      />
      <ul id={errorsId} class="ip-errors" aria-live="polite">
        {list.invalid.map((l) => (
          <li key={`${l.line}-${l.input}`} class="error-text">
            {t.ipLineError(l.line, l.input, l.result.ok ? '' : t.ipProblem[l.result.problem])}
          </li>
        ))}
      </ul>
      {droppedNote}
      <IpNotes list={list} id={notesId} />
      <p id={statusId} class="muted hint" role="status">
        {[
          invalid ? t.ipInvalidCount(list.invalid.length) : '',
          list.values.length ? t.ipValidCount(list.values.length) : '',
          list.duplicates.length ? t.ipDuplicates(list.duplicates.length) : '',
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
    </div>
  );
}
