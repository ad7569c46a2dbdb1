import { describe, expect, it } from 'vitest';
import { chineseDate, formatNumber, formatShare } from '../../src/portal/format';
import { fullTextBlocks, outline } from '../../src/components/full-text';
import { targetProgress } from '../../src/components/indicators';
import { sectionLabel, sectionNumber, taskName, taskNumberMark } from '../../src/components/section-label';
import { shownDeadline } from '../../src/portal/deadline';
import { PAGE_SIZE, laterPages, pageCount, pageCountOf, pageOf, pageWindow, parsePageParam, sliceOf } from '../../src/components/paging';
import { measureAnchor, pageUrl, sectionAnchor, taskAnchor, taskSourceUrl } from '../../src/domain/urls';
import { neighbours, relatedTasks } from '../../src/components/related';
import { parsePeriod } from '../../src/domain/periods';
import type { DepartmentView, TaskView } from '../../src/portal/types';
import type { Document, StatusReport, Task } from '../../src/domain/types';

describe('paging', () => {
  it('puts page 1 at the list URL and page n under it', () => {
    expect(pageUrl('/overdue/', 1)).toBe('/overdue/');
    expect(pageUrl('/overdue/', 3)).toBe('/overdue/page/3/');
    expect(() => pageUrl('/overdue', 2)).toThrow(/end in/);
  });
  it('counts pages; an empty list still has one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
  });
  it('slices pages and refuses pages that do not exist', () => {
    const list = Array.from({ length: 250 }, (_, i) => i);
    const p3 = pageOf(list, 3);
    expect(p3).toMatchObject({ page: 3, pageCount: 3, offset: 200, total: 250 });
    expect(p3.items).toEqual(list.slice(200));
    expect(() => pageOf(list, 4)).toThrow(/out of/);
    expect(() => pageOf(list, 0)).toThrow();
    expect(pageOf([], 1).items).toEqual([]);
  });
  it('round-trips route parameters', () => {
    const params = laterPages(3);
    expect(params).toEqual(['2', '3']);
    expect(params.map(parsePageParam)).toEqual([2, 3]);
    expect(laterPages(1)).toEqual([]);
    for (const bad of ['1', '0', '02', 'x', '-1', undefined]) expect(() => parsePageParam(bad)).toThrow();
  });
  it('pages several lists together', () => {
    const a = Array.from({ length: 150 }, (_, i) => i);
    const b = [1, 2];
    expect(pageCountOf([a, b, []])).toBe(2);
    expect(pageCountOf([[], []])).toBe(1);
    expect(sliceOf(a, 2)?.items).toEqual(a.slice(100));
    expect(sliceOf(b, 2)).toBeNull();
    expect(sliceOf([], 1)).toBeNull();
  });
  it('shows a window of page links with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });
});

describe('anchors', () => {
  it('builds ids and the source link of a task', () => {
    expect(taskAnchor('g2-t3')).toBe('task-g2-t3');
    expect(sectionAnchor('s1.2')).toBe('section-s1.2');
    expect(measureAnchor('doc/p1.m2')).toBe('measure-p1.m2');
    expect(taskSourceUrl('ali-2018', 't12')).toBe('/documents/ali-2018/#task-t12');
  });
  it('never lets markup or quotes into an id', () => {
    expect(taskAnchor('t1" onclick="x')).toMatch(/^task-[A-Za-z0-9_.-]+$/);
  });
});

describe('format', () => {
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2018-12-20')).toBe('2018年12月20日');
    expect(chineseDate('2019-01')).toBe('2019年1月');
    expect(chineseDate('2019')).toBe('2019年');
    expect(chineseDate(null)).toBe('');
    expect(chineseDate('长期')).toBe('长期');
  });
  it('groups numbers and writes shares', () => {
    expect(formatNumber(50000)).toBe('50,000');
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
    expect(formatNumber(38.5)).toBe('38.5');
    expect(formatShare(1, 3)).toBe('33.3%');
    expect(formatShare(0, 0)).toBe('—');
  });
});

// ---- a hand-made document: two sections, an implicit group, chrome and blank lines ----

function task(localId: string, sectionPath: string[], line: number): Task {
  return {
    id: `d/${localId}`,
    localId,
    documentSlug: 'd',
    kind: 'task',
    number: localId.slice(1),
    title: localId,
    text: `${localId}。`,
    segments: [],
    units: [],
    deadlines: [],
    targets: [],
    measures: [],
    fields: {},
    sectionPath,
    lineStart: line,
    lineEnd: line,
  };
}

function doc(): Document {
  const tasks = [
    task('t1', ['s1', 's1.1'], 4),
    task('t2', ['s1', 's1.1'], 5),
    task('t3', ['s1', 's1.1'], 6),
    task('t4', ['s1', 's1.2'], 8),
    task('t5', ['g1'], 10),
  ];
  return {
    slug: 'd',
    sourceFile: 'content/documents/d.txt',
    meta: {
      slug: 'd',
      regionCode: '540000',
      kind: '其他',
      sourceUrl: null,
      reporting: 'annual',
      span: { start: '2019-01-01', end: '2020-12-31' },
    },
    title: 'T',
    docNumber: null,
    indexNumber: null,
    issuer: null,
    writtenOn: null,
    publishedOn: null,
    sections: [
      { id: 's1', level: 1, number: '一', title: '任务', parentId: null, implicit: false, line: 2 },
      { id: 's1.1', level: 2, number: '一', title: '甲', parentId: 's1', implicit: false, line: 3 },
      { id: 's1.2', level: 2, number: '二', title: '乙', parentId: 's1', implicit: false, line: 7 },
      { id: 'g1', level: 3, number: '1', title: '第1组', parentId: null, implicit: true, line: 10 },
    ],
    tasks,
    parts: [
      { kind: 'chrome', lineStart: 1, lineEnd: 1, text: '首页 | 无障碍' },
      { kind: 'heading', lineStart: 2, lineEnd: 2, text: '一、任务', sectionId: 's1' },
      { kind: 'heading', lineStart: 3, lineEnd: 3, text: '（一）甲', sectionId: 's1.1' },
      ...tasks.slice(0, 3).map((t) => ({
        kind: 'task' as const,
        lineStart: t.lineStart,
        lineEnd: t.lineEnd,
        text: `　　${t.localId}。\n\n 牵头单位:<b>局</b>`,
        taskId: t.id,
      })),
      { kind: 'heading', lineStart: 7, lineEnd: 7, text: '（二）乙', sectionId: 's1.2' },
      { kind: 'task', lineStart: 8, lineEnd: 8, text: 't4。', taskId: 'd/t4' },
      { kind: 'blank', lineStart: 9, lineEnd: 9, text: '' },
      { kind: 'task', lineStart: 10, lineEnd: 10, text: 't5。', taskId: 'd/t5' },
    ],
    source: '',
    warnings: [],
  };
}

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

describe('related tasks', () => {
  it('neighbours alternate after/before and come back in list order', () => {
    const list = [0, 1, 2, 3, 4, 5, 6];
    expect(neighbours(list, 3, 4)).toEqual([1, 2, 4, 5]);
    expect(neighbours(list, 0, 3)).toEqual([1, 2, 3]);
    expect(neighbours(list, 6, 2)).toEqual([4, 5]);
    expect(neighbours([9], 0, 5)).toEqual([]);
  });

  it('finds the same section and the same lead department from the indexes', () => {
    const d = doc();
    const views = d.tasks.map((t) => ({
      task: t,
      document: d,
      units: [],
      primaryUnits: [{ name: '局', role: 'lead', departmentId: 'x-a', verified: true }],
      reports: [],
      timeline: [],
      current: null,
      demo: false,
      url: `/tasks/${t.id}/`,
    })) as TaskView[];
    const dv = { department: { id: 'x-a', name: '甲局' }, primary: views, helping: [] } as unknown as DepartmentView;
    const portal = { taskById: new Map(views.map((v) => [v.task.id, v])), departmentById: new Map([['x-a', dv]]) };
    const r = relatedTasks(views[1], portal, 6);
    expect(r.section.section?.id).toBe('s1.1');
    expect(r.section.tasks.map((v) => v.task.localId)).toEqual(['t1', 't3']);
    // Same department, minus itself and what the section list already shows.
    expect(r.department.tasks.map((v) => v.task.localId)).toEqual(['t4', 't5']);
    expect(r.department.department?.name).toBe('甲局');
  });
});

describe('targetProgress', () => {
  const base: Omit<StatusReport, 'period' | 'indicators' | 'source'> = {
    taskId: 'd/t1',
    status: '达到序时进度',
    progress: '',
    evidence: [],
    reportingUnit: 'u',
    reportedOn: '2020-12-31',
    file: 'f',
    line: 1,
  };
  const r = (period: string, indicators: StatusReport['indicators'], demo = true): StatusReport => ({
    ...base,
    period: parsePeriod(period),
    indicators,
    source: demo ? 'demo' : { title: '官方' },
  });
  it('takes the latest period that reported a value for each target', () => {
    const targets = [
      { text: '森林覆盖率达到38.5%', value: 38.5, unit: '%' },
      { text: '完成治理', value: null, unit: null },
    ];
    const out = targetProgress(targets, [
      r('2020', [{ target: 0, value: 37 }], false),
      r('2021', []),
      r('2019', [
        { target: 0, value: 30 },
        { target: 1, value: 5, unit: '宗' },
      ]),
    ]);
    expect(out[0].latest).toMatchObject({ value: 37, unit: '%', demo: false });
    expect(out[0].latest!.period.id).toBe('2020');
    expect(out[0].ratio).toBeCloseTo(37 / 38.5);
    expect(out[1].latest).toMatchObject({ value: 5, unit: '宗', demo: true });
    expect(out[1].ratio).toBeNull();
  });
  it('says null when nothing was reported', () => {
    expect(targetProgress([{ text: 'x', value: 1, unit: null }], [])[0].latest).toBeNull();
  });
});

describe('section labels', () => {
  it('restores the punctuation of each level', () => {
    expect(sectionNumber({ level: 1, number: '一', implicit: false })).toBe('一、');
    expect(sectionNumber({ level: 2, number: '（一）', implicit: false })).toBe('（一）');
    expect(sectionNumber({ level: 3, number: '12', implicit: false })).toBe('12.');
    expect(sectionNumber({ level: 4, number: '3', implicit: false })).toBe('（3）');
    expect(sectionNumber({ level: 5, number: '2', implicit: false })).toBe('②');
    expect(sectionLabel({ level: 2, number: '一', implicit: false, title: '优化国土空间开发格局' })).toBe('（一）优化国土空间开发格局');
    expect(sectionLabel({ level: 3, number: '1', implicit: true, title: '第1组' })).toBe('第1组（原文未设标题）');
  });
});

describe('task numbers', () => {
  it('writes the mark the way the text does', () => {
    expect(taskNumberMark('4')).toBe('4.');
    expect(taskNumberMark('2-3')).toBe('2-3.');
    expect(taskNumberMark('一')).toBe('一、');
    expect(taskNumberMark('（十四）')).toBe('（十四）');
    expect(taskName('任务', '4')).toBe('任务 4');
    expect(taskName('问题', '一')).toBe('问题一');
  });
});

describe('shownDeadline', () => {
  const d = doc();
  const view = (deadlines: Task['deadlines'], measures: Task['measures'] = []) => ({
    task: { ...d.tasks[0], deadlines, measures },
    document: d,
  });
  it('uses the stated date', () => {
    expect(shownDeadline(view([{ text: '2019年底前', date: '2019-12-31', kind: 'date' }]))).toEqual({
      date: '2019-12-31',
      implied: false,
      standing: null,
    });
  });
  it('falls back to the end of the plan when the task states nothing, and says so', () => {
    expect(shownDeadline(view([]))).toEqual({ date: '2020-12-31', implied: true, standing: null });
  });
  it('shows standing deadlines as text, never a date', () => {
    expect(shownDeadline(view([{ text: '长期', date: null, kind: 'standing' }]))).toEqual({ date: null, implied: false, standing: '长期' });
  });
});
