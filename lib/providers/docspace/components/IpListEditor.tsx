import { useId } from 'preact/hooks';
import { isPrivateEntry, type TrustedIpLine, type TrustedIpList } from '../tfa/trusted-ips';
import type { DraftParse } from '../tfa/policy-draft';
import { policy as t } from '../i18n/policy';
import { PortalText } from '../../../../components/PortalText';
import { IconInfo, IconWarning } from '../../../../components/icons';
import { flows } from '../i18n/flows';
import './policy.css';

interface Props {
  text: string;
  /** The parse of `text` (the editor and the save button share it). */
  list: TrustedIpList;
  /** Stored entries left as they were that never match a visitor's address: not blocking, removed by saving. */
  dropped?: TrustedIpLine[];
  /** Stored entries the portal cannot read (sign-in fails), with their fix: not blocking, never sent. */
  breaking?: DraftParse['breakingIps'];
  /** Replaces every breaking entry by its fix (or removes it) in the text. */
  onFix?: () => void;
  onText: (text: string) => void;
  readOnly?: boolean;
}

/** What saving does with entries the portal would misread, and the ones that trust too much (fact sheet §11.2). */
function IpNotes({ list, id }: { list: TrustedIpList; id: string }) {
  if (!list.converted.length && !list.huge.length && !list.hugeTogether) return <ul id={id} class="ip-notes" hidden />;
  return (
    <ul id={id} class="ip-notes" aria-live="polite">
      {list.converted.map((l) => (
        <li key={`c-${l.line}-${l.input}`} class="muted">
          {(l.result.ok && l.result.entry.hostBits && l.result.entry.kind === 'cidr' ? t.ipNetwork : t.ipConverted)(l.line, l.input, l.result.ok ? l.result.entry.value : '')}
        </li>
      ))}
      {list.huge.map((l) =>
        // A private, loopback or unique-local block reaches only a self-hosted portal from inside: a calm note.
        l.result.ok && isPrivateEntry(l.result.entry) ? (
          <li key={`h-${l.line}-${l.input}`} class="ip-note info">
            <IconInfo size={16} aria-hidden="true" />
            <span>{flows.policy.ipPrivate(l.line, l.input)}</span>
          </li>
        ) : (
          <li key={`h-${l.line}-${l.input}`} class="ip-note warn-text">
            <IconWarning size={16} aria-hidden="true" />
            <span>{t.ipHuge(l.line, l.input)}</span>
          </li>
        ),
      )}
      {list.hugeTogether ? (
        <li class="ip-note warn-text">
          <IconWarning size={16} aria-hidden="true" />
          <span>{t.ipHugeTogether}</span>
        </li>
      ) : null}
    </ul>
  );
}

/**
 * Trusted IPs, one per line. Invalid lines are listed by number with the reason and
 * mark the field invalid; duplicates are announced and dropped on save. Blocks the portal
 * would match wrongly show the range they will be saved as; entries that trust a large
 * part of the Internet are flagged (saving them asks for confirmation).
 */
/** Stored entries that make password sign-in fail on the portal (§12.1), with the fix saving sends. */
function BreakingNote({ breaking, id, onFix }: { breaking: DraftParse['breakingIps']; id: string; onFix?: () => void }) {
  return (
    <div id={id} class="notice error" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.ipBreakingHeading}</h3>
      <p>{t.ipBreakingBody}</p>
      <ul class="ip-list">
        {breaking.map((b) => (
          <li key={b.input}>{t.ipBreakingFix(b.input, b.fix)}</li>
        ))}
      </ul>
      {onFix ? (
        <button type="button" onClick={onFix}>
          {t.applyIpFixes}
        </button>
      ) : null}
    </div>
  );
}

/** The `request-x-real-ip` caveat (§12.1): a sign-in may name its own address. */
function RealIpNote({ id }: { id: string }) {
  return (
    <details id={id} class="notice warn">
      <summary>{t.realIpHeading}</summary>
      <p>{t.realIpWarning}</p>
    </details>
  );
}

export function IpListEditor({ text, list, dropped = [], breaking = [], onFix, onText, readOnly = false }: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorsId = `${id}-errors`;
  const statusId = `${id}-status`;
  const notesId = `${id}-notes`;
  const invalid = list.invalid.length > 0;
  const droppedNote = dropped.length ? <p id={`${id}-dropped`} class="notice warn">{t.storedIpsNeverMatch(dropped.map((l) => l.input))}</p> : null;
  const breakingNote = breaking.length ? <BreakingNote breaking={breaking} id={`${id}-breaking`} onFix={readOnly ? undefined : onFix} /> : null;
  const realIpNote = list.lines.length ? <RealIpNote id={`${id}-real-ip`} /> : null;

  if (readOnly) {
    return (
      <div class="ip-editor policy-card">
        <h3 class="field-label">{t.trustedIpsLabel}</h3>
        {breakingNote}
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
        {realIpNote}
      </div>
    );
  }

  return (
    <div class="ip-editor policy-card">
      <label class="field-label" for={id}>
        {t.trustedIpsLabel}
      </label>
      <p id={helpId} class="muted hint">
        {t.trustedIpsHelp}
      </p>
      {breakingNote}
      <textarea
        id={id}
        class="mono"
        rows={Math.min(Math.max(text.split('\n').length + 1, 4), 14)}
        spellcheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={invalid ? 'true' : 'false'}
        aria-describedby={`${helpId} ${statusId} ${errorsId} ${notesId}${dropped.length ? ` ${id}-dropped` : ''}${breaking.length ? ` ${id}-breaking` : ''}`}
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
      {realIpNote}
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
