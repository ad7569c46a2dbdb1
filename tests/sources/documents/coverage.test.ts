// Unit labels that cover more than the item they follow: a run of tasks, a problem's measures, a section.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/domain/types';
import { parseDocument } from '../../../src/sources/documents/index';

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

describe('a label after a run of tasks', () => {
  it.each([
    ['：', '、'],
    [':', ','],
  ])('covers the tasks before it back to the last one that names a unit (%s %s)', (colon, sep) => {
    const doc = parse(
      `1.甲事项。\n2.市水务局研究乙事项。\n3.丙事项。（市发改委）\n4.丁事项。\n5.戊事项。\n责任单位${colon}市财政局${sep}市教育局`,
    );
    expect(doc.tasks.map((t) => units(t.units))).toEqual([
      [],
      ['市水务局:mentioned'],
      ['市发改委:responsible'],
      ['市财政局:responsible', '市教育局:responsible'],
      ['市财政局:responsible', '市教育局:responsible'],
    ]);
    expect(doc.tasks.slice(3).map((t) => t.units[0].basis)).toEqual([
      'label 责任单位 (line 6), covering the tasks before it (from line 4)',
      'label 责任单位 (line 6)',
    ]);
  });

  it('a covering label replaces units only mentioned in the text', () => {
    const doc = parse('1.市水务局研究甲事项。\n2.乙事项。\n牵头单位：市财政局\n3.丙事项。（市发改委）');
    expect(doc.tasks.map((t) => units(t.units))).toEqual([['市财政局:lead'], ['市财政局:lead'], ['市发改委:responsible']]);
  });
});

describe('labels inside a 整改问题', () => {
  const text = [
    '一、目标考核不严格。地市量化考核指标中生态环保权重仅占3%。',
    '原因分析:对重要性认识不深刻。',
    '整改时限:2018年6月30日前。',
    '1.修订考核办法(2018年6月30日)。',
    '2.强化考核结果运用(长期)。',
    '3.追究有关责任人责任(立即启动)。',
    '4.定期通报(立行立改，长期)。',
    '责任单位:区办公厅、区统计局,各地市委。',
  ].join('\n');

  it('the 责任单位 after the last measure covers them all: it belongs to the problem, not to measure 4', () => {
    const [p] = parse(text).tasks;
    expect(units(p.units)).toEqual(['区办公厅:responsible', '区统计局:responsible', '各地市委:responsible']);
    expect(p.measures.map((m) => units(m.units))).toEqual([[], [], [], []]);
  });

  it.each([':', '：'])('labels that cover some measures go to those measures (%s)', (colon) => {
    const [p] = parse(
      `一、问题一。描述。\n原因分析${colon}认识不足。\n1.修订办法。\n责任单位${colon}区发展改革委\n2.强化运用。\n3.定期通报。\n责任单位${colon}区统计局`,
    ).tasks;
    expect(p.units).toEqual([]);
    expect(p.measures.map((m) => m.units)).toEqual([
      [{ name: '区发展改革委', role: 'responsible', basis: 'label 责任单位 (line 4)' }],
      [{ name: '区统计局', role: 'responsible', basis: 'label 责任单位 (line 7), covering the tasks before it (from line 6)' }],
      [{ name: '区统计局', role: 'responsible', basis: 'label 责任单位 (line 7)' }],
    ]);
  });
});

describe('a label under a heading', () => {
  it.each([':', '：'])('applies to the tasks of its section that name none (%s)', (colon) => {
    const doc = parse(
      `一、重点任务\n责任单位${colon}市发改委\n1.甲事项。\n2.乙事项。（市财政局）\n二、保障措施\n1.丙事项。\n2.丁事项。（市水务局）`,
    );
    expect(doc.tasks.map((t) => [t.localId, t.units])).toEqual([
      ['s1-t1', [{ name: '市发改委', role: 'responsible', basis: 'label 责任单位 (line 2), for the tasks of its section' }]],
      ['s1-t2', [{ name: '市财政局', role: 'responsible', basis: 'tag (line 4)' }]],
      ['s2-t1', []],
      ['s2-t2', [{ name: '市水务局', role: 'responsible', basis: 'tag (line 7)' }]],
    ]);
  });
});
