// readSourceFile: the format by magic bytes, then extension; traditional text converted; every
// error a SourceError whose message starts with the file's path.
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_EXTENSIONS, EXTENSIONS, readSourceFile } from '../../../../src/sources/documents/formats/index';
import { SourceError } from '../../../../src/domain/source-error';
import { bodyText, contentLines, fixture } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'qingdan-formats-'));
const copy = (from: string, name: string) => {
  const file = join(dir, name);
  copyFileSync(from, file);
  return file;
};
const write = (name: string, content: string | Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

async function failure(file: string): Promise<SourceError> {
  const e = await readSourceFile(file).catch((x) => x);
  if (!(e instanceof SourceError)) throw new Error(`expected a SourceError for ${file}, got ${e}`);
  expect(e.message.startsWith(`${file}: `)).toBe(true);
  expect(e.file).toBe(file);
  return e;
}

describe('accepted extensions', () => {
  it('are listed by format and as one list', () => {
    expect(EXTENSIONS).toEqual({ txt: ['.txt', '.text'], html: ['.html', '.htm', '.shtml', '.xhtml'], docx: ['.docx'], pdf: ['.pdf'] });
    expect(ACCEPTED_EXTENSIONS).toEqual(['.txt', '.text', '.html', '.htm', '.shtml', '.xhtml', '.docx', '.pdf']);
  });
});

describe('each format', () => {
  it.each([
    ['aletai/source.txt', 'txt', 'utf-8', false],
    ['aletai/source.gb18030.txt', 'txt', 'gb18030', false],
    ['aletai/source.utf16le.txt', 'txt', 'utf-16le', false],
    ['aletai/source.utf16be.txt', 'txt', 'utf-16be', false],
    ['aletai/source.big5.txt', 'txt', 'big5', true],
    ['aletai/govcn.html', 'html', 'utf-8', false],
    ['aletai/govcn-gb18030.html', 'html', 'gb18030', false],
    ['aletai/source.docx', 'docx', undefined, false],
    ['aletai/source.pdf', 'pdf', undefined, false],
  ])(
    '%s → %s (%s), converted: %s',
    async (file, format, encoding, converted) => {
      const result = await readSourceFile(fixture(file));
      expect(result.format).toBe(format);
      expect(result.encoding).toBe(encoding);
      expect(result.converted).toBe(converted);
      // The document's paragraphs, whatever the format (the PDF's lines are the page's).
      if (format !== 'pdf') expect(contentLines(result.text).slice(-20)).toEqual(contentLines(bodyText('aletai')).slice(-20));
    },
    30_000,
  );

  it('a Big5 page (declared big5) is read in Big5 and converted to simplified', async () => {
    const big5 = readFileSync(fixture('aletai', 'source.big5.txt'));
    const ascii = (text: string) => new TextEncoder().encode(text);
    const page = Buffer.concat([
      ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><pre>'),
      big5,
      ascii('</pre></body></html>'),
    ]);
    const result = await readSourceFile(write('big5.htm', page));
    expect(result).toMatchObject({ format: 'html', encoding: 'big5', converted: true });
    expect(result.text).toBe(readFileSync(fixture('aletai', 'source.txt'), 'utf8').replace(/\n+$/, ''));
  });

  it('an .htm extension and a .shtml one are HTML', async () => {
    expect((await readSourceFile(copy(fixture('hunan', 'source.html'), 'page.htm'))).format).toBe('html');
    expect((await readSourceFile(copy(fixture('hunan', 'source.html'), 'page.shtml'))).format).toBe('html');
  });
});

describe('the bytes win over the name', () => {
  it('a PDF saved as .txt is read as PDF', async () => {
    const result = await readSourceFile(copy(fixture('aletai', 'source.pdf'), 'really-a-pdf.txt'));
    expect(result.format).toBe('pdf');
  }, 30_000);

  it('a .docx saved as .txt (a ZIP) is read as DOCX', async () => {
    expect((await readSourceFile(copy(fixture('aletai', 'source.docx'), 'really-a-docx.txt'))).format).toBe('docx');
  });

  it('a download without a proper name (.jsp) that is a PDF', async () => {
    expect((await readSourceFile(copy(fixture('aletai', 'source.pdf'), 'download.jsp'))).format).toBe('pdf');
  }, 30_000);

  it('a web page saved as .txt is read as HTML', async () => {
    const result = await readSourceFile(copy(fixture('aletai', 'govcn.html'), 'page.txt'));
    expect(result.format).toBe('html');
    expect(result.text).not.toContain('版权所有');
  });
});

describe('refused, with the file first and what to do', () => {
  it('a Word 97-2003 .doc (made by LibreOffice)', async () => {
    const file = fixture('aletai', 'source.doc');
    const e = await failure(file);
    expect(e.message).toBe(
      `${file}: a Word 97-2003 .doc file; convert it to .docx first (Word/WPS: 另存为 .docx, or \`libreoffice --headless --convert-to docx FILE\`)`,
    );
  });

  it('a WPS .wps file (an OLE compound file too)', async () => {
    const e = await failure(copy(fixture('aletai', 'source.doc'), 'plan.wps'));
    expect(e.message).toMatch(/: a WPS Office \.wps file; convert it to \.docx first \(Word\/WPS: 另存为 \.docx/);
  });

  it('an OLE compound file under any other name', async () => {
    const e = await failure(copy(fixture('aletai', 'source.doc'), 'plan.txt'));
    expect(e.message).toMatch(/: an OLE compound file \(Word 97-2003 \.doc, WPS \.wps or Excel \.xls\); convert it to \.docx first/);
  });

  it('a .doc that is not even an OLE file', async () => {
    const e = await failure(write('odd.doc', '一、总体要求\n'));
    expect(e.message).toMatch(/: a \.doc file that is not in the Word 97-2003 format either; convert it to \.docx first/);
  });

  it('an OpenDocument .odt (made by LibreOffice), also when named .docx', async () => {
    expect((await failure(fixture('aletai', 'source.odt'))).message).toMatch(/: an OpenDocument \.odt file; convert it to \.docx first/);
    expect((await failure(copy(fixture('aletai', 'source.odt'), 'plan.docx'))).message).toMatch(
      /: an OpenDocument \.odt file; convert it to \.docx first/,
    );
  });

  it('RTF', async () => {
    expect((await failure(write('plan.rtf', '{\\rtf1\\ansi 1. plan}'))).message).toMatch(/: an RTF file; convert it to \.docx first/);
  });

  it('a picture', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await failure(write('scan.png', png))).message).toMatch(/: a picture, not text; it needs OCR first/);
  });

  it('a scanned PDF', async () => {
    expect((await failure(fixture('aletai', 'scanned.pdf'))).message).toMatch(/: the PDF has no text layer .*; it needs OCR first/);
  }, 30_000);

  it('a .pdf that is not a PDF, a .docx that is not a Word document', async () => {
    expect((await failure(write('fake.pdf', '一、总体要求\n'))).message).toMatch(/: the file is named \.pdf but has no PDF header/);
    expect((await failure(write('fake.docx', '一、总体要求\n'))).message).toMatch(/: the file is named \.docx but is not a Word document/);
  });

  it('an empty file, a binary, garbage text', async () => {
    expect((await failure(write('empty.txt', ''))).message).toMatch(/: the file is empty/);
    expect((await failure(write('binary.txt', new Uint8Array([1, 2, 0, 4, 5, 0, 0, 9])))).message).toMatch(
      /: the file is binary \(it contains NUL bytes\), not text; expected text in UTF-8/,
    );
    expect((await failure(write('spaces.html', '  \n\n'))).message).toMatch(/: the file holds only white space/);
  });

  it('an unsupported extension lists the accepted ones', async () => {
    const e = await failure(write('notes.md', '# notes'));
    expect(e.message).toMatch(/: unsupported file type "\.md"; expected one of \.txt \.text \.html \.htm \.shtml \.xhtml \.docx \.pdf$/);
  });

  it('a missing file', async () => {
    expect((await failure(join(dir, 'missing.txt'))).message).toMatch(/: cannot read the file \(ENOENT\)/);
  });

  it('a page with no text', async () => {
    expect((await failure(write('blank.html', '<html><body><script>x()</script></body></html>'))).message).toMatch(
      /: no text found in the HTML/,
    );
  });
});

describe('size limits', () => {
  /** A file of `size` bytes starting with `head` (sparse: it takes no room on disk). */
  const sized = (name: string, head: string | Uint8Array, size: number) => {
    const file = write(name, head);
    truncateSync(file, size);
    return file;
  };

  it('a text file over 20 MB is refused, naming the file and the limit', async () => {
    const e = await failure(sized('huge.txt', '1.加强保护。（地区农牧局）\n', 20 * 2 ** 20 + 1));
    expect(e.message).toMatch(/the file is 20 MB, too large; expected a document as text or a web page \(\.txt, \.html\) of at most 20 MB/);
  });

  it('a PDF or Word file over 50 MB is refused before it is read', async () => {
    const e = await failure(sized('huge.pdf', '%PDF-1.7\n', 60 * 2 ** 20));
    expect(e.message).toMatch(/the file is 60 MB, too large; expected a document \(\.docx or \.pdf\) of at most 50 MB/);
    const docx = copy(fixture('aletai/source.docx'), 'big.docx');
    truncateSync(docx, 51 * 2 ** 20);
    expect((await failure(docx)).message).toMatch(/of at most 50 MB/);
  });

  it('a PDF between the two limits is read as a PDF', async () => {
    const pdf = readFileSync(fixture('aletai/source.pdf'));
    const file = write('padded.pdf', pdf);
    // Bytes after %%EOF are ignored by readers: a 21 MB PDF is within its limit.
    appendFileSync(file, Buffer.alloc(21 * 2 ** 20, 0x20));
    expect((await readSourceFile(file)).format).toBe('pdf');
  }, 30_000);
});
