// A task's text with the source line of every character; split at its tags into segments.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/domain/types';
import { buildBlocks } from '../../../src/sources/documents/blocks';
import { parseDocument } from '../../../src/sources/documents/index';
import { classifyLines } from '../../../src/sources/documents/lines';
import { analyseText, proseDeadlines, taskText } from '../../../src/sources/documents/task-text';

const meta: DocumentMeta = {
  slug: 'snippet',
  regionCode: '542500',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '2018-01-01', end: '2030-12-31' },
};
const parse = (text: string) => parseDocument(text, meta, 'snippet.txt');

/** The text of an item block (without its number) and of the blocks after it. */
function textOf(source: string) {
  const [first, ...rest] = buildBlocks(classifyLines(source));
  return taskText([
    { block: first, text: first.item!.body, canon: first.item!.bodyCanon },
    ...rest.map((b) => ({ block: b, text: b.text, canon: b.canon })),
  ]);
}

describe('segments', () => {
  it('several tags per task, each covering the clauses before it', () => {
    const t = parse('1.甲事项。(地区农牧局)乙事项,丙事项。(地区发展改革委)丁事项。').tasks[0];
    expect(t.segments.map((s) => [s.text, s.units.map((u) => u.name)])).toEqual([
      ['甲事项。', ['地区农牧局']],
      ['乙事项,丙事项。', ['地区发展改革委']],
      ['丁事项。', []],
    ]);
  });

  it('a deadline tag does not end a segment', () => {
    const t = parse('1.甲事项（2019年底前）,乙事项。（市发改委）').tasks[0];
    expect(t.segments.map((s) => [s.text, s.units.map((u) => u.name)])).toEqual([['甲事项（2019年底前）,乙事项。', ['市发改委']]]);
  });
});

describe('taskText', () => {
  it('joins the pieces by line breaks; lineAt finds the source line of a character', () => {
    const t = textOf('1.甲事项。（市发改委）乙事项，\n2018年6月底前完成。(长期)\n丙事项。');
    expect(t.text).toBe('甲事项。（市发改委）乙事项，\n2018年6月底前完成。(长期)\n丙事项。');
    expect(t.canon).toBe('甲事项。（市发改委）乙事项，\n2018年6月底前完成。（长期）\n丙事项。');
    expect([0, 13, 15, 30, 32, t.text.length - 1].map((o) => t.lineAt(o))).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('lineAt inside a block joined from several physical lines', () => {
    const t = textOf('1.加强保护。（地区农牧局、地区\n林草局）');
    expect(t.text).toBe('加强保护。（地区农牧局、地区林草局）');
    expect([t.lineAt(0), t.lineAt(t.text.indexOf('地区林草局')), t.lineAt(t.text.indexOf('林草局'))]).toEqual([1, 1, 2]);
  });
});

describe('analyseText', () => {
  it('unit tags end segments; deadline tags become deadlines; the prose is the text without its tags', () => {
    const a = analyseText(textOf('1.甲事项。（市发改委）乙事项，\n2018年6月底前完成。(长期)\n丙事项。'));
    expect(a.segments).toEqual([
      { text: '甲事项。', units: [] },
      { text: '乙事项，\n2018年6月底前完成。(长期)\n丙事项。', units: [] },
    ]);
    expect(a.tags.map((t) => [t.tag.units.map((u) => u.name), t.line])).toEqual([[['市发改委'], 1]]);
    expect(a.tagDeadlines).toEqual([{ text: '长期', date: null, kind: 'standing', basis: 'deadline tag (line 2)' }]);
    expect(a.prose).toBe('甲事项。乙事项，\n2018年6月底前完成。\n丙事项。');
    expect(a.line).toBe(1);
  });

  it('deadline fields of a unit tag, half-width', () => {
    const a = analyseText(textOf('1.甲事项。(责任单位:市发改委;完成时限:2019年6月底前)'));
    expect(a.tagDeadlines).toEqual([{ text: '2019年6月底前', date: '2019-06-30', kind: 'date', basis: 'deadline in tag (line 1)' }]);
    expect(a.segments).toEqual([{ text: '甲事项。', units: [] }]);
    expect(a.prose).toBe('甲事项。');
  });

  it('proseDeadlines: dated deadlines the prose states', () => {
    const a = analyseText(textOf('1.加油站治理:2018年6月底前完成治理任务。(市生态环境局)到2025年,实现全覆盖。'));
    expect(proseDeadlines(a)).toEqual([
      { text: '加油站治理:2018年6月底前完成治理任务', date: '2018-06-30', kind: 'date', basis: 'stated in the text (line 1)' },
      { text: '到2025年,实现全覆盖', date: '2025-12-31', kind: 'date', basis: 'stated in the text (line 1)' },
    ]);
  });
});
