// Sections, implicit groups where numbering restarts, and task ids.
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
const ids = (text: string) => parse(text).tasks.map((t) => [t.id, t.localId, t.number, t.sectionPath]);

describe('implicit groups', () => {
  it('one 责任单位 line covers a whole group of numbered measures; restarted numbering makes groups', () => {
    const doc = parse(['1.甲。', '2.乙。', '责任单位:区发展委、区财政厅。', '1.丙。', '责任单位:区水利厅。'].join('\n'));
    expect(doc.tasks.map((t) => [t.localId, t.number, t.units.map((u) => u.name).join('+')])).toEqual([
      ['g1-t1', '1-1', '区发展委+区财政厅'],
      ['g1-t2', '1-2', '区发展委+区财政厅'],
      ['g2-t1', '2-1', '区水利厅'],
    ]);
    expect(doc.sections.filter((s) => s.implicit).map((s) => s.title)).toEqual(['第1组', '第2组']);
  });

  it('groups under a heading are qualified by it; a heading without restarts has none', () => {
    const doc = parse(
      '一、重点任务\n1.甲。（市发改委）\n2.乙。（市财政局）\n1.丙。（市水务局）\n二、保障措施\n1.丁。（市教育局）\n2.戊。（市林草局）',
    );
    expect(doc.sections).toEqual([
      { id: 's1', level: 1, number: '一', marker: '一、', title: '重点任务', parentId: null, implicit: false, line: 1 },
      { id: 's1.g1', level: 2, number: '1', marker: '', title: '第1组', parentId: 's1', implicit: true, line: 2 },
      { id: 's1.g2', level: 2, number: '2', marker: '', title: '第2组', parentId: 's1', implicit: true, line: 4 },
      { id: 's2', level: 1, number: '二', marker: '二、', title: '保障措施', parentId: null, implicit: false, line: 5 },
    ]);
    expect(doc.tasks.map((t) => [t.localId, t.number, t.sectionPath])).toEqual([
      ['g1-t1', '1-1', ['s1', 's1.g1']],
      ['g1-t2', '1-2', ['s1', 's1.g1']],
      ['g2-t1', '2-1', ['s1', 's1.g2']],
      ['t1', '1', ['s2']],
      ['t2', '2', ['s2']],
    ]);
  });
});

describe('task ids', () => {
  it('plain numbers when they are unique', () => {
    expect(ids('一、重点任务\n1.甲。（市发改委）\n2.乙。(市财政局)')).toEqual([
      ['snippet/t1', 't1', '1', ['s1']],
      ['snippet/t2', 't2', '2', ['s1']],
    ]);
  });

  it('numbers that repeat across sections are qualified by the section', () => {
    expect(ids('一、重点任务\n1.甲。（市发改委）\n2.乙。（市财政局）\n二、保障措施\n1.丁。（市教育局）\n2.戊。（市林草局）')).toEqual([
      ['snippet/s1-t1', 's1-t1', '一-1', ['s1']],
      ['snippet/s1-t2', 's1-t2', '一-2', ['s1']],
      ['snippet/s2-t1', 's2-t1', '二-1', ['s2']],
      ['snippet/s2-t2', 's2-t2', '二-2', ['s2']],
    ]);
  });

  it('nested sections: ids joined by dots, local ids by dashes', () => {
    const doc = parse('一、重点任务\n（一）加强保护\n1.甲。（市发改委）\n（二）加快发展\n1.乙。(市财政局)');
    expect(doc.sections.map((s) => [s.id, s.level, s.parentId, s.marker])).toEqual([
      ['s1', 1, null, '一、'],
      ['s1.1', 2, 's1', '（一）'],
      ['s1.2', 2, 's1', '（二）'],
    ]);
    expect(doc.tasks.map((t) => [t.localId, t.number, t.sectionPath])).toEqual([
      ['s1-1-t1', '一-1', ['s1', 's1.1']],
      ['s1-2-t1', '二-1', ['s1', 's1.2']],
    ]);
  });

  it('unnumbered paragraph tasks are numbered within their section', () => {
    const doc = parse(
      '一、重点任务\n加强草地保护。（市林草局）\n加快湿地修复。（市水务局）\n二、保障措施\n推进产业升级。(市发改委)\n完善基础设施。(市交通局)',
    );
    expect(doc.tasks.map((t) => [t.localId, t.number, t.marker, t.sectionPath])).toEqual([
      ['s1-u1', '一-1', '', ['s1']],
      ['s1-u2', '一-2', '', ['s1']],
      ['s2-u1', '二-1', '', ['s2']],
      ['s2-u2', '二-2', '', ['s2']],
    ]);
  });

  it('a 整改问题 is p, numbered by its item', () => {
    const doc = parse(
      '一、问题一。描述。\n原因分析：认识不足。\n1.修订办法。\n2.强化运用。\n责任单位：区统计局\n二、问题二。描述。\n整改时限：长期\n1.定期通报。（区发展改革委）',
    );
    expect(doc.tasks.map((t) => [t.localId, t.kind, t.number, t.marker])).toEqual([
      ['p1', 'problem', '一', '一、'],
      ['p2', 'problem', '二', '二、'],
    ]);
  });

  it('ids are unique even where the text repeats a number', () => {
    const doc = parse('一、重点任务\n（一）加强保护\n1.甲。（市发改委）\n（一）加快发展\n1.乙。（市财政局）');
    expect(doc.sections.map((s) => s.id)).toEqual(['s1', 's1.1', 's1.1-2']);
    expect(doc.tasks.map((t) => t.localId)).toEqual(['s1-1-t1', 's1-1-2-t1']);
  });
});
