// content/documents/<slug>.yaml → DocumentMeta.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError, SourceErrors } from '../../../src/domain/source-error';
import { loadDocumentMeta } from '../../../src/sources/documents/sidecar';

const dir = mkdtempSync(join(tmpdir(), 'qingdan-sidecar-'));
function write(name: string, text: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}
const BASE = 'region: "542500"\nkind: 分工方案\nreporting: annual\nspan: { start: 2018-12-20, end: 2030-12-31 }\n';

describe('loadDocumentMeta', () => {
  it('reads the fields; sourceUrl defaults to null', () => {
    expect(loadDocumentMeta(write('a', BASE), 'a')).toEqual({
      slug: 'a',
      regionCode: '542500',
      kind: '分工方案',
      sourceUrl: null,
      issuer: undefined,
      reporting: 'annual',
      span: { start: '2018-12-20', end: '2030-12-31' },
      note: undefined,
    });
  });

  it('optional issuer, source URL and note', () => {
    const m = loadDocumentMeta(write('b', BASE + 'issuer: 阿里地区行署\nsourceUrl: https://www.al.gov.cn/a.html\nnote: 扫描件\n'), 'b');
    expect([m.issuer, m.sourceUrl, m.note]).toEqual(['阿里地区行署', 'https://www.al.gov.cn/a.html', '扫描件']);
  });

  it.each([
    ['a span that ends before it starts', BASE.replace('end: 2030-12-31', 'end: 2017-12-31'), /span/],
    ['a kind not in the list', BASE.replace('分工方案', '通知'), /kind/],
    ['a source URL that is no URL', BASE + 'sourceUrl: 网站\n', /sourceUrl/],
  ])('%s is refused', (_, text, field) => {
    expect(() => loadDocumentMeta(write('c', text), 'c')).toThrow(SourceError);
    expect(() => loadDocumentMeta(write('c', text), 'c')).toThrow(field);
  });
});

/** The error(s) loading a metadata text gives. */
function errorsOf(text: string): SourceError[] {
  try {
    loadDocumentMeta(write('bad', text), 'bad');
  } catch (e) {
    if (e instanceof SourceErrors) return e.errors;
    if (e instanceof SourceError) return [e];
    throw e;
  }
  throw new Error('loaded without errors');
}

describe('loadDocumentMeta: only http(s) addresses reach the pages and documents.json', () => {
  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['//evil.example.com/a'],
    ['/documents/x/'],
    ['ftp://example.gov.cn/a.txt'],
    ['https://www.example.gov.cn/a b.html'],
  ])('%s is refused with file, line, field and "an http(s) address"', (url) => {
    const [e] = errorsOf(BASE + `sourceUrl: ${JSON.stringify(url)}\n`);
    expect([e.file.endsWith('bad.yaml'), e.line, e.field]).toEqual([true, 5, 'sourceUrl']);
    expect(e.message).toMatch(/not an http\(s\) address; expected an http\(s\) address/);
  });

  it('http and https are kept', () => {
    for (const url of ['http://www.huangyuan.gov.cn/', 'https://www.al.gov.cn/a.html?id=1#x'])
      expect(loadDocumentMeta(write('ok', BASE + `sourceUrl: ${url}\n`), 'ok').sourceUrl).toBe(url);
  });
});

describe('loadDocumentMeta: limits', () => {
  it('a URL, an issuer or a note too long is refused with its line and field', () => {
    const errors = errorsOf(
      BASE + `sourceUrl: https://example.gov.cn/${'a'.repeat(2000)}\nissuer: ${'局'.repeat(201)}\nnote: ${'注'.repeat(2001)}\n`,
    );
    expect(errors.map((e) => `${e.line}:${e.field}`)).toEqual(['5:sourceUrl', '6:issuer', '7:note']);
    expect(errors[0].message).toMatch(/too long \(2,023 characters\); expected at most 2,000 characters/);
    expect(errors[1].message).toMatch(/too long \(201 characters\); expected at most 200 characters/);
  });

  it('a metadata file over 1 MB is refused before it is read', () => {
    const file = write('huge', BASE);
    truncateSync(file, 2 * 2 ** 20);
    expect(() => loadDocumentMeta(file, 'huge')).toThrow(
      /huge\.yaml: the file is 2 MB, too large; expected a metadata file of at most 1 MB/,
    );
  });

  it('every problem of the file at once', () => {
    const errors = errorsOf(BASE.replace('分工方案', '通知').replace('annual', 'weekly') + 'sourceUrl: javascript:x\n');
    expect(errors.map((e) => e.field).sort()).toEqual(['kind', 'reporting', 'sourceUrl']);
  });
});
