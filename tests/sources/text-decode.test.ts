// Bytes → text for documents and status CSVs alike (src/sources/text-decode.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/sources/text-decode';

describe('decodeText', () => {
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

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    // 0xFF is not a lead byte in GB18030 and not valid UTF-8.
    expect(() => decodeText(new Uint8Array([0x61, 0xff, 0x62]))).toThrow(/neither/);
  });
});
