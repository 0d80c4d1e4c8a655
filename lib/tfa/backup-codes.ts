import type { BackupCode } from '../docspace/schemas';

/**
 * Backup-code formatting and export, pure. The portal keeps used codes in its list
 * (§2.7) and only the newest set works (§2.8).
 */

export function unusedCount(codes: readonly BackupCode[]): number {
  return codes.filter((c) => !c.isUsed).length;
}

/** `YYYY-MM-DD` in local time, for file names and headings. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A file name safe on every OS: `backup-codes-portal.example.com-2026-05-01.txt`. */
export function backupCodesFileName(host: string, date: Date): string {
  const safeHost = host.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^[.-]+/, '') || 'portal';
  return `backup-codes-${safeHost}-${isoDate(date)}.txt`;
}

export interface ExportText {
  title: (host: string) => string;
  created: (date: string) => string;
  explanation: string;
  used: string;
}

/** The plain-text export: a heading, what the codes are for, then one numbered code a line. */
export function backupCodesText(codes: readonly BackupCode[], host: string, date: Date, text: ExportText): string {
  const lines = codes.map((c, i) => `${String(i + 1).padStart(2, ' ')}. ${c.code}${c.isUsed ? `  (${text.used})` : ''}`);
  return [text.title(host), text.created(isoDate(date)), '', text.explanation, '', ...lines, ''].join('\n');
}

/** Only the codes, one a line, for "Copy all": unused codes only, since used ones cannot sign in. */
export function backupCodesClipboard(codes: readonly BackupCode[]): string {
  return codes.filter((c) => !c.isUsed).map((c) => c.code).join('\n');
}
