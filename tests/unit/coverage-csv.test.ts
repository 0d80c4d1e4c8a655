import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOM, coverageCsv, csvCell, csvFileName } from '../../lib/providers/docspace/coverage/csv';
import { csvText } from '../../lib/providers/docspace/i18n/coverage';
import { PEOPLE, person } from '../support/coverage-people';
import { parseCsv } from '../support/csv';


describe('coverage CSV', () => {
  it('neutralises cells that a spreadsheet would run as formulas (=, +, -, @, tab, CR)', () => {
    expect(csvCell('=SUM(1+1)')).toBe("'=SUM(1+1)");
    expect(csvCell('+7 900')).toBe("'+7 900");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('Ann = Bob')).toBe('Ann = Bob');
  });

  it('quotes as RFC 4180 says: commas, quotes (doubled) and line breaks', () => {
    expect(csvCell('Doe, John')).toBe('"Doe, John"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  it('any text reads back as itself (apostrophe aside) and never starts a formula', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const [[back]] = parseCsv(`${csvCell(s)}\r\n`) as [[string]];
      const neutral = /^[=+\-@\t\r]/.test(s);
      expect(back).toBe(neutral ? `'${s}` : s);
      expect(/^[=+\-@\t\r]/.test(back ?? '')).toBe(false);
    }));
  });

  it('the file: UTF-8 BOM, a header, one CRLF row per person in the order given, the words of the page', () => {
    const csv = coverageCsv([PEOPLE[0]!, PEOPLE[4]!, person(20, { name: '=SUM(1+1)', email: null, sso: true, hasApp: null })], 'app', csvText(false));
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual([
      ['Name', 'Email', 'Type', 'Status', 'Authenticator', 'SSO', 'Mandatory'],
      ['Olga Owner', 'owner@example.com', 'Owner', 'Active', 'Yes', 'No', 'No'],
      ['Юлия Смирнова', 'yulia@example.com', 'User', 'Active', 'No', 'No', 'By group'],
      ["'=SUM(1+1)", '', 'User', 'Active', 'Unknown', 'Yes', 'No'],
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Only what the table shows: no ids, no group ids.
    expect(csv).not.toContain(PEOPLE[0]!.id);
  });

  it('SMS mode: the column says phone activated and reads the phone status', () => {
    const rows = parseCsv(coverageCsv([person(1, { hasApp: null, phoneActivated: true })], 'sms', csvText(true)).slice(1));
    expect(rows[0]![4]).toBe('Phone activated');
    expect(rows[1]![4]).toBe('Yes');
  });

  it('file name: the host and the date, nothing else from outside', () => {
    expect(csvFileName('portal.example.com', '2026-12-07')).toBe('coverage-portal.example.com-2026-12-07.csv');
    expect(csvFileName('a/b:c', '2026-12-07')).toBe('coverage-a_b_c-2026-12-07.csv');
  });
});

describe('the request to the owner', () => {
  it('one line per person: a name cannot add lines or reorder the text', async () => {
    const { coverageText } = await import('../../lib/providers/docspace/i18n/coverage');
    const text = coverageText.request('portal.example.com', [person(1, { name: 'Eve\n- Mallory <m@x>', email: 'eve@example.com' }), person(2, { name: '\u202Egnp.exe', email: null })]);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Please reset the authenticator of these users on portal.example.com:',
      '- Eve - Mallory <m@x> <eve@example.com>',
      '- gnp.exe',
    ]);
  });
});
