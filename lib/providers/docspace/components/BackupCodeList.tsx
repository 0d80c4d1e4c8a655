import { cleanBidi } from '../../../i18n/bidi';
import { useState } from 'preact/hooks';
import type { BackupCode } from '../protocol';
import { backupCodesClipboard, backupCodesFileName, backupCodesText, unusedCount } from '../tfa/backup-codes';
import { backupCodes as t, copyText } from '../i18n/enrolment';
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

/** Backup codes as a numbered monospace list (used ones struck through and labelled), with Copy all, Download and Print. */
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
      <p class="backup-count">{t.unused(unused, codes.length)}</p>
      <ol class="backup-code-list mono" aria-label={t.listLabel}>
        {codes.map((c, i) => (
          <li key={`${i}-${c.code}`} class={c.isUsed ? 'used' : undefined}>
            {c.isUsed ? (
              <>
                <s>{cleanBidi(c.code)}</s> <span class="muted">({t.used})</span>
              </>
            ) : (
              cleanBidi(c.code)
            )}
          </li>
        ))}
      </ol>
      <div class="code-actions no-print">
        <CopyButton text={backupCodesClipboard(codes)} label={t.copyAll} copied={copyText.backupCodes(unusedCount(codes))} />
        <button type="button" onClick={handleDownload}>
          {t.download}
        </button>
        <button type="button" onClick={() => window.print()}>
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
