// Text as a traditional-Chinese system saves it: simplified characters turned into Taiwan's traditional
// ones (OpenCC), then encoded in Big5. Node has no Big5 encoder, so the table is read back from its
// decoder (WHATWG Big5: lead bytes 0x81–0xFE, trail bytes 0x40–0x7E and 0xA1–0xFE).
import { Converter } from 'opencc-js/cn2t';

let table: Map<string, [number, number]> | null = null;

function big5Table(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('big5');
  // A440–F9FE: the standard Big5 hanzi and symbols (A1–A3), first match wins.
  for (let lead = 0xa1; lead <= 0xf9; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail > 0x7e && trail < 0xa1) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if ([...ch].length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

const toTaiwan = Converter({ from: 'cn', to: 'tw' });

/** The text in traditional characters (Taiwan), as an editor there would type it. */
export const traditional = (text: string): string => toTaiwan(text);

/**
 * Big5 bytes of `text` (converted to traditional characters first). A character Big5 lacks (•, a
 * no-break space) becomes a space, as a Big5 editor saving the file would make it something it has.
 */
export function big5(text: string): Buffer {
  const t = big5Table();
  const out: number[] = [];
  for (const ch of traditional(text)) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(t.get(ch) ?? [0x20]));
  }
  return Buffer.from(out);
}

/** Big5 bytes broken the way a bad copy breaks them: bytes no encoding we read takes (0xFF) among the text. */
export function brokenBig5(text: string): Buffer {
  const bytes = big5(text);
  const out: number[] = [];
  for (const [i, b] of bytes.entries()) {
    out.push(b);
    if (i % 40 === 39) out.push(0xff);
  }
  return Buffer.from(out);
}
