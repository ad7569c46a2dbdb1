// A source file in any format governments publish → plain text for the text parser.
//
// The format comes from the file's bytes first (a PDF or Word file saved as .txt, or a download
// named .jsp, is read as what it is), then from its extension. Text in traditional characters
// is converted to simplified. Formats we cannot read (Word 97-2003 .doc, WPS .wps, RTF, .odt,
// spreadsheets, pictures) are refused with the conversion to make. Every error is a SourceError
// whose message starts with the file's path.
import { readFileSync, statSync } from 'node:fs';
import { withoutControlCharacters } from '../../../domain/control-characters';
import { extname } from 'node:path';
import { LIMITS } from '../../../domain/limits';
import { SourceError } from '../../../domain/source-error';
import { sizeError } from '../../bounded-read';
import { decodeText, DecodeError } from '../../text-decode';
import { readDocx } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import { UnreadableFile } from './unreadable';
import { toSimplified } from '../../traditional';

export { decodeText, DecodeError } from '../../text-decode';
export { toSimplified } from '../../traditional';

import type { SourceFormat } from '../../../domain/types';

export type { SourceFormat } from '../../../domain/types';

export interface SourceText {
  text: string;
  format: SourceFormat;
  /** The text encoding read (plain text and HTML). */
  encoding?: string;
  /** True when the text was written in traditional characters and converted to simplified. */
  converted?: boolean;
}

/** Extensions read, by format. */
export const EXTENSIONS: Record<SourceFormat, readonly string[]> = {
  txt: ['.txt', '.text'],
  html: ['.html', '.htm', '.shtml', '.xhtml'],
  docx: ['.docx'],
  pdf: ['.pdf'],
};

/** Every extension `readSourceFile` accepts. */
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.values(EXTENSIONS).flat();

export const TO_DOCX = 'convert it to .docx first (Word/WPS: 另存为 .docx, or `libreoffice --headless --convert-to docx FILE`)';

function formatOfExtension(ext: string): SourceFormat | null {
  for (const [format, list] of Object.entries(EXTENSIONS)) if (list.includes(ext)) return format as SourceFormat;
  return null;
}

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => new TextDecoder('latin1').decode(bytes.subarray(from, to));

/** The names a ZIP archive holds, from its central directory (enough to tell OOXML from ODF). */
function zipNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes and a comment of up to 65,535 at the end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

interface Sniffed {
  format?: SourceFormat;
  /** A format we do not read, and what to do about it. */
  refuse?: string;
}

/** What the bytes say the file is. */
function sniff(bytes: Uint8Array, ext: string): Sniffed {
  // %PDF- may follow a few bytes of junk (the specification allows 1,024).
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { format: 'pdf' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const kind =
      ext === '.wps'
        ? 'a WPS Office .wps file'
        : ext === '.doc' || ext === '.dot'
          ? 'a Word 97-2003 .doc file'
          : ext === '.xls' || ext === '.et'
            ? 'a spreadsheet (.xls/.et), not a document'
            : 'an OLE compound file (Word 97-2003 .doc, WPS .wps or Excel .xls)';
    return { refuse: `${kind}; ${kind.includes('spreadsheet') ? 'save the document as .docx or .pdf instead' : TO_DOCX}` };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipNames(bytes);
    if (names.some((n) => n === 'word/document.xml')) return { format: 'docx' };
    if (names.some((n) => n === 'xl/workbook.xml'))
      return { refuse: 'an Excel .xlsx workbook, not a document; save the document as .docx or .pdf instead' };
    if (names.some((n) => n === 'ppt/presentation.xml'))
      return { refuse: 'a PowerPoint .pptx file, not a document; save the document as .docx or .pdf instead' };
    // ODF stores "mimetype" first and uncompressed: its content follows the 30-byte local header and the name.
    const mimetype = ascii(bytes, 30, 30 + 8) === 'mimetype' ? ascii(bytes, 38, 38 + 60) : '';
    if (/opendocument\.text/.test(mimetype) || ext === '.odt') return { refuse: `an OpenDocument .odt file; ${TO_DOCX}` };
    if (ext === '.docx' && names.length === 0) return { format: 'docx' }; // let mammoth say what is wrong
    return { refuse: 'a ZIP archive that is not a Word document; unpack it and read the document inside' };
  }
  if (ascii(bytes, 0, 5) === '{\\rtf') return { refuse: `an RTF file; ${TO_DOCX}` };
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    ascii(bytes, 0, 4) === 'GIF8' ||
    ascii(bytes, 0, 4) === 'II*\0' ||
    ascii(bytes, 0, 4) === 'MM\0*'
  ) {
    return { refuse: 'a picture, not text; it needs OCR first (for example `ocrmypdf -l chi_sim` after saving it as PDF)' };
  }
  return {};
}

/** A decoded .txt that is really a web page (saved from a browser under the wrong name). */
function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(text.slice(0, 2048));
}

export async function readSourceFile(file: string): Promise<SourceText> {
  const ext = extname(file).toLowerCase();
  let bytes: Uint8Array;
  try {
    // The larger bound first, before reading; plain text and web pages have a smaller one, checked below.
    const tooLarge = sizeError(file, statSync(file).size, LIMITS.documentPackageBytes, 'a document (.docx or .pdf)');
    if (tooLarge) throw tooLarge;
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError({ file }, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'a readable file');
  }
  if (bytes.length === 0) throw new SourceError({ file }, 'the file is empty', `a document as ${ACCEPTED_EXTENSIONS.join(' ')}`);

  const sniffed = sniff(bytes, ext);
  if (sniffed.refuse) throw new SourceError({ file }, sniffed.refuse);
  let format = sniffed.format ?? formatOfExtension(ext);
  if (format === 'txt' || format === 'html') {
    const tooLarge = sizeError(file, bytes.length, LIMITS.documentTextBytes, 'a document as text or a web page (.txt, .html)');
    if (tooLarge) throw tooLarge;
  }
  if (format === 'docx' && sniffed.format !== 'docx') {
    throw new SourceError(
      { file },
      'the file is named .docx but is not a Word document (no ZIP package)',
      'a .docx saved by Word, WPS or LibreOffice',
    );
  }
  if (format === 'pdf' && sniffed.format !== 'pdf') {
    throw new SourceError({ file }, 'the file is named .pdf but has no PDF header (%PDF-)', 'a PDF file');
  }
  if (format === null) {
    if (ext === '.doc' || ext === '.wps')
      throw new SourceError({ file }, `a ${ext} file that is not in the Word 97-2003 format either; ${TO_DOCX}`);
    throw new SourceError({ file }, `unsupported file type "${ext || '(no extension)'}"`, `one of ${ACCEPTED_EXTENSIONS.join(' ')}`);
  }

  try {
    let text: string;
    let encoding: string | undefined;
    if (format === 'txt' || format === 'html') {
      if (format === 'txt') {
        const decoded = decodeText(bytes);
        if (looksLikeHtml(decoded.text)) format = 'html';
        else {
          text = decoded.text;
          encoding = decoded.encoding;
        }
      }
      if (format === 'html') {
        const page = readHtml(bytes);
        text = page.text;
        encoding = page.encoding;
      }
    } else if (format === 'docx') text = (await readDocx(bytes)).text;
    else text = (await readPdf(bytes)).text;
    if (text!.trim() === '')
      throw new SourceError({ file }, `no text found in the ${format === 'txt' ? 'file' : format.toUpperCase()}`, 'a document with text');
    // Whatever the format, no control character reaches the portal (entities and Word runs make them too).
    const simplified = toSimplified(withoutControlCharacters(text!));
    return { text: simplified.text, format, ...(encoding ? { encoding } : {}), converted: simplified.converted };
  } catch (e) {
    // Each says "problem; what was expected or what to do".
    if (e instanceof DecodeError || e instanceof UnreadableFile) throw new SourceError({ file }, e.message);
    throw e;
  }
}
