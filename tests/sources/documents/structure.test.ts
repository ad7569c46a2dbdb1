// The whole pipeline on small documents: lines → blocks → outline → tasks → sections → units → parts.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/domain/types';
import { parseDocument } from '../../../src/sources/documents/index';
import { classifyLines } from '../../../src/sources/documents/lines';
import { buildStructure } from '../../../src/sources/documents/structure';

const meta: DocumentMeta = {
  slug: 'snippet',
  regionCode: '542500',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '2018-01-01', end: '2030-12-31' },
};
const parse = (text: string) => parseDocument(text, meta, 'snippet.txt');
const units = (list: { name: string; role: string }[]) => list.map((u) => `${u.name}:${u.role}`);

describe('rectification problems', () => {
  const text = [
    '一、目标考核不严格。地市量化考核指标中生态环保权重仅占3%。',
    '原因分析:对重要性认识不深刻。',
    '整改目标:1.提高考核权重;2.严格考核。',
    '整改时限:1.第1项目标2018年6月30日前完成,长期;2.第2项目标立行立改,长期。',
    '1.修订考核办法(2018年6月30日)。',
    '2.强化考核结果运用(长期)。',
    '3.追究有关责任人责任(立即启动)。',
    '4.定期通报(立行立改，长期)。',
    '责任单位:区办公厅、区统计局,各地市委。',
    '二、另一个问题。问题描述。',
    '1.自治区商务厅研究制定方案(2018年6月30日)。',
    '督导单位:自治区整改办。',
  ].join('\n');

  it('problems with cause, goals, time limits and measures with their own deadlines', () => {
    const doc = parse(text);
    expect(doc.tasks.map((t) => [t.localId, t.kind, t.number])).toEqual([
      ['p1', 'problem', '一'],
      ['p2', 'task', '二'], // no 原因分析/整改目标/整改时限: a task with measures
    ]);
    const p1 = doc.tasks[0];
    expect(p1.fields.cause).toBe('对重要性认识不深刻。');
    expect(p1.deadlines.map((d) => [d.date, d.kind])).toEqual([
      ['2018-06-30', 'date'],
      [null, 'standing'],
    ]);
    expect(p1.measures.map((m) => m.deadlines.map((d) => d.date ?? d.text))).toEqual([
      ['2018-06-30'],
      ['长期'],
      ['立即启动'],
      ['立行立改，长期'],
    ]);
    expect(units(p1.units)).toEqual(['区办公厅:responsible', '区统计局:responsible', '各地市委:responsible']);
    expect(units(doc.tasks[1].units)).toEqual(['自治区整改办:supervisor']);
    expect(units(doc.tasks[1].measures[0].units)).toEqual(['自治区商务厅:mentioned']);
  });

  it('the 责任单位 after the last measure is the problem’s, not measure 4’s', () => {
    expect(parse(text).tasks[0].measures.map((m) => units(m.units))).toEqual([[], [], [], []]);
  });
});

describe('full-width and half-width punctuation', () => {
  const full = [
    '一、重点任务',
    '（一）加强生态保护',
    '1.加强草地资源保护，推进禁牧。（地区农牧局、林草局）',
    '2.加快湿地修复（2019年底前）。（地区水利局牵头，地区财政局配合）',
    '（二）完善体制机制',
    '1.完善生态补偿机制。',
    '责任单位：地区财政局',
    '2.健全考核办法。（牵头单位：地区督查室；配合单位：各县人民政府）',
  ].join('\n');
  const half = full.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',').replace(/；/g, ';');

  it.each([
    ['full-width', full],
    ['half-width', half],
  ])('%s: the same tasks, units, deadlines and sections', (_, text) => {
    const doc = parse(text);
    expect(doc.sections.map((s) => [s.id, s.title])).toEqual([
      ['s1', '重点任务'],
      ['s1.1', '加强生态保护'],
      ['s1.2', '完善体制机制'],
    ]);
    expect(doc.tasks.map((t) => [t.localId, t.number, units(t.units), t.deadlines.map((d) => [d.date, d.kind])])).toEqual([
      ['s1-1-t1', '一-1', ['地区农牧局:responsible', '地区林草局:responsible'], []],
      ['s1-1-t2', '一-2', ['地区水利局:lead', '地区财政局:partner'], [['2019-12-31', 'date']]],
      ['s1-2-t1', '二-1', ['地区财政局:responsible'], []],
      ['s1-2-t2', '二-2', ['地区督查室:lead', '各县人民政府:partner'], []],
    ]);
  });

  it.each([
    ['；', '责任单位：地区财政局；完成时限：长期'],
    [';', '责任单位:地区财政局;完成时限:长期'],
    ['spaces', '责任单位：地区财政局  完成时限：长期'],
  ])('two labels on one line (%s): a unit and a deadline', (_, line) => {
    const t = parse(`1.完善生态补偿机制。\n${line}\n2.健全考核办法。（地区督查室）`).tasks[0];
    expect([units(t.units), t.deadlines.map((d) => [d.text, d.date, d.kind])]).toEqual([
      ['地区财政局:responsible'],
      [['长期', null, 'standing']],
    ]);
  });
});

describe('buildStructure', () => {
  it('warns about each task no unit could be read for, with a gap', () => {
    const s = buildStructure(classifyLines('1.甲事项。（市发改委）\n2.乙事项。\n3.丙事项。(市财政局)'), 'snippet');
    expect(s.warnings).toEqual(['task 2 (line 2): no unit could be read from the text']);
    expect(s.tasks[1].gaps.filter((g) => g.field === 'units')).toEqual([{ field: 'units', reason: '未能从原文识别责任单位' }]);
    expect(s.tasks.map((t) => t.id)).toEqual(['snippet/t1', 'snippet/t2', 'snippet/t3']);
  });

  it('a prose rule takes effect at its line: tasks before it are not affected', () => {
    const s = buildStructure(
      classifyLines('1.甲事项。（市发改委、市财政局）\n各项任务中列第一位者为牵头单位，下同。\n2.乙事项。（市水务局、市林草局）'),
      'snippet',
    );
    expect(s.tasks.map((t) => units(t.units))).toEqual([
      ['市发改委:responsible', '市财政局:responsible'],
      ['市水务局:lead', '市林草局:responsible'],
    ]);
  });
});
