// A PDF with a text layer → text, one line per visual line, in reading order (page, then top to
// bottom, then left to right). Lines are never joined here: hard line breaks in mid-sentence
// and page numbers stay as the page shows them, for the text parser to handle.
//
// pdf.js (pdfjs-dist, legacy build for Node) reads the file. It fetches nothing over the network:
// the predefined CMaps and standard fonts come from the package folder (read from disk), no
// system font is looked up, fonts are not installed as font faces, and its warnings are off
// (verbosity 0), so nothing reaches stdout.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UnreadableFile } from './unreadable';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const CMAP_DIR = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONT_DIR = join(PDFJS_DIR, 'standard_fonts') + '/';
const WASM_DIR = join(PDFJS_DIR, 'wasm') + '/';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const lib = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
    // The worker runs in this thread (Node has no web workers); point pdf.js at its module file.
    lib.GlobalWorkerOptions.workerSrc = pathToFileURL(join(PDFJS_DIR, 'legacy/build/pdf.worker.mjs')).href;
    return lib;
  })();
  return pdfjs;
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size: the item's height, or its transform's scale. */
  size: number;
  /** Pieces of one pdf.js item split at its spaces (see `splitItem`): the item and the piece's place. */
  item?: number;
  piece?: number;
}

/** Characters a CJK font sets one em wide. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u2014\u2026\u25a0-\u25ff]/u;

/**
 * pdf.js joins the glyphs that one font shows in a row into one item and writes a space for a gap,
 * also where a glyph of another font sits in the gap (Latin quotes and digits among Chinese text:
 * "省委 五四战略" with “ and ” drawn by a second font). Split such items at their spaces, placing
 * each piece by glyph widths (wide characters one em, others half an em, the rest of the width
 * shared among the gaps), so that the other font's glyphs fall back into their places.
 */
export function splitItem(item: Item, index: number): Item[] {
  const text = item.str;
  if (!/\S\s+\S/.test(text) || !WIDE.test(text)) return [item];
  const width = (s: string) => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 1 : 0.5) * item.size, 0);
  const parts = text.split(/(\s+)/);
  const words = parts.filter((_, i) => i % 2 === 0);
  const gaps = parts.length >> 1;
  const gap = Math.max(0, (item.width - words.reduce((w, s) => w + width(s), 0)) / Math.max(1, gaps));
  const out: Item[] = [];
  let x = item.x;
  words.forEach((word, i) => {
    if (word !== '') out.push({ ...item, str: word, x, width: width(word), item: index, piece: i });
    x += width(word) + gap;
  });
  return out;
}

interface VisualLine {
  y: number;
  size: number;
  items: Item[];
}

/** Group a page's items into visual lines: same baseline within half a font size, then left to right. */
export function groupLines(items: Item[]): string[] {
  const sorted = items.filter((i) => i.str !== '' && i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: VisualLine[] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= 0.5 * Math.min(l.size, item.size || l.size));
    if (line) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else lines.push({ y: item.y, size: item.size || 10, items: [item] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.map((line) => {
    const row = line.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let previous: Item | null = null;
    for (const item of row) {
      // A space only where the page leaves one: a gap of a quarter of the font size or more, or
      // the space pdf.js wrote between two pieces of one item that nothing else came between.
      const gap = item.x - end;
      const sameItem = previous !== null && item.item !== undefined && previous.item === item.item && previous.piece === item.piece! - 1;
      const spaced = sameItem || gap >= 0.25 * Math.min(item.size || line.size, line.size);
      if (text !== '' && spaced && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
      text += item.str;
      end = Math.max(end, item.x + item.width);
      previous = item;
    }
    return text.replace(/\s+$/, '');
  });
}

/** Characters a text layer without a usable Unicode mapping produces. */
function unreadableShare(text: string): number {
  let all = 0;
  let bad = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    all++;
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c < 0x20) bad++;
  }
  return all === 0 ? 0 : bad / all;
}

const OCR_HINT =
  'it needs OCR first (for example `ocrmypdf -l chi_sim FILE OUT.pdf`), or the document in another format (.docx, .html, .txt)';

export async function readPdf(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    wasmUrl: WASM_DIR,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    enableXfa: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException')
      throw new UnreadableFile('the PDF is protected by a password', 'expected a PDF that opens without one');
    throw new UnreadableFile(`the PDF cannot be read (${(e as Error).message})`, 'expected a valid PDF file');
  }
  try {
    const lines: string[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [a, b, , d, e, f] = raw.transform as number[];
        const size = raw.height || Math.hypot(a, b) || Math.abs(d);
        items.push(...splitItem({ str: raw.str, x: e, y: f, width: raw.width, size }, items.length));
        chars += raw.str.replace(/\s+/g, '').length;
      }
      lines.push(...groupLines(items));
      page.cleanup();
    }
    const text = lines.join('\n');
    if (chars === 0)
      throw new UnreadableFile(
        `the PDF has no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'} of images: a scan)`,
        OCR_HINT,
      );
    if (unreadableShare(text) > 0.3)
      throw new UnreadableFile('the PDF’s text layer cannot be read (its fonts map no Unicode characters)', OCR_HINT);
    return { text, pages: doc.numPages };
  } finally {
    await task.destroy();
  }
}
