// CSV cells and files (csv.ts): RFC 4180 quoting, the formula guard, BOM and CRLF.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/outputs/data/csv';
import { parseCsv } from './helpers';

describe('csvCell', () => {
  it('quotes only when RFC 4180 requires it and doubles quotes', () => {
    expect(csvCell('plain 文本')).toBe('plain 文本');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(38.5)).toBe('38.5');
    expect(csvCell(true)).toBe('true');
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends records with CRLF and round-trips through papaparse', () => {
    const rows = [
      { a: 'x,y', b: 'multi\nline "q"' },
      { a: '中文', b: '' },
    ];
    const csv = toCsv(
      [
        { name: 'a', description: '', get: (r: (typeof rows)[number]) => r.a },
        { name: 'b', description: '', get: (r: (typeof rows)[number]) => r.b },
      ],
      rows,
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv)).toEqual([
      ['a', 'b'],
      ['x,y', 'multi\nline "q"'],
      ['中文', ''],
    ]);
  });
});
