// content/documents/<slug>.yaml → DocumentMeta.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/domain/source-error';
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
