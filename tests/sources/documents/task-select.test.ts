// Which parts of the outline are tasks, read through small documents.
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
/** Tasks as [localId, kind, number, text, units]. */
const tasks = (text: string) => parse(text).tasks.map((t) => [t.localId, t.kind, t.number, t.text, units(t.units)]);
const sections = (text: string) => parse(text).sections.map((s) => [s.id, s.title]);

describe('a tagged document', () => {
  const text = [
    '一、总体要求',
    '（一）指导思想',
    '以新时代中国特色社会主义思想为指导。',
    '（二）主要目标',
    '到2025年，森林覆盖率达到38.5%。',
    '二、重点任务',
    '1.加强草地保护。（市林草局）',
    '2.加快湿地修复。(市水务局)',
    '三、保障措施',
    '加强组织领导。',
  ].join('\n');

  it('tagged leaves are tasks; untagged items with no tagged sibling are text', () => {
    expect(tasks(text)).toEqual([
      ['t1', 'task', '1', '加强草地保护。（市林草局）', ['市林草局:responsible']],
      ['t2', 'task', '2', '加快湿地修复。(市水务局)', ['市水务局:responsible']],
    ]);
  });

  it('headings are sections', () => {
    expect(sections(text)).toEqual([
      ['s1', '总体要求'],
      ['s1.1', '指导思想'],
      ['s1.2', '主要目标'],
      ['s2', '重点任务'],
      ['s3', '保障措施'],
    ]);
  });
});

describe('items next to tagged ones', () => {
  it.each([':', '：'])('an untagged item among tagged siblings is a task; a label after the run covers it (%s)', (colon) => {
    expect(tasks(`一、重点任务\n1.甲事项。（市发改委）\n2.乙事项。\n3.丙事项。\n牵头单位${colon}市财政局\n4.丁事项。(市水务局)`)).toEqual([
      ['t1', 'task', '1', '甲事项。（市发改委）', ['市发改委:responsible']],
      ['t2', 'task', '2', '乙事项。', ['市财政局:lead']],
      ['t3', 'task', '3', '丙事项。', ['市财政局:lead']],
      ['t4', 'task', '4', '丁事项。(市水务局)', ['市水务局:responsible']],
    ]);
  });

  it('a tagged item whose sub-items are untagged takes them into its text', () => {
    expect(tasks('1.甲事项。（市发改委）\n2.乙事项。（市财政局）\n（1）子事项一。\n（2）子事项二。\n3.丙事项。（市水务局）')).toEqual([
      ['t1', 'task', '1', '甲事项。（市发改委）', ['市发改委:responsible']],
      ['t2', 'task', '2', '乙事项。（市财政局）\n（1）子事项一。\n（2）子事项二。', ['市财政局:responsible']],
      ['t3', 'task', '3', '丙事项。（市水务局）', ['市水务局:responsible']],
    ]);
  });

  it('untagged sub-items outnumbering the tagged items do not make the document untagged', () => {
    expect(
      tasks('1.甲事项。（市发改委）\n2.乙事项。（市财政局）\n（1）子事项一。\n（2）子事项二。\n（3）子事项三。\n3.丙事项。（市水务局）'),
    ).toEqual([
      ['t1', 'task', '1', '甲事项。（市发改委）', ['市发改委:responsible']],
      ['t2', 'task', '2', '乙事项。（市财政局）\n（1）子事项一。\n（2）子事项二。\n（3）子事项三。', ['市财政局:responsible']],
      ['t3', 'task', '3', '丙事项。（市水务局）', ['市水务局:responsible']],
    ]);
  });

  it('a label under the last sub-item makes the sub-items the tasks', () => {
    expect(tasks('1.甲事项。（市发改委）\n2.乙事项：\n（1）子事项一。\n（2）子事项二。\n牵头单位：市财政局')).toEqual([
      ['t1', 'task', '1', '甲事项。（市发改委）', ['市发改委:responsible']],
      ['s2-t1', 'task', '2-1', '子事项一。', ['市财政局:lead']],
      ['s2-t2', 'task', '2-2', '子事项二。', ['市财政局:lead']],
    ]);
  });
});

describe('paragraph tasks', () => {
  it.each([
    ['full-width', '（市林草局）', '（市水务局）'],
    ['half-width', '(市林草局)', '(市水务局)'],
  ])('several tagged paragraphs under a heading are unnumbered tasks (%s)', (_, a, b) => {
    const text = `一、重点任务\n（一）加强保护\n加强草地保护。${a}\n加快湿地修复。${b}\n（二）加快发展\n推进产业升级。（市发改委）\n完善基础设施。（市交通局）`;
    expect(tasks(text)).toEqual([
      ['s1-1-u1', 'task', '一-1', `加强草地保护。${a}`, ['市林草局:responsible']],
      ['s1-1-u2', 'task', '一-2', `加快湿地修复。${b}`, ['市水务局:responsible']],
      ['s1-2-u1', 'task', '二-1', '推进产业升级。（市发改委）', ['市发改委:responsible']],
      ['s1-2-u2', 'task', '二-2', '完善基础设施。（市交通局）', ['市交通局:responsible']],
    ]);
    expect(parse(text).tasks.map((t) => [t.marker, t.sectionPath])).toEqual([
      ['', ['s1', 's1.1']],
      ['', ['s1', 's1.1']],
      ['', ['s1', 's1.2']],
      ['', ['s1', 's1.2']],
    ]);
  });

  const headed =
    '一、重点任务\n（一）加强草地保护\n落实补助奖励政策，推进禁牧。（市林草局）\n（二）加快湿地修复\n实施湿地保护工程。(市水务局)';

  it('a heading followed by one tagged paragraph is the task', () => {
    expect(parse(headed).tasks.map((t) => [t.localId, t.number, t.marker, t.text, units(t.units)])).toEqual([
      ['t1', '一', '（一）', '加强草地保护\n落实补助奖励政策，推进禁牧。（市林草局）', ['市林草局:responsible']],
      ['t2', '二', '（二）', '加快湿地修复\n实施湿地保护工程。(市水务局)', ['市水务局:responsible']],
    ]);
  });

  it('tagged paragraphs under one heading, untagged headings around it', () => {
    const text = [
      '一、总体要求',
      '坚持生态优先，绿色发展。',
      '二、重点任务',
      '加强草地保护。（市林草局）',
      '加快湿地修复。（市水务局）',
      '推进产业升级。（市发改委）',
      '三、保障措施',
      '加强组织领导。',
    ].join('\n');
    let got: unknown;
    try {
      got = tasks(text);
    } catch (e) {
      got = (e as Error).message;
    }
    expect(got).toEqual([
      ['s2-u1', 'task', '二-1', '加强草地保护。（市林草局）', ['市林草局:responsible']],
      ['s2-u2', 'task', '二-2', '加快湿地修复。（市水务局）', ['市水务局:responsible']],
      ['s2-u3', 'task', '二-3', '推进产业升级。（市发改委）', ['市发改委:responsible']],
    ]);
  });

  it('a plan of unnumbered tagged paragraphs', () => {
    let got: unknown;
    try {
      got = tasks('加强草地资源保护。（地区农牧局）\n加快城镇建设。(地区住房城乡建设局)\n完善生态补偿机制。（地区财政局）');
    } catch (e) {
      got = (e as Error).message;
    }
    expect(got).toEqual([
      ['u1', 'task', '1', '加强草地资源保护。（地区农牧局）', ['地区农牧局:responsible']],
      ['u2', 'task', '2', '加快城镇建设。(地区住房城乡建设局)', ['地区住房城乡建设局:responsible']],
      ['u3', 'task', '3', '完善生态补偿机制。（地区财政局）', ['地区财政局:responsible']],
    ]);
  });
});

describe('整改问题', () => {
  it.each([':', '：'])(
    'a content item with 原因分析 / 整改时限 that holds tagged measures is a problem; without them it is a section (%s)',
    (colon) => {
      const doc = parse(
        `一、问题一。描述。\n原因分析${colon}认识不足。\n整改时限${colon}2018年底前。\n1.修订办法。\n2.强化运用。\n责任单位${colon}区统计局\n二、问题二。描述。\n1.定期通报。\n责任单位${colon}区发展改革委`,
      );
      expect(doc.tasks.map((t) => [t.localId, t.kind, t.number, t.measures.map((m) => m.number)])).toEqual([
        ['p1', 'problem', '一', ['1', '2']],
        ['t1', 'task', '1', []], // no 原因分析/整改目标/整改时限: a heading over a task
      ]);
      expect(doc.sections.map((s) => [s.id, s.title])).toEqual([['s2', '问题二。描述。']]);
    },
  );
});

describe('a document that tags too little', () => {
  it('the leaf content items of the most common style are tasks', () => {
    const text = [
      '一、总体要求',
      '坚持生态优先。',
      '二、主要任务',
      '（一）加强保护',
      '1.加强草地保护，落实补助政策。',
      '2.加快湿地修复，实施保护工程。',
      '3.推进植树造林，扩大森林面积。（市林草局）',
      '（二）加快发展',
      '1.推进产业升级，发展特色产业。',
      '2.完善基础设施，提升承载能力。',
      '三、保障措施',
      '（一）加强组织领导。各级要高度重视。',
    ].join('\n');
    const doc = parse(text);
    expect(doc.tasks.map((t) => [t.localId, t.number, units(t.units)])).toEqual([
      ['s2-1-t1', '一-1', []],
      ['s2-1-t2', '一-2', []],
      ['s2-1-t3', '一-3', ['市林草局:responsible']],
      ['s2-2-t1', '二-1', []],
      ['s2-2-t2', '二-2', []],
    ]);
    expect(doc.tasks[0].gaps.filter((g) => g.field === 'units')).toEqual([{ field: 'units', reason: '未能从原文识别责任单位' }]);
    expect(doc.parts.find((p) => p.lineStart === 12)?.kind).toBe('closing');
  });

  it('a content item holding task-style items is a task with measures', () => {
    const doc = parse(
      '一、主要任务\n（一）加强保护。落实补助政策。\n（二）加快发展。推进产业升级。\n（三）完善设施。提升承载能力。\n1.修建道路。\n2.修建桥梁。',
    );
    expect(doc.tasks.map((t) => [t.localId, t.kind, t.number, t.measures.map((m) => m.text)])).toEqual([
      ['p3', 'task', '三', ['修建道路。', '修建桥梁。']],
    ]);
  });
});

describe('a table flattened into labelled lines', () => {
  it('each numbered row with only labels under it is a task', () => {
    const doc = parse(
      '1.减免房租\n政策依据：《关于减免房租的通知》\n执行期限：2023年1月1日至2023年12月31日\n责任单位：市国资委、市财政局\n咨询电话：12345\n2.发放消费券\n执行期限：长期\n责任单位：市商务局',
    );
    expect(doc.tasks.map((t) => [t.localId, t.title, units(t.units), t.deadlines.map((d) => d.date ?? d.text)])).toEqual([
      ['t1', '减免房租', ['市国资委:responsible', '市财政局:responsible'], ['2023-12-31']],
      ['t2', '发放消费券', ['市商务局:responsible'], ['长期']],
    ]);
  });
});
