// parseDocument: decoded text + metadata → Document; a text without tasks is refused.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError, SourceErrors } from '../../../src/domain/source-error';
import type { DocumentMeta } from '../../../src/domain/types';
import {
  ingestAll,
  ingestDocumentFile,
  isDocumentFile,
  parseDocument,
  readDocument,
  readDocumentsFolder,
  scanDocumentsFolder,
} from '../../../src/sources/documents/index';

const meta: DocumentMeta = {
  slug: 'snippet',
  regionCode: '542500',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '2018-01-01', end: '2030-12-31' },
};

describe('parseDocument', () => {
  it('a document of its text: metadata, tasks and the source kept whole', () => {
    const text = '某某方案\n1.甲事项。（市发改委）\n拉萨市人民政府\n2019年8月19日';
    const doc = parseDocument(text, meta, 'content/documents/snippet.txt');
    expect([doc.slug, doc.sourceFile, doc.meta, doc.title, doc.issuer, doc.writtenOn, doc.source]).toEqual([
      'snippet',
      'content/documents/snippet.txt',
      meta,
      '某某方案',
      '拉萨市人民政府',
      '2019-08-19',
      text,
    ]);
    expect(doc.tasks.map((t) => [t.id, t.documentSlug])).toEqual([['snippet/t1', 'snippet']]);
  });

  it('the issuer from the metadata file when the text names none', () => {
    expect(parseDocument('1.甲事项。（市发改委）', { ...meta, issuer: '拉萨市人民政府办公室' }, 'x.txt').issuer).toBe(
      '拉萨市人民政府办公室',
    );
    expect(parseDocument('1.甲事项。（市发改委）', meta, 'x.txt').issuer).toBeNull();
  });

  it('a text without tasks is refused, naming the file', () => {
    const refuse = () => parseDocument('某某方案\n\n为推进工作，制定本方案。', meta, 'content/documents/snippet.txt');
    expect(refuse).toThrow(SourceError);
    expect(refuse).toThrow(/^content\/documents\/snippet\.txt: no task found; expected numbered items/);
  });
});

describe('isDocumentFile', () => {
  it('document formats are documents; metadata and notes are not', () => {
    expect(['a.txt', 'a.TXT', 'a.html', 'a.docx', 'a.pdf', 'a.yaml', 'a.fixes.yaml', 'a.md', 'a'].map(isDocumentFile)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

const META = 'region: "542500"\nkind: 分工方案\nreporting: annual\nspan: { start: 2018-12-20, end: 2030-12-31 }\n';
const TEXT = '1.加强草地资源保护。(地区农牧局)\n2.推进退牧还草。(地区林草局)\n';

/** A documents folder in a temporary directory, from name → contents (a name ending in "/" is a folder). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-documents-'));
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('/')) mkdirSync(join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}

const lines = (errors: SourceError[], dir: string) => errors.map((e) => e.message.replace(`${dir}/`, '')).sort();

describe('scanDocumentsFolder: slugs', () => {
  it('a document whose name cannot be an address is refused, with the name to give it', () => {
    const dir = folder({
      'x#y?z.txt': TEXT,
      'x#y?z.yaml': META,
      '...txt': TEXT,
      'Ali 2018.pdf': '%PDF-',
      'good-1.txt': TEXT,
      'good-1.yaml': META,
    });
    const { files, errors } = scanDocumentsFolder(dir);
    expect(files).toEqual(['...txt', 'Ali 2018.pdf', 'good-1.txt', 'x#y?z.txt']);
    expect(lines(errors, dir)).toEqual([
      expect.stringMatching(
        /^\.\.\.txt: "\.\." cannot be a document's name .*expected a name of lower-case letters .* such as document-1\.txt/,
      ),
      expect.stringMatching(
        /^Ali 2018\.pdf: "Ali 2018" cannot .* such as ali-2018\.pdf \(rename its \.yaml, \.fixes\.yaml and status folder with it\)/,
      ),
      expect.stringMatching(/^x#y\?z\.txt: "x#y\?z" cannot .* such as x-y-z\.txt/),
    ]);
  });

  it('two documents with one name are refused', () => {
    const dir = folder({ 'a.txt': TEXT, 'a.pdf': '%PDF-', 'a.yaml': META });
    expect(lines(scanDocumentsFolder(dir).errors, dir)).toEqual([
      expect.stringMatching(/^a\.txt: a second document named "a" \(beside a\.pdf\)/),
    ]);
  });
});

describe('scanDocumentsFolder: every file is a document, its metadata, its corrections or a README', () => {
  it('says what each other file is expected to be', () => {
    const dir = folder({
      'a.txt': TEXT,
      'a.yaml': META,
      'a.fixes.yaml': '[]\n',
      'README.md': '# notes',
      '.gitkeep': '',
      'orphan.yaml': META,
      'gone.fixes.yaml': '[]\n',
      'b.yml': META,
      'plan.doc': 'x',
      'notes.docx.bak': 'x',
      'drafts/': '',
    });
    expect(lines(scanDocumentsFolder(dir).errors, dir)).toEqual([
      'b.yml: a metadata file named .yml; expected b.yaml (the portal reads .yaml only)',
      'drafts: a folder inside the documents folder; expected only files: a document <slug>.txt, .html, .docx or .pdf, its metadata <slug>.yaml, its corrections <slug>.fixes.yaml, or a README',
      'gone.fixes.yaml: corrections for "gone", which has no document file; expected the document gone.txt (or .html, .docx, .pdf) beside it',
      'notes.docx.bak: unexpected file "notes.docx.bak"; expected a document <slug>.txt, .html, .docx or .pdf, its metadata <slug>.yaml, its corrections <slug>.fixes.yaml, or a README',
      'orphan.yaml: metadata for "orphan", which has no document file; expected the document orphan.txt (or .html, .docx, .pdf) beside it',
      expect.stringMatching(/^plan\.doc: a \.doc file, which the portal cannot read: convert it to \.docx first/),
    ]);
  });

  it('a missing folder is an error, not a crash', () => {
    const { errors } = scanDocumentsFolder(join(tmpdir(), 'qingdan-no-such-folder'));
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/the documents folder is missing/)]);
  });
});

describe('readDocument: every problem of a document at once', () => {
  it('its metadata, its text and its corrections each report theirs', async () => {
    const dir = folder({ 'a.txt': '关于做好工作的说明\n请各单位认真落实。\n', 'a.yaml': META + 'sourceUrl: javascript:alert(1)\n' });
    const { document, errors } = await readDocument(join(dir, 'a.txt'));
    expect(document).toBeNull();
    expect(lines(errors, dir)).toEqual([
      expect.stringMatching(/^a\.txt: no task found/),
      expect.stringMatching(/^a\.yaml, line 5, field "sourceUrl": not an http\(s\) address/),
    ]);
  });

  it('a document whose corrections alone are wrong can still have its status checked', async () => {
    const dir = folder({ 'a.txt': TEXT, 'a.yaml': META, 'a.fixes.yaml': '- task: t99\n  lead: [地区林草局]\n  reason: 原文如此\n' });
    const reading = await readDocument(join(dir, 'a.txt'));
    expect(reading.document).toBeNull();
    expect(reading.uncorrected?.tasks.map((t) => t.localId)).toEqual(['t1', 't2']);
    expect(reading.errors.map((e) => e.field)).toEqual(['0.task']);
  });

  it('a document is published from its path in the content folder, never the build machine’s', async () => {
    const dir = folder({ 'a.txt': TEXT, 'a.yaml': META });
    const file = join(dir, 'a.txt');
    expect((await ingestDocumentFile(file)).sourceFile).toBe('documents/a.txt');
    expect((await readDocument(file)).document?.sourceFile).toBe('documents/a.txt');
  });
});

describe('readDocumentsFolder and ingestAll', () => {
  it('one bad document does not stop the others; every error is listed', async () => {
    const dir = folder({
      'a.txt': TEXT,
      'a.yaml': META,
      'b.txt': TEXT,
      'b.yaml': META.replace('annual', 'weekly'),
      'c.txt': '没有任务。\n',
      'c.yaml': META,
      '...txt': TEXT,
      '...yaml': META,
    });
    const reading = await readDocumentsFolder(dir);
    expect(reading.documents.map((d) => d.slug)).toEqual(['a']);
    expect(reading.checkable.map((d) => d.slug)).toEqual(['a']);
    expect([...reading.unreadable].sort()).toEqual(['..', 'b', 'c']);
    expect(reading.errors.map((e) => e.file.replace(`${dir}/`, '')).sort()).toEqual(['...txt', 'b.yaml', 'c.txt']);
    await expect(ingestAll(dir)).rejects.toThrow(SourceErrors);
    await expect(ingestAll(dir)).rejects.toThrow(/3 error\(s\) in source data/);
  });
});
