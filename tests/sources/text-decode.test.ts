// Plain-text bytes → text: UTF-8, UTF-16 by its byte-order mark, GB18030 or Big5 by how
// plausible each reading is as Chinese; binaries and empty files refused with the reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chinesePlausibility, decodeText, DecodeError } from '../../src/sources/text-decode';
import { toSimplified } from '../../src/sources/traditional';
import { fixture, fixtureBytes } from './documents/formats/helpers';

const original = readFileSync(fixture('aletai', 'source.txt'), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(input: Uint8Array): DecodeError {
  try {
    decodeText(input);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('encodings of one document (aletai) decode to the UTF-8 original', () => {
  it('UTF-8', () => {
    expect(decodeText(fixtureBytes('aletai', 'source.txt'))).toEqual({ text: original, encoding: 'utf-8' });
  });

  it.each([
    ['source.gb18030.txt', 'gb18030'],
    ['source.utf16le.txt', 'utf-16le'],
    ['source.utf16be.txt', 'utf-16be'],
  ])('%s is %s', (file, encoding) => {
    const decoded = decodeText(fixtureBytes('aletai', file));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(original);
  });

  it('Big5: traditional text, the original once converted to simplified', () => {
    const decoded = decodeText(fixtureBytes('aletai', 'source.big5.txt'));
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text.startsWith('為深入貫徹黨中央、國務院決策部署')).toBe(true);
    expect(toSimplified(decoded.text).text).toBe(original);
  });
});

describe('GB18030 and Big5 are told apart by plausibility, not by validity', () => {
  const big5 = fixtureBytes('aletai', 'source.big5.txt');
  const gb = fixtureBytes('aletai', 'source.gb18030.txt');

  it('the Big5 file is valid GB18030 too, and reads as nonsense in it', () => {
    const asGb = new TextDecoder('gb18030', { fatal: true }).decode(big5);
    expect(chinesePlausibility(asGb).score).toBeLessThan(0.5);
    expect(decodeText(big5).encoding).toBe('big5');
  });

  it('the GB18030 file is valid Big5 too, and reads as nonsense in it', () => {
    const asBig5 = new TextDecoder('big5', { fatal: true }).decode(gb);
    expect(chinesePlausibility(asBig5).score).toBeLessThan(0.5);
    expect(decodeText(gb).encoding).toBe('gb18030');
  });

  it('a short GB18030 line (bytes by hand) is GB18030', () => {
    // "1.加强保护。(地区农牧局)"
    const line = new Uint8Array([
      0x31, 0x2e, 0xbc, 0xd3, 0xc7, 0xbf, 0xb1, 0xa3, 0xbb, 0xa4, 0xa1, 0xa3, 0x28, 0xb5, 0xd8, 0xc7, 0xf8, 0xc5, 0xa9, 0xc4, 0xc1, 0xbe,
      0xd6, 0x29, 0x0a,
    ]);
    expect(decodeText(line)).toEqual({ text: '1.加强保护。(地区农牧局)\n', encoding: 'gb18030' });
  });

  it('clean text of either script scores 1', () => {
    expect(chinesePlausibility(original).score).toBe(1);
    expect(chinesePlausibility(decodeText(big5).text).score).toBeGreaterThan(0.99);
  });
});

describe('normalisation', () => {
  it('CRLF and CR become LF; a UTF-8 byte-order mark is dropped', () => {
    const text = '\ufeff一、总体要求\r\n（一）目标。\r二、任务\n';
    expect(decodeText(bytes(text)).text).toBe('一、总体要求\n（一）目标。\n二、任务\n');
  });

  it('a UTF-16 byte-order mark is dropped', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x00, 0x4e, 0x0d, 0x00, 0x0a, 0x00]);
    expect(decodeText(le)).toEqual({ text: '一\n', encoding: 'utf-16le' });
  });

  it('plain ASCII is UTF-8', () => {
    expect(decodeText(bytes('1. plan\n')).encoding).toBe('utf-8');
  });
});

describe('refused, with the problem and what was expected', () => {
  const expected = /; expected text in UTF-8, UTF-16 with a byte-order mark, GB18030 \(GBK, GB2312\) or Big5$/;

  it('an empty file', () => {
    const e = refusal(new Uint8Array());
    expect(e.message).toMatch(/^the file is empty/);
    expect(e.message).toMatch(expected);
  });

  it('white space only, in any encoding', () => {
    expect(refusal(bytes(' \n\t\u3000\n')).message).toMatch(/only white space/);
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00])).message).toMatch(/only white space/);
  });

  it('a binary with NUL bytes (a PNG header)', () => {
    const e = refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    expect(e.message).toMatch(/binary \(it contains NUL bytes\)/);
    expect(e.message).toMatch(expected);
  });

  it('UTF-16 without a byte-order mark is named as such', () => {
    const noBom = fixtureBytes('aletai', 'source.utf16le.txt').subarray(2);
    expect(refusal(noBom).message).toMatch(/UTF-16 without a byte-order mark/);
  });

  it('control characters', () => {
    const noise = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 + (i % 8) : 0x41));
    expect(refusal(noise).message).toMatch(/binary, not text \(\d+ control characters/);
  });

  it('bytes that are valid GB18030 (or Big5) but read as no Chinese at all', () => {
    // Pairs from the GB18030 private-use and GBK/4 areas: valid, never in a document.
    const garbage = new Uint8Array(600).map((_, i) => (i % 2 === 0 ? 0xfe : 0x50 + (i % 40)));
    expect(refusal(garbage).message).toMatch(/does not read as Chinese text in any encoding tried \(common characters: GB18030 0%/);
  });

  it('bytes valid in none of the encodings', () => {
    // Latin-1 "Café crème": 0xE9 followed by a space is no GB18030 or Big5 pair.
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]);
    expect(refusal(latin1).message).toMatch(/not valid UTF-8, GB18030 or Big5 text/);
  });

  it('a BOM that lies', () => {
    // UTF-16LE BOM, then an unpaired high surrogate.
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])).message).toMatch(/byte-order mark but is not valid UTF-16LE/);
  });
});

describe('decodeText: CSV status files as spreadsheets save them', () => {
  it('decodes the GB18030 fixture and not as UTF-8', () => {
    const bytes = readFileSync('tests/fixtures/status/good/plan-q/2018-Q4.csv');
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('gb18030');
    expect(text.startsWith('报告期,文件,任务,状态')).toBe(true);
  });

  it('decodes hand-made GB18030 bytes, including a four-byte sequence', () => {
    // "中文" in GBK, then U+20000 𠀀 which GB18030 writes as four bytes 0x95 0x32 0x82 0x36
    // (bytes from python3: '\U00020000'.encode('gb18030')).
    expect(decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x95, 0x32, 0x82, 0x36])).text).toBe('中文\u{20000}');
  });

  it('prefers UTF-8 and drops its byte-order mark', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('任务')]));
    expect(r.encoding).toBe('utf-8');
    expect(r.text.replace(/^\uFEFF/, '')).toBe('任务');
  });

  it('refuses binary files', () => {
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toThrow(/binary/);
  });

  it('refuses bytes that are neither UTF-8, GB18030 nor Big5', () => {
    // 0xFF is a lead byte in none of them; ICU's Big5 decoder would silently drop it.
    expect(() => decodeText(new Uint8Array([0x61, 0xff, 0x62]))).toThrow(/not valid UTF-8, GB18030 or Big5/);
    // GB18030 reads 0x80 as €, and a text with nothing Chinese in it is not taken as Chinese.
    expect(() => decodeText(new Uint8Array([0x61, 0x80, 0x62]))).toThrow(/does not read as Chinese/);
  });
});
