// Line accounting: every source line in exactly one part.
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

const TEXT = [
  '某某方案', // 1 title
  '', // 2
  '为推进工作，制定本方案。', // 3 preamble
  '一、重点任务', // 4 heading
  '1.甲。（市发改委）', // 5 task
  '', // 6 blank inside the task
  '补充说明。', // 7
  '2.乙事项。', // 8 task
  '牵头单位：市财政局', // 9
  '其后的说明文字。', // 10 text between tasks
  '3.丙。（市水务局）', // 11
  '', // 12
  '', // 13
  '二、保障措施', // 14 heading
  '加强领导。', // 15 closing
].join('\n');

describe('assignParts', () => {
  const doc = parse(TEXT);

  it('each run of lines is one part, of one kind', () => {
    expect(doc.parts.map((p) => [p.kind, p.lineStart, p.lineEnd, p.taskId ?? p.sectionId ?? null])).toEqual([
      ['title', 1, 1, null],
      ['blank', 2, 2, null],
      ['preamble', 3, 3, null],
      ['heading', 4, 4, 's1'],
      ['task', 5, 7, 'snippet/t1'],
      ['task', 8, 9, 'snippet/t2'],
      ['text', 10, 10, 's1'],
      ['task', 11, 11, 'snippet/t3'],
      ['blank', 12, 13, null],
      ['heading', 14, 14, 's2'],
      ['closing', 15, 15, 's2'],
    ]);
  });

  it('the parts rebuild the source, line for line', () => {
    expect(doc.parts.map((p) => p.text).join('\n')).toBe(TEXT);
  });

  it('the lines of a task are its item, paragraphs and labels', () => {
    expect(doc.tasks.map((t) => [t.lineStart, t.lineEnd])).toEqual([
      [5, 7],
      [8, 9],
      [11, 11],
    ]);
  });

  it('chrome and header lines stay their own parts even among task lines', () => {
    const d = parse('1.甲事项。（市发改委）\n— 2 —\n2.乙事项。（市财政局）\n发布日期:2019-08-20');
    expect(d.parts.map((p) => [p.kind, p.lineStart, p.lineEnd])).toEqual([
      ['task', 1, 1],
      ['chrome', 2, 2],
      ['task', 3, 3],
      ['meta', 4, 4],
    ]);
  });
});
