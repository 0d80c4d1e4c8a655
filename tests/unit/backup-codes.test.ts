import { describe, expect, it } from 'vitest';
import { backupCodesClipboard, backupCodesFileName, backupCodesText, unusedCount } from '../../lib/providers/docspace/tfa/backup-codes';
import { formatFileDate } from '../../lib/i18n/t';
import { backupCodes as t } from '../../lib/providers/docspace/i18n/enrolment';

const codes = [
  { code: 'aZ3-_q', isUsed: false },
  { code: 'Kp09xQ', isUsed: true },
  { code: 'b7Yy2M', isUsed: false },
];
const date = new Date(2026, 4, 7, 23, 30);

describe('backup codes export', () => {
  it('counts unused codes', () => {
    expect(unusedCount(codes)).toBe(2);
    expect(unusedCount([])).toBe(0);
  });

  it('dates file names by the local calendar day, late in the evening too', () => {
    expect(formatFileDate(date)).toBe('2026-05-07');
    expect(formatFileDate(new Date(2026, 0, 2, 0, 5))).toBe('2026-01-02');
  });

  it.each([
    ['portal.example.com', 'backup-codes-portal.example.com-2026-05-07.txt'],
    ['127.0.0.1:8443', 'backup-codes-127.0.0.1_8443-2026-05-07.txt'],
    ['../evil/name', 'backup-codes-_evil_name-2026-05-07.txt'],
    ['', 'backup-codes-portal-2026-05-07.txt'],
  ])('names the file after the portal host and date: %j', (host, name) => {
    expect(backupCodesFileName(host, date, t)).toBe(name);
  });

  it('writes a heading, the explanation and numbered codes with used ones marked', () => {
    const text = backupCodesText(codes, 'portal.example.com', date, t.export);
    expect(text.split('\n')).toEqual([
      'Backup codes for portal.example.com',
      'Created May 7, 2026',
      '',
      t.export.explanation,
      '',
      ' 1. aZ3-_q',
      ' 2. Kp09xQ  (used)',
      ' 3. b7Yy2M',
      '',
    ]);
  });

  it('copies only the unused codes, one a line', () => {
    expect(backupCodesClipboard(codes)).toBe('aZ3-_q\nb7Yy2M');
  });
});
