// Text → GB18030 bytes, for the templates' “CSV” that WPS and Excel on Chinese Windows open directly. Node
// decodes GB18030 (TextDecoder, with ICU) but does not encode it, and no encoder is a dependency: the table
// is built once by decoding every two-byte sequence (GBK's characters) and every four-byte sequence of the
// Basic Multilingual Plane; characters beyond it follow GB18030's linear four-byte rule.

let table: Map<number, number[]> | null = null;

function buildTable(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const put = (bytes: number[]) => {
    let text: string;
    try {
      text = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    const cp = text.codePointAt(0)!;
    if (text.length === 1 && !map.has(cp)) map.set(cp, bytes);
  };
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) put([a, b]);
  // Four-byte sequences of the BMP: 81 30 81 30 … 84 31 A4 39.
  for (let a = 0x81; a <= 0x84; a++)
    for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) put([a, b, c, d]);
  return map;
}

/** A supplementary-plane code point's four bytes: 0x10000 is 90 30 81 30. */
function supplementary(cp: number): number[] {
  let n = cp - 0x10000;
  const d = n % 10;
  n = Math.floor(n / 10);
  const c = n % 126;
  n = Math.floor(n / 126);
  const b = n % 10;
  const a = Math.floor(n / 10);
  return [0x90 + a, 0x30 + b, 0x81 + c, 0x30 + d];
}

/** The GB18030 bytes of `text`. */
export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x10000) out.push(...supplementary(cp));
    else {
      const bytes = table.get(cp);
      if (!bytes) throw new Error(`U+${cp.toString(16).toUpperCase()} has no GB18030 encoding`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
