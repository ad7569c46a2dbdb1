// Advance widths straight from a TrueType/OpenType font's cmap + hmtx tables, so card text is
// wrapped and clamped by measurement before satori sees it (a title never depends on satori's own
// wrapping to stay inside the card). No kerning: callers keep a small safety margin.

export interface FontMetrics {
  unitsPerEm: number;
  /** Advance width in font units, or null when the font has no glyph for the code point. */
  advance(codePoint: number): number | null;
}

interface TableRecord {
  offset: number;
  length: number;
}

function tables(view: DataView): Map<string, TableRecord> {
  const tag = view.getUint32(0);
  // 0x00010000 = TrueType outlines, 'OTTO' = CFF outlines; TTC ('ttcf') and WOFF/WOFF2 are not accepted.
  if (tag !== 0x00010000 && tag !== 0x4f54544f) throw new Error('not a TTF/OTF font (TTC, WOFF and WOFF2 are not supported)');
  const count = view.getUint16(4);
  const out = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    out.set(name, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return out;
}

/** Table tags of a font file: a variable font has 'fvar', which satori cannot use. */
export function tableTags(data: Uint8Array): string[] {
  return [...tables(new DataView(data.buffer, data.byteOffset, data.byteLength)).keys()];
}

type GlyphLookup = (codePoint: number) => number;

function format12(view: DataView, at: number): GlyphLookup {
  const groups = view.getUint32(at + 12);
  const base = at + 16;
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = base + mid * 12;
      const start = view.getUint32(g);
      const end = view.getUint32(g + 4);
      if (cp < start) hi = mid - 1;
      else if (cp > end) lo = mid + 1;
      else return view.getUint32(g + 8) + (cp - start);
    }
    return 0;
  };
}

function format4(view: DataView, at: number): GlyphLookup {
  const segCount = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segCount; i++) {
      const end = view.getUint16(ends + i * 2);
      if (cp > end) continue;
      const start = view.getUint16(starts + i * 2);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + i * 2);
      const ro = view.getUint16(rangeOffsets + i * 2);
      if (ro === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + i * 2 + ro + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function cmapLookup(view: DataView, cmap: TableRecord): GlyphLookup {
  const n = view.getUint16(cmap.offset + 2);
  let best: { rank: number; at: number; format: number } | null = null;
  for (let i = 0; i < n; i++) {
    const rec = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const at = cmap.offset + view.getUint32(rec + 4);
    const format = view.getUint16(at);
    // Prefer a full-Unicode (format 12) table; fall back to the BMP (format 4) one.
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 12 && format !== 4)) continue;
    const rank = format === 12 ? 2 : 1;
    if (!best || rank > best.rank) best = { rank, at, format };
  }
  if (!best) throw new Error('font has no Unicode cmap (format 4 or 12)');
  return best.format === 12 ? format12(view, best.at) : format4(view, best.at);
}

/** Parse the metrics of a TTF/OTF font file. */
export function parseFontMetrics(data: Uint8Array): FontMetrics {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const t = tables(view);
  const head = t.get('head');
  const hhea = t.get('hhea');
  const hmtx = t.get('hmtx');
  const cmap = t.get('cmap');
  if (!head || !hhea || !hmtx || !cmap) throw new Error('font lacks one of head/hhea/hmtx/cmap');
  const unitsPerEm = view.getUint16(head.offset + 18);
  const longMetrics = view.getUint16(hhea.offset + 34);
  const glyphOf = cmapLookup(view, cmap);
  const cache = new Map<number, number | null>();
  return {
    unitsPerEm,
    advance(cp) {
      const hit = cache.get(cp);
      if (hit !== undefined) return hit;
      const glyph = glyphOf(cp);
      // Glyphs past numberOfHMetrics share the last long metric's advance.
      const value = glyph === 0 ? null : view.getUint16(hmtx.offset + Math.min(glyph, longMetrics - 1) * 4);
      cache.set(cp, value);
      return value;
    },
  };
}
