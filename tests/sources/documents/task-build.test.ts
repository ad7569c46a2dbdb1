// A task source → a Task: text, title, units from tags and labels, deadlines, targets, measures, fields.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/domain/types';
import { parseDocument } from '../../../src/sources/documents/index';
import { canonical } from '../../../src/sources/documents/normalize';
import { parseLabel } from '../../../src/sources/documents/lines';

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

describe('labelled lines', () => {
  it.each([':', '：'])('牵头单位%s / 责任单位 / 配合单位 / 督导单位 / 责任部门', (colon) => {
    const doc = parse(
      [
        `1. 甲事项。`,
        `牵头单位${colon}市发展改革委`,
        `责任单位${colon}各县区人民政府,市自然资源规划局`,
        `配合单位${colon}市财政局、市水务局`,
        `督导单位${colon}市督查室`,
        `2. 乙事项。`,
        `责任部门${colon}市林草局`,
        `完成时限${colon}2019年12月底前`,
      ].join('\n'),
    );
    expect(units(doc.tasks[0].units)).toEqual([
      '市发展改革委:lead',
      '市督查室:supervisor',
      '各县区人民政府:responsible',
      '市自然资源规划局:responsible',
      '市财政局:partner',
      '市水务局:partner',
    ]);
    expect(units(doc.tasks[1].units)).toEqual(['市林草局:responsible']);
    expect(doc.tasks[1].deadlines).toMatchObject([{ text: '2019年12月底前', date: '2019-12-31', kind: 'date' }]);
  });

  it('each unit names its label line', () => {
    const doc = parse('1.甲事项。\n牵头单位：市发展改革委\n配合单位:市财政局');
    expect(doc.tasks[0].units).toEqual([
      { name: '市发展改革委', role: 'lead', basis: 'label 牵头单位 (line 2)' },
      { name: '市财政局', role: 'partner', basis: 'label 配合单位 (line 3)' },
    ]);
  });

  it('a note label (政策依据, 咨询电话) belongs to the item and gives no unit', () => {
    const doc = parse('1.落实补贴政策。\n政策依据：《某某办法》\n咨询电话:0891-6320000\n责任单位：市财政局\n2.乙事项。（市发改委）');
    expect(doc.tasks.map((t) => [t.text, units(t.units), t.lineStart, t.lineEnd])).toEqual([
      ['落实补贴政策。', ['市财政局:responsible'], 1, 4],
      ['乙事项。（市发改委）', ['市发改委:responsible'], 5, 5],
    ]);
  });
});

describe('task fields', () => {
  it('the title is the first sentence, without the number', () => {
    const doc = parse('1.加强草地资源保护；推进禁牧。（地区农牧局）\n2.' + '甲'.repeat(70) + '。（地区林草局）');
    expect(doc.tasks.map((t) => [t.number, t.marker, t.title])).toEqual([
      ['1', '1.', '加强草地资源保护'],
      ['2', '2.', '甲'.repeat(59) + '…'],
    ]);
  });

  it('a heading over one tagged paragraph titles the task', () => {
    const doc = parse(
      '一、重点任务\n（一）加强草地保护\n落实补助奖励政策，推进禁牧。（市林草局）\n（二）加快湿地修复\n实施湿地保护工程。(市水务局)',
    );
    expect(doc.tasks.map((t) => t.title)).toEqual(['加强草地保护', '加快湿地修复']);
  });

  it('deadlines from labels, tags and prose, without repeats', () => {
    const doc = parse('1.完成清理工作(2019年底前)。(市发改委)\n完成时限:2019年底前\n2.乙事项(长期)，2020年底前完成。（市财政局）');
    expect(doc.tasks.map((t) => t.deadlines)).toEqual([
      [{ text: '2019年底前', date: '2019-12-31', kind: 'date', basis: 'label 完成时限 (line 2)' }],
      [
        { text: '长期', date: null, kind: 'standing', basis: 'deadline tag (line 3)' },
        { text: '2020年底前完成', date: '2020-12-31', kind: 'date', basis: 'stated in the text (line 3)' },
      ],
    ]);
  });

  it('targets in the prose; units named in prose are mentioned where no tag names any', () => {
    const doc = parse('1.森林覆盖率达到38.5%。(市林草局)\n2.市水务局会同市财政局完成30.89万亩灌区改造。\n3.丙事项。（市教育局）');
    expect(doc.tasks.map((t) => [t.targets.map((x) => [x.value, x.unit]), units(t.units)])).toEqual([
      [[[38.5, '%']], ['市林草局:responsible']],
      [[[30.89, '万亩']], ['市水务局:mentioned', '市财政局:mentioned']],
      [[], ['市教育局:responsible']],
    ]);
  });

  it('a 整改问题: fields as written, goals give the targets, measures with ids', () => {
    const doc = parse(
      [
        '一、考核权重偏低。生态环保权重仅占3%。',
        '原因分析:认识不深刻。',
        '整改目标:生态环保权重提高到10%。',
        '整改时限:2018年底前。',
        '1.修订考核办法(2018年6月30日)。',
        '2.自治区统计局强化考核结果运用。',
        '责任单位:区办公厅',
      ].join('\n'),
    );
    const [p] = doc.tasks;
    expect([p.kind, p.fields]).toEqual([
      'problem',
      { cause: '认识不深刻。', goals: '生态环保权重提高到10%。', timeLimits: '2018年底前。' },
    ]);
    expect(p.targets).toEqual([{ text: '生态环保权重提高到10%', value: 10, unit: '%' }]);
    expect(p.deadlines.map((d) => [d.text, d.date])).toEqual([['2018年底前', '2018-12-31']]);
    expect(p.measures.map((m) => [m.id, m.number, m.text, m.line, units(m.units)])).toEqual([
      ['snippet/p1.m1', '1', '修订考核办法(2018年6月30日)。', 5, []],
      ['snippet/p1.m2', '2', '自治区统计局强化考核结果运用。', 6, ['自治区统计局:mentioned']],
    ]);
  });
});
