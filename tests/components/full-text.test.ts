// A document's full text as blocks, and its outline (full-text.ts).
import { describe, expect, it } from 'vitest';
import { fullTextBlocks, outline } from '../../src/components/full-text';
import { doc } from '../helpers/hand-document';

describe('fullTextBlocks', () => {
  const blocks = fullTextBlocks(doc());
  it('sets aside chrome and blank lines', () => {
    expect(blocks.map((b) => b.kind)).not.toContain('chrome');
    expect(blocks.map((b) => b.kind)).not.toContain('blank');
    expect(blocks).toHaveLength(8);
  });
  it('anchors every task and heading', () => {
    expect(blocks.filter((b) => b.kind === 'task').map((b) => b.anchor)).toEqual(['task-t1', 'task-t2', 'task-t3', 'task-t4', 'task-t5']);
    expect(blocks.find((b) => b.kind === 'heading')).toMatchObject({ anchor: 'section-s1', level: 1 });
  });
  it('keeps text as text, trimmed per line', () => {
    expect(blocks.find((b) => b.taskId === 'd/t1')!.lines).toEqual(['t1。', '牵头单位:<b>局</b>']);
  });
});

describe('outline', () => {
  it('counts tasks per section and links implicit groups to their first task', () => {
    const o = outline(doc());
    expect(o.map((e) => [e.id, e.taskCount, e.anchor])).toEqual([
      ['s1', 4, 'section-s1'],
      ['s1.1', 3, 'section-s1.1'],
      ['s1.2', 1, 'section-s1.2'],
      ['g1', 1, 'task-t5'],
    ]);
  });
});
