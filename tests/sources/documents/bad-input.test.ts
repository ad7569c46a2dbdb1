// Bad input: a clear error naming file, line and field; never a half-parsed plan.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocumentFile } from '../../../src/sources/documents/index';
import { SourceError } from '../../../src/domain/source-error';

const dir = mkdtempSync(join(tmpdir(), 'qingdan-bad-'));
const goodMeta = 'region: "542500"\nkind: 分工方案\nsourceUrl: null\nreporting: annual\nspan: { start: 2018-12-20, end: 2030-12-31 }\n';
const goodText = '1.加强草地资源保护。(地区农牧局)\n';

function write(name: string, text: string | Uint8Array, meta = goodMeta): string {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, text);
  writeFileSync(join(dir, `${name}.yaml`), meta);
  return file;
}

async function errorOf(fn: () => Promise<unknown>): Promise<SourceError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('bad documents', () => {
  it('an empty file', async () => {
    const file = write('empty', '');
    const e = await errorOf(() => ingestDocumentFile(file));
    expect(e.file).toBe(file);
    expect(e.message).toMatch(/empty/);
  });

  it('a binary file', async () => {
    const file = write('binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect((await errorOf(() => ingestDocumentFile(file))).message).toMatch(/binary/);
  });

  it('GB18030 text is decoded, not refused', async () => {
    // "1.加强保护。(地区农牧局)" in GB18030, bytes written out by hand.
    const bytes = new Uint8Array([
      0x31, 0x2e, 0xbc, 0xd3, 0xc7, 0xbf, 0xb1, 0xa3, 0xbb, 0xa4, 0xa1, 0xa3, 0x28, 0xb5, 0xd8, 0xc7, 0xf8, 0xc5, 0xa9, 0xc4, 0xc1, 0xbe,
      0xd6, 0x29, 0x0a,
    ]);
    const doc = await ingestDocumentFile(write('gb18030', bytes));
    expect(doc.tasks[0].text).toBe('加强保护。(地区农牧局)');
    expect(doc.tasks[0].units[0].name).toBe('地区农牧局');
  });

  it('a document in which no task is found', async () => {
    const file = write('notask', '关于做好工作的说明\n请各单位认真落实。\n');
    const e = await errorOf(() => ingestDocumentFile(file));
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/no task found/);
  });
});

describe('bad metadata files', () => {
  it('an unknown field names its line', async () => {
    const file = write('unknown-field', goodText, goodMeta + 'colour: red\n');
    const e = await errorOf(() => ingestDocumentFile(file));
    expect(e.file).toMatch(/unknown-field\.yaml$/);
    expect(e.line).toBe(6);
    expect(e.field).toBe('colour');
    expect(e.message).toMatch(/unknown field "colour"/);
  });

  it('an invalid date names line and field', async () => {
    const file = write('bad-date', goodText, goodMeta.replace('2030-12-31', '2030-02-30'));
    const e = await errorOf(() => ingestDocumentFile(file));
    expect(e.line).toBe(5);
    expect(e.field).toBe('span.end');
    expect(e.message).toMatch(/real date/);
  });

  it('a region code of the wrong form', async () => {
    const file = write('bad-region', goodText, goodMeta.replace('"542500"', 'ali'));
    const e = await errorOf(() => ingestDocumentFile(file));
    expect([e.line, e.field]).toEqual([1, 'region']);
  });

  it('a missing metadata file', async () => {
    const file = join(dir, 'orphan.txt');
    writeFileSync(file, goodText);
    expect((await errorOf(() => ingestDocumentFile(file))).message).toMatch(/orphan\.yaml: the metadata file is missing/);
  });
});
