// parseDocument: decoded text + metadata → Document; a text without tasks is refused.
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/domain/source-error';
import type { DocumentMeta } from '../../../src/domain/types';
import { isDocumentFile, parseDocument } from '../../../src/sources/documents/index';

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
