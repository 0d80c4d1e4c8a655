import type { BackupCode } from '../schemas';

/**
 * Backup-code formatting and export, pure. The portal keeps used codes in its list
 * (§2.7) and only the newest set works (§2.8).
 */

export function unusedCount(codes: readonly BackupCode[]): number {
  return codes.filter((c) => !c.isUsed).length;
}

export interface FileNameText {
  /** The translated name for a (safe) host and a date, e.g. `backup-codes-portal.example.com-2026-05-01.txt`. */
  fileName: (host: string, date: Date) => string;
}

/** A file name safe on every OS, whatever the host or the translation put in it. */
export function backupCodesFileName(host: string, date: Date, text: FileNameText): string {
  const safeHost = host.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^[.-]+/, '') || 'portal';
  return text.fileName(safeHost, date).replace(/[\\/:*?"<>|]+/g, '_');
}

export interface ExportText {
  title: (host: string) => string;
  /** "Created 7 May 2026", in the current language. */
  created: (date: Date) => string;
  explanation: string;
  used: string;
}

/** The plain-text export: a heading, what the codes are for, then one numbered code a line. */
export function backupCodesText(codes: readonly BackupCode[], host: string, date: Date, text: ExportText): string {
  const lines = codes.map((c, i) => `${String(i + 1).padStart(2, ' ')}. ${c.code}${c.isUsed ? `  (${text.used})` : ''}`);
  return [text.title(host), text.created(date), '', text.explanation, '', ...lines, ''].join('\n');
}

/** Only the codes, one a line, for "Copy all": unused codes only, since used ones cannot sign in. */
export function backupCodesClipboard(codes: readonly BackupCode[]): string {
  return codes.filter((c) => !c.isUsed).map((c) => c.code).join('\n');
}
