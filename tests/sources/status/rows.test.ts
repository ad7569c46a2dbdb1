// The cells of a status table as editors write them (src/sources/status/rows.ts, readDate, readPeriod).
import { describe, expect, it } from 'vitest';
import { excelSerialDate, readDate } from '../../../src/domain/dates';
import { readPeriod } from '../../../src/domain/periods';
import {
  bareTaskNumber,
  columnOf,
  preferExactColumns,
  findTask,
  readEvidence,
  readIndicators,
  readSource,
  taskIndex,
  taskLabel,
} from '../../../src/sources/status/rows';
import type { Document, Task } from '../../../src/domain/types';

describe('dates as spreadsheets write them', () => {
  it.each([
    ['2019-01-15', '2019-01-15'],
    ['2019/1/15', '2019-01-15'],
    ['2019-1-15', '2019-01-15'],
    ['2019.1.15', '2019-01-15'],
    ['2019年1月15日', '2019-01-15'],
    ['２０１９年１月１５日', '2019-01-15'],
    ['20190115', '2019-01-15'],
    ['43480', '2019-01-15'],
    ['2019/2/30', null],
    ['一月', null],
  ])('%s → %s', (raw, want) => expect(readDate(raw)).toBe(want));
  it('Excel serials, the 1900 leap-year bug included', () => {
    expect(readDate(43480)).toBe('2019-01-15');
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(excelSerialDate(60)).toBeNull();
  });
});

describe('periods as people write them', () => {
  it.each([
    ['2018', '2018'],
    ['2018年', '2018'],
    ['2018年度', '2018'],
    ['2018年第四季度', '2018-Q4'],
    ['2018年四季度', '2018-Q4'],
    ['2018年第4季度', '2018-Q4'],
    ['2018Q4', '2018-Q4'],
    ['2018-q4', '2018-Q4'],
    ['2018-Q4', '2018-Q4'],
    ['2019年3月', '2019-03'],
    ['2019-3', '2019-03'],
    ['2019/03', '2019-03'],
    ['2019年13月', null],
    ['2018年第五季度', null],
    ['2018年4', null],
  ])('%s → %s', (raw, want) => expect(readPeriod(raw)).toBe(want));
});

describe('columns', () => {
  it('English names, the export’s, Chinese headers (traditional too); helper columns ignored; the rest unknown', () => {
    expect(columnOf('taskId')).toBe('task');
    expect(columnOf('periodId')).toBe('period');
    expect(columnOf('sourceTitle')).toBe('sourceTitle');
    expect(columnOf('报告单位')).toBe('reportingUnit');
    expect(columnOf('報告單位')).toBe('reportingUnit');
    expect(columnOf('任务名称')).toBeNull();
    expect(columnOf('备注（选填）')).toBeNull();
    expect(columnOf('taskUrl')).toBeNull();
    expect(columnOf('牛奶')).toBeUndefined();
  });
});

describe('cells', () => {
  it('evidence as "title|url" and as the export writes it, "title url"', () => {
    expect(readEvidence('公示 一|https://a.gov.cn/x；页面 二 https://b.gov.cn/y')).toEqual({
      value: [
        { title: '公示 一', url: 'https://a.gov.cn/x' },
        { title: '页面 二', url: 'https://b.gov.cn/y' },
      ],
    });
    expect(readEvidence('没有网址')).toHaveProperty('error');
  });
  it('indicators as "0=12.5万亩" and as the export writes them, "0:12.5万亩（note）"', () => {
    expect(readIndicators('0=12.5万亩;1:3（估算）')).toEqual({
      value: [
        { target: 0, value: 12.5, unit: '万亩' },
        { target: 1, value: 3, note: '估算' },
      ],
    });
    expect(readIndicators('一半')).toHaveProperty('error');
  });
  it('the source from source, or from the export’s demo / sourceTitle / sourceUrl', () => {
    expect(readSource({ source: 'demo' })).toBe('demo');
    expect(readSource({ demo: 'true' })).toBe('demo');
    expect(readSource({ demo: 'false', sourceTitle: '公示', sourceUrl: 'https://a.gov.cn/' })).toEqual({
      title: '公示',
      url: 'https://a.gov.cn/',
    });
    expect(readSource({})).toBeUndefined();
  });
});

describe('task numbers as the document writes them', () => {
  const task = (localId: string, marker: string, number: string) => ({ id: `d/${localId}`, localId, marker, number }) as unknown as Task;
  const doc = {
    slug: 'd',
    tasks: [
      task('t1', '（一）', '1'),
      task('t2', '（二）', '2'),
      task('t3', '3.', '3'),
      task('g2-t1', '（一）', '2-1'),
      task('t30', '第三十条', '30'),
    ],
  } as unknown as Document;
  const found = (cell: string) => {
    const r = findTask(taskIndex(doc), cell);
    return 'task' in r ? r.task.localId : 'ambiguous' in r ? 'ambiguous' : 'unknown';
  };
  it.each([
    ['t2', 't2'],
    ['d/t2', 't2'],
    ['（二）', 't2'],
    ['(二)', 't2'],
    ['二、', 't2'],
    ['3.', 't3'],
    ['3', 't3'],
    ['第三十条', 't30'],
    ['三十', 't30'],
    ['2-1', 'g2-t1'],
    ['（一）', 'ambiguous'],
    ['（九）', 'unknown'],
  ])('%s → %s', (cell, want) => expect(found(cell)).toBe(want));
  it('a template names a task by the number as written when that is unique, else by its id', () => {
    expect(taskLabel(doc, doc.tasks[1])).toBe('（二）');
    expect(taskLabel(doc, doc.tasks[0])).toBe('1');
    expect(bareTaskNumber('（十二）')).toBe('十二');
  });
});

describe('one field under several names', () => {
  const read = (cells: string[]) =>
    preferExactColumns(
      cells,
      cells.map((c) => columnOf(c) ?? null),
    );

  it('reads the export’s id columns and lets its label columns help', () => {
    expect(read(['任务编号', '报告期编号', '报告期', '任务序号', '进展状态'])).toEqual(['task', 'period', null, null, 'status']);
  });

  it('leaves the same name twice for the duplicate check', () => {
    expect(read(['状态', '状态'])).toEqual(['status', 'status']);
  });
});
