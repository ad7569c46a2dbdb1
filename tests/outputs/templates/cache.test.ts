// The workbook cache of the templates stage: a model already written is read back, not written again;
// a changed model, a damaged entry or a new code version writes it again; unused workbooks are pruned.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbookCache, workbookKey } from '../../../src/outputs/templates/cache';
import type { TemplateModel } from '../../../src/outputs/templates/template';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'qingdan-workbooks-'));
  dirs.push(d);
  return d;
};

const model = (title = '某方案'): TemplateModel => ({
  slug: 'plan',
  title,
  period: { id: '2019-Q4', kind: 'quarter', start: '2019-10-01', end: '2019-12-31', label: '2019年第四季度' },
  rows: [{ task: '（一）', title: '推进河长制', lead: '县水利局' }],
  asOf: '2019-11-20',
});

/** A writer that counts its calls and returns bytes naming the model's title and the call. */
function countingWriter() {
  const calls: string[] = [];
  const make = async (m: TemplateModel) => {
    calls.push(m.title);
    return new TextEncoder().encode(`${m.title} #${calls.length}`);
  };
  return { calls, make };
}

describe('WorkbookCache', () => {
  it('reads back a workbook it wrote, across builds, without writing it again', async () => {
    const dir = tempDir();
    const { calls, make } = countingWriter();
    const first = await new WorkbookCache(dir).workbook(model(), make);
    const again = new WorkbookCache(dir);
    const second = await again.workbook(model(), make);
    expect(calls).toEqual(['某方案']);
    expect(Buffer.from(second).toString()).toBe(Buffer.from(first).toString());
    expect(again.stats).toEqual({ reused: 1, written: 0, damaged: 0 });
  });

  it('writes again when what the workbook shows changed', async () => {
    const dir = tempDir();
    const { calls, make } = countingWriter();
    await new WorkbookCache(dir).workbook(model(), make);
    const bytes = await new WorkbookCache(dir).workbook(model('另一方案'), make);
    expect(calls).toEqual(['某方案', '另一方案']);
    expect(Buffer.from(bytes).toString()).toBe('另一方案 #2');
    expect(workbookKey(model())).not.toBe(workbookKey(model('另一方案')));
  });

  it('writes a damaged entry again and counts it, never returning the damaged bytes', async () => {
    const dir = tempDir();
    const { calls, make } = countingWriter();
    await new WorkbookCache(dir).workbook(model(), make);
    writeFileSync(join(dir, `${workbookKey(model())}.xlsx`), 'truncated');
    const cache = new WorkbookCache(dir);
    const bytes = await cache.workbook(model(), make);
    expect(Buffer.from(bytes).toString()).toBe('某方案 #2');
    expect(cache.stats).toEqual({ reused: 0, written: 1, damaged: 1 });
    expect(calls).toHaveLength(2);
  });

  it('prunes the workbooks this build did not use, with their hash files', async () => {
    const dir = tempDir();
    const { make } = countingWriter();
    const old = new WorkbookCache(dir);
    await old.workbook(model('旧方案'), make);
    await old.workbook(model(), make);
    const next = new WorkbookCache(dir);
    await next.workbook(model(), make);
    expect(next.prune()).toBe(1);
    const key = workbookKey(model());
    expect(readdirSync(dir).sort()).toEqual([`${key}.xlsx`, `${key}.xlsx.sha256`]);
  });
});
