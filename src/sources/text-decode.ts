// Bytes → text. Government sites still publish GB18030 (GBK) pages; decode them rather than
// print mojibake, and refuse binaries instead of "finding" tasks in them.

export class DecodeError extends Error {}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'gb18030';
}

/** Share of control characters above which a file is treated as binary. */
const BINARY_CONTROL_SHARE = 0.01;

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DecodeError('the file is empty');
  if (bytes.includes(0)) throw new DecodeError('the file is binary (it contains NUL bytes), not text');
  let text: string;
  let encoding: Decoded['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      encoding = 'gb18030';
    } catch {
      throw new DecodeError('the file is neither UTF-8 nor GB18030 text');
    }
  }
  let controls = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  if (controls > Math.max(2, text.length * BINARY_CONTROL_SHARE)) {
    throw new DecodeError('the file is binary (too many control characters), not text');
  }
  if (text.trim() === '') throw new DecodeError('the file holds only white space');
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
