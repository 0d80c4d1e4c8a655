import { cleanBidi } from '../../../i18n/bidi';
import { useState } from 'preact/hooks';
import type { BackupCode } from '../protocol';
import { backupCodesClipboard, backupCodesFileName, backupCodesText, unusedCount } from '../tfa/backup-codes';
import { backupCodes as t, copyText } from '../i18n/enrolment';
import { flows } from '../i18n/flows';
import { IconDownload, IconError, IconPrint, IconWarning } from '../../../../components/icons';
import { CopyButton } from './CopyButton';
import './enrolment.css';

interface Props {
  codes: readonly BackupCode[];
  /** Portal host, for the file name and the printed heading. */
  host: string;
  /** For tests; defaults to now. */
  date?: Date;
}

/** Saves text as a file through a Blob and an `<a download>`: no pop-up, no server. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** How many unused codes are left, as a chip: amber with a warning icon at 1, red at 0, and always in words. */
export function CountChip({ unused }: { unused: number }) {
  const tone = unused === 0 ? 'none' : unused === 1 ? 'low' : 'ok';
  return (
    <p class={`count-chip ${tone}`}>
      {tone === 'none' ? <IconError size={14} aria-hidden="true" /> : tone === 'low' ? <IconWarning size={14} aria-hidden="true" /> : null}
      {flows.codes.left(unused)}
    </p>
  );
}

/**
 * Backup codes as a bordered two-column grid of monospace chips (no ordinals: a code starting with "-" must not
 * read as punctuation), used ones struck through, muted and said in words; the count as a chip; Copy all,
 * Download and Print as one toolbar.
 */
export function BackupCodeList({ codes, host, date = new Date() }: Props) {
  const [saved, setSaved] = useState('');
  const fileName = backupCodesFileName(host, date, t);
  const unused = unusedCount(codes);

  const handleDownload = () => {
    download(backupCodesText(codes, host, date, t.export), fileName);
    setSaved(t.downloaded(fileName));
  };

  return (
    <div class="backup-codes">
      <CountChip unused={unused} />
      <ul class="code-grid mono" aria-label={t.listLabel}>
        {codes.map((c, i) => (
          <li key={`${i}-${c.code}`} class={c.isUsed ? 'used' : undefined}>
            {c.isUsed ? (
              <>
                <s>{cleanBidi(c.code)}</s>
                <span class="visually-hidden"> ({t.used})</span>
              </>
            ) : (
              cleanBidi(c.code)
            )}
          </li>
        ))}
      </ul>
      <div class="code-toolbar no-print" role="group" aria-label={flows.codes.actions}>
        <CopyButton text={backupCodesClipboard(codes)} label={t.copyAll} copied={copyText.backupCodes(unusedCount(codes))} withIcon />
        <button type="button" onClick={handleDownload}>
          <IconDownload size={16} aria-hidden="true" />
          {t.download}
        </button>
        <button type="button" onClick={() => window.print()}>
          <IconPrint size={16} aria-hidden="true" />
          {t.print}
        </button>
        <span role="status" class="copy-status">
          {saved}
        </span>
      </div>
      <section class="print-sheet" aria-hidden="true">
        <h2>{t.printHeading(host)}</h2>
        <p>{t.export.created(date)}</p>
        <p>{t.export.explanation}</p>
        <ol class="mono">
          {codes.map((c, i) => (
            <li key={`p-${i}-${c.code}`}>
              {cleanBidi(c.code)}
              {c.isUsed ? ` (${t.used})` : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
