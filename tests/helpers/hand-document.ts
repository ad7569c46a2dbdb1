// A hand-made document for the page helpers' tests: two sections, an implicit group, chrome and blank lines.
import type { Document, Task } from '../../src/domain/types';

function task(localId: string, sectionPath: string[], line: number): Task {
  return {
    id: `d/${localId}`,
    localId,
    documentSlug: 'd',
    kind: 'task',
    number: localId.slice(1),
    marker: `${localId.slice(1)}.`,
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
    gaps: [],
    corrections: [],
  };
}

export function doc(): Document {
  const tasks = [
    task('t1', ['s1', 's1.1'], 4),
    task('t2', ['s1', 's1.1'], 5),
    task('t3', ['s1', 's1.1'], 6),
    task('t4', ['s1', 's1.2'], 8),
    task('t5', ['g1'], 10),
  ];
  return {
    slug: 'd',
    sourceFile: 'documents/d.txt',
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
      { id: 's1', level: 1, number: '一', marker: '一、', title: '任务', parentId: null, implicit: false, line: 2 },
      { id: 's1.1', level: 2, number: '一', marker: '（一）', title: '甲', parentId: 's1', implicit: false, line: 3 },
      { id: 's1.2', level: 2, number: '二', marker: '（二）', title: '乙', parentId: 's1', implicit: false, line: 7 },
      { id: 'g1', level: 3, number: '1', marker: '', title: '第1组', parentId: null, implicit: true, line: 10 },
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
    format: 'txt',
    warnings: [],
  };
}
