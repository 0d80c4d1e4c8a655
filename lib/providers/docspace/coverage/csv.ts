import type { CoveragePerson } from './types';
import { coveredOf, type Mode } from './filters';

/**
 * The coverage view as CSV (issue 26 §1), pure: RFC 4180 (CRLF rows, fields with a comma, quote or line break in
 * double quotes, quotes doubled), UTF-8 with a byte-order mark so that a spreadsheet reads non-Latin names, and
 * formula-safe (OWASP "CSV injection"): a cell that begins with =, +, -, @, a tab or a carriage return gets a leading
 * apostrophe, so a name like "=HYPERLINK(…)" stays text. Only what the table shows: never a secret, never an id.
 */

/** The words of the file, in the page's language (i18n/coverage.ts). */
export interface CsvText {
  header: { name: string; email: string; role: string; status: string; covered: string; sso: string; mandatory: string };
  role: (role: CoveragePerson['role']) => string;
  status: (status: CoveragePerson['status']) => string;
  yesNo: (value: boolean | null) => string;
  mandatory: (value: CoveragePerson['mandatory']) => string;
}

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: neutralised, then quoted when RFC 4180 asks for it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvRow = (cells: readonly string[]) => cells.map(csvCell).join(',');

/** The whole file: BOM, header, one row per person in the given order. */
export function coverageCsv(people: readonly CoveragePerson[], mode: Mode, text: CsvText): string {
  const h = text.header;
  const lines = [csvRow([h.name, h.email, h.role, h.status, h.covered, h.sso, h.mandatory])];
  for (const p of people) {
    lines.push(csvRow([p.name, p.email ?? '', text.role(p.role), text.status(p.status), text.yesNo(coveredOf(p, mode)), text.yesNo(p.sso), text.mandatory(p.mandatory)]));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** "coverage-portal.example.com-2026-12-07.csv": the host (its own characters only) and the local date. */
export function csvFileName(host: string, date: string): string {
  const safeHost = host.replace(/[^A-Za-z0-9.-]/g, '_');
  return `coverage-${safeHost}-${date}.csv`;
}
