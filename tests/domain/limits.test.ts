// The limits on input (limits.ts): sizes as people read them, and how deep a progress note may nest.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { atMostChars, atMostItems, formatBytes, LIMITS, markdownNesting } from '../../src/domain/limits';
import { repoPath } from '../helpers/repo';

describe('LIMITS', () => {
  it('has the bounds a real portal needs, and no more', () => {
    expect(LIMITS.documentTextBytes).toBe(20 * 2 ** 20);
    expect(LIMITS.documentPackageBytes).toBe(50 * 2 ** 20);
    expect(LIMITS.statusFileBytes).toBe(10 * 2 ** 20);
    expect(LIMITS.progressChars).toBe(20_000);
    expect(LIMITS.nameChars).toBe(200);
    expect(LIMITS.evidencePerReport).toBe(50);
    expect(LIMITS.urlChars).toBe(2_000);
  });

  it('says sizes and bounds as a person reads them', () => {
    expect([
      formatBytes(20 * 2 ** 20),
      formatBytes(1.5 * 2 ** 20),
      formatBytes(52_000_000),
      formatBytes(900 * 1024),
      formatBytes(12),
    ]).toEqual(['20 MB', '1.5 MB', '49.6 MB', '900 KB', '12 bytes']);
    expect(atMostChars(20_000)).toBe('at most 20,000 characters');
    expect(atMostItems(50, 'evidence links')).toBe('at most 50 evidence links');
  });
});

describe('markdownNesting', () => {
  it('finds a line of a thousand quotes, with its line', () => {
    expect(markdownNesting(`第一行\n${'>'.repeat(1000)} 引文`)).toEqual({ line: 2, kind: 'block', depth: 1000 });
    expect(markdownNesting('> '.repeat(17) + 'a')).toMatchObject({ kind: 'block', depth: 17 });
    expect(markdownNesting('> '.repeat(16) + 'a')).toBeNull();
  });

  it('finds lists nested by markers or by indentation', () => {
    expect(markdownNesting('- '.repeat(100) + 'a')).toMatchObject({ line: 1, kind: 'block' });
    expect(markdownNesting('1. '.repeat(100) + 'a')).toMatchObject({ line: 1, kind: 'block' });
    const indented = Array.from({ length: 40 }, (_, i) => `${' '.repeat(2 * i)}- 第${i}层`).join('\n');
    expect(markdownNesting(indented)).toMatchObject({ kind: 'block', line: 17 });
  });

  it('finds emphasis and brackets nested in a paragraph', () => {
    expect(markdownNesting('**'.repeat(2000) + 'a' + '**'.repeat(2000))).toMatchObject({ line: 1, kind: 'inline' });
    expect(markdownNesting('*a '.repeat(100) + 'b' + ' c*'.repeat(100))).toMatchObject({ kind: 'inline' });
    expect(markdownNesting('['.repeat(100) + 'a' + ']'.repeat(100))).toMatchObject({ kind: 'inline' });
  });

  it('lets ordinary notes through: indented text, code, many bold phrases, underscores in links', () => {
    const ordinary = [
      '完成**80%**以上，**重点任务**已完成。'.repeat(40),
      '',
      '- 一级\n  - 二级\n    - 三级\n      1. 四级',
      '',
      '> 引用\n> > 引用中的引用',
      '',
      `${' '.repeat(60)}居中的标题（没有列表符号，不构成嵌套）`,
      '',
      '见 https://www.example.gov.cn/a_b_c_d_e/f_g.html 与 [公示](https://www.example.gov.cn/x_y.html)。',
      '',
      '    缩进的代码行',
    ].join('\n');
    expect(markdownNesting(ordinary)).toBeNull();
  });

  it('lets every progress note of the real content through', () => {
    const notes: string[] = [];
    const dir = repoPath('content', 'status');
    for (const doc of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()))
      for (const f of readdirSync(join(dir, doc.name)).filter((n) => n.endsWith('.yaml'))) {
        const data = parse(readFileSync(join(dir, doc.name, f), 'utf8')) as { reports: { progress?: string }[] };
        notes.push(...data.reports.map((r) => r.progress ?? ''));
      }
    expect(notes.length).toBeGreaterThan(50);
    for (const note of notes) expect(markdownNesting(note)).toBeNull();
  });
});
