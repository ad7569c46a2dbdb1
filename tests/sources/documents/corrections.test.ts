// An editor's corrections (<slug>.fixes.yaml): applied and marked with their reason; every bad or
// stale correction fails with file, line and field, all of them at once.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCorrections, fixesFileOf } from '../../../src/sources/documents/corrections';
import { parseDocument } from '../../../src/sources/documents/index';
import { SourceError, SourceErrors } from '../../../src/domain/source-error';
import type { DocumentMeta } from '../../../src/domain/types';

const meta: DocumentMeta = {
  slug: 'plan',
  regionCode: '542500',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '2018-01-01', end: '2030-12-31' },
};
const TEXT = [
  '1.加强草地资源保护。(地区农牧局、地区林业局)',
  '2.推进污水处理设施建设,2019年底前建成。(地区住房城乡建设局)',
  '3.开展专项督查。',
].join('\n');

let n = 0;
/** A document in a folder of its own with the given corrections file. */
function withFixes(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-fixes-'));
  const file = join(dir, `plan${++n}.txt`);
  writeFileSync(file, TEXT);
  writeFileSync(fixesFileOf(file), yaml);
  return { file, fixes: fixesFileOf(file), doc: parseDocument(TEXT, meta, file) };
}

function errorsOf(fn: () => unknown): { message: string; line: number | null; field: string | null }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SourceErrors) return e.errors.map((x) => ({ message: x.message, line: x.line, field: x.field }));
    throw e;
  }
  throw new Error('no error thrown');
}

const roles = (units: { name: string; role: string }[]) => units.map((u) => `${u.role} ${u.name}`);

describe('applyCorrections', () => {
  it('leaves a document without a corrections file as it is', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qingdan-fixes-')), 'plan.txt');
    const doc = parseDocument(TEXT, meta, file);
    expect(applyCorrections(doc, file)).toBe(doc);
  });

  it('sets a task’s units, marks each with the reason, and settles the gap', () => {
    const { file, doc } = withFixes(
      [
        '- task: t3',
        '  units:',
        '    lead: [地区纪委监委]',
        '    responsible: [地区党委督查室]',
        '  reason: 原文附表第3行列明督查单位',
      ].join('\n'),
    );
    expect(doc.tasks[2].gaps.map((g) => g.field)).toContain('units');
    const t = applyCorrections(doc, file).tasks[2];
    expect(roles(t.units)).toEqual(['lead 地区纪委监委', 'responsible 地区党委督查室']);
    expect(t.units.every((u) => u.corrected === '原文附表第3行列明督查单位')).toBe(true);
    expect(t.units[0].basis).toBe(`correction (plan${n}.fixes.yaml, line 1)`);
    expect(t.corrections).toEqual([{ field: 'units', reason: '原文附表第3行列明督查单位' }]);
    expect(t.gaps.map((g) => g.field)).toEqual(['deadlines']);
    // The other tasks are untouched.
    expect(applyCorrections(doc, file).tasks[0]).toBe(doc.tasks[0]);
  });

  it('names a lead: the unit leads, a unit that led before becomes responsible', () => {
    const { file, doc } = withFixes('- task: t1\n  lead: [地区林业局]\n  reason: 原文以黑体标注牵头单位\n');
    const t = applyCorrections(doc, file).tasks[0];
    expect(roles(t.units)).toEqual(['lead 地区林业局', 'responsible 地区农牧局']);
    expect(t.units.find((u) => u.name === '地区林业局')!.corrected).toBe('原文以黑体标注牵头单位');
    expect(t.units.find((u) => u.name === '地区农牧局')!.corrected).toBeUndefined();
    expect(t.corrections).toEqual([{ field: 'lead', reason: '原文以黑体标注牵头单位' }]);
  });

  it('sets deadlines, read with the deadline grammar', () => {
    const { file, doc } = withFixes('- task: t3\n  deadlines: [2018年6月底前, 长期]\n  reason: 整改时限见附表\n');
    const t = applyCorrections(doc, file).tasks[2];
    expect(t.deadlines.map((d) => [d.text, d.date, d.kind, d.corrected])).toEqual([
      ['2018年6月底前', '2018-06-30', 'date', '整改时限见附表'],
      ['长期', null, 'standing', '整改时限见附表'],
    ]);
    expect(t.gaps.map((g) => g.field)).toEqual(['units']);
  });

  it('reports every bad correction at once, each with file, line and field', () => {
    const { file, fixes, doc } = withFixes(
      [
        '- task: t9', // 1: no such task
        '  lead: [地区农牧局]',
        '  reason: x',
        '- task: t1', // the extractor already reads exactly these units
        '  units:', // 5
        '    responsible: [地区农牧局, 地区林业局]',
        '  reason: 与原文一致',
        '- task: t2',
        '  deadlines: [尽快]', // 9: not a deadline
        '  reason: y',
        '- task: t2', // 11: a second correction of the same field
        '  deadlines: [2019年底前]', // 12
        '  reason: z',
      ].join('\n'),
    );
    const errors = errorsOf(() => applyCorrections(doc, file));
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [1, '0.task'],
      [5, '1.units'],
      [9, '2.deadlines.0'],
      [12, '3.deadlines'],
    ]);
    expect(errors[0].message).toBe(`${fixes}, line 1, field "0.task": no task "t9" in plan; expected one of t1, t2, t3`);
    expect(errors[1].message).toMatch(/already reads task t1 this way: remove the correction/);
    expect(errors[2].message).toMatch(/"尽快" is not a deadline; expected .*2019年12月31日前/);
    expect(errors[3].message).toMatch(/a second correction of the deadlines of task t2/);
  });

  it('refuses a correction without a reason, one that sets nothing, and unknown fields', () => {
    const cases: [string, number, string, RegExp][] = [
      ['- task: t1\n  lead: [地区林业局]\n', 1, '0.reason', /expected why the text is read this way/],
      ['- task: t1\n  reason: 看原文\n', 1, '0', /a correction that sets nothing/],
      ['- task: t1\n  lead: [地区林业局]\n  reason: r\n  colour: red\n', 4, '0.colour', /unknown field "colour"/],
      ['- task: t1\n  lead: []\n  reason: r\n', 2, '0.lead', /expected a list of unit names that lead the task/],
    ];
    for (const [yaml, line, field, message] of cases) {
      const { file, doc } = withFixes(yaml);
      const [e] = errorsOf(() => applyCorrections(doc, file));
      expect([e.line, e.field], yaml).toEqual([line, field]);
      expect(e.message, yaml).toMatch(message);
    }
  });
});

describe('applyCorrections: limits', () => {
  it('a reason, a unit name or a list too long is refused with its line and field', () => {
    const units = Array.from({ length: 201 }, (_, i) => `单位${i}`).join(', ');
    const { file, doc } = withFixes(
      [
        `- task: t1`,
        `  lead: [${'局'.repeat(201)}]`,
        `  reason: ${'因'.repeat(2001)}`,
        `- task: t2`,
        `  units: { responsible: [${units}] }`,
        `  reason: r`,
      ].join('\n'),
    );
    const errors = errorsOf(() => applyCorrections(doc, file)).sort((a, b) => a.line! - b.line!);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, '0.lead.0'],
      [3, '0.reason'],
      [5, '1.units.responsible'],
    ]);
    expect(errors[0].message).toMatch(/too long \(201 characters\); expected at most 200 characters/);
    expect(errors[1].message).toMatch(/too long \(2,001 characters\); expected at most 2,000 characters/);
    expect(errors[2].message).toMatch(/too many items \(201\); expected at most 200 items/);
  });

  it('a corrections file over 1 MB is refused before it is read', () => {
    const { file, fixes, doc } = withFixes('[]\n');
    truncateSync(fixes, 3 * 2 ** 20);
    expect(() => applyCorrections(doc, file)).toThrow(SourceError);
    expect(() => applyCorrections(doc, file)).toThrow(/the file is 3 MB, too large; expected a corrections file of at most 1 MB/);
  });
});
