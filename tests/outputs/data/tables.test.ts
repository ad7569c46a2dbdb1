// The CSV tables (tables.ts): one row per task under the documented header, hostile text kept, demo columns;
// the derived fields of "status as of the build date" (the as-of date, the current period and status,
// 已逾期, the final deadline and where it comes from, the last reported period and date) in tasks.json and
// tasks.csv; region names beside codes; the per-region and per-document CSVs.
import { describe, expect, it } from 'vitest';
import { DEMO_LABEL } from '../../../src/portal/labels';
import { makePortal, smallPortal } from '../../fixtures/portal-data';
import { taskRecords, tasksFile } from '../../../src/outputs/data/records';
import { tasksFileSchema } from '../../../src/outputs/data/schema';
import { partFiles } from '../../../src/outputs/data/stage';
import { LIST_SEPARATOR, NO, YES, taskColumns, tasksCsv } from '../../../src/outputs/data/tables';
import { parseCsv, SITE } from './helpers';

describe('tasks.csv', () => {
  const portal = smallPortal();
  const records = taskRecords(portal);
  const rows = parseCsv(tasksCsv(records, SITE));
  const head = rows[0];
  const col = (row: string[], name: string) => row[head.indexOf(name)];

  it('has one row per task under the documented header', () => {
    expect(head).toEqual(taskColumns(SITE).map((c) => c.name));
    expect(rows.length - 1).toBe(records.length);
    expect(rows.slice(1).map((r) => col(r, '任务编号'))).toEqual(records.map((r) => r.id));
  });

  it('keeps hostile text intact apart from the formula guard', () => {
    const t1 = rows.find((r) => col(r, '任务编号') === 'ali-demo/t1')!;
    expect(col(t1, '任务全文')).toBe(`'${portal.taskById.get('ali-demo/t1')!.task.text}`);
    const t2 = rows.find((r) => col(r, '任务编号') === 'ali-demo/t2')!;
    expect(col(t2, '任务全文').startsWith("'-1个试点")).toBe(true);
  });

  it('gives full urls, units by role and the demo columns', () => {
    const t1 = rows.find((r) => col(r, '任务编号') === 'ali-demo/t1')!;
    expect(col(t1, '任务网址')).toBe(`${SITE}/tasks/ali-demo/t1/`);
    expect(col(t1, '牵头单位')).toBe('地区农牧局');
    expect(col(t1, '配合单位')).toBe('地区环保局');
    expect(col(t1, '示例数据')).toBe('是');
    expect(col(t1, '示例说明')).toBe(DEMO_LABEL);
    const t2 = rows.find((r) => col(r, '任务编号') === 'ali-demo/t2')!;
    expect(col(t2, '责任单位')).toBe(['阿里地区生态环境局', '某某不存在局'].join(LIST_SEPARATOR));
    const p1 = rows.find((r) => col(r, '任务编号') === 'pulan-official/p1')!;
    expect([col(p1, '示例数据'), col(p1, '示例说明'), col(p1, '当前状态')]).toEqual(['否', '', '已销号']);
  });
});

const AS_OF = '2023-03-15';

/** A plan whose reports stop after 2019, built on 2023-03-15. */
const portal = makePortal(
  [
    {
      slug: 'ali-silent',
      regionCode: '542500',
      tasks: [
        // Due 2020-12-31, reported once in 2019, then silence.
        {
          localId: 't1',
          units: [{ name: '地区农牧局', role: 'lead' }],
          reports: { '2019': { status: '未达到序时进度', reportedOn: '2019-12-20' } },
        },
        // No deadline in the text: due by the plan's end (2030-12-31).
        { localId: 't2', deadline: null, reports: { '2019': { status: '达到序时进度' } } },
        // Standing only: never overdue.
        { localId: 't3', deadline: { text: '长期坚持', date: null } },
      ],
    },
    {
      slug: 'pulan-done',
      regionCode: '542521',
      tasks: [{ localId: 'p1', reports: { '2020': { status: '已销号', demo: false, reportedOn: '2020-11-30' } } }],
    },
  ],
  AS_OF,
);

describe('status as of the build date, in tasks.json', () => {
  const file = tasksFile(portal, SITE);
  const byId = new Map(file.tasks.map((t) => [t.id, t]));

  it('validates against the published (strict) schema', () => {
    expect(tasksFileSchema.safeParse(JSON.parse(JSON.stringify(file))).success).toBe(true);
  });

  it('a task whose reports stopped: current period 未报告, 已逾期 as of the build date, last report kept', () => {
    const t1 = byId.get('ali-silent/t1')!;
    expect(t1.status).toMatchObject({
      asOf: AS_OF,
      periodId: '2023',
      status: '未报告',
      overdue: true,
      reportedOn: null,
      lastReportedPeriodId: '2019',
      lastReportedOn: '2019-12-20',
    });
    expect(t1.status!.lastReportedPeriodLabel).toContain('2019');
    expect(t1.finalDeadline).toEqual({ date: '2020-12-31', source: 'text', sourceLabel: '原文写明' });
  });

  it('says where a deadline comes from: the text, the plan’s span, or none (standing)', () => {
    expect(byId.get('ali-silent/t2')!.finalDeadline).toMatchObject({ date: '2030-12-31', source: 'span' });
    expect(byId.get('ali-silent/t2')!.status!.overdue).toBe(false);
    expect(byId.get('ali-silent/t3')!.finalDeadline).toMatchObject({ date: null, source: 'standing' });
    expect(byId.get('ali-silent/t3')!.status!.lastReportedPeriodId).toBeNull();
  });

  it('a closed task is not overdue; region names stand beside codes', () => {
    const p1 = byId.get('pulan-done/p1')!;
    expect(p1.status!.overdue).toBe(false);
    expect(p1.status!.lastReportedOn).toBe('2020-11-30');
    expect(p1.document).toMatchObject({ regionCode: '542521', regionName: '普兰县' });
  });
});

describe('status as of the build date, in tasks.csv', () => {
  const rows = parseCsv(tasksCsv(taskRecords(portal), SITE));
  const head = rows[0];
  const row = (id: string) => {
    const r = rows.find((x) => x[0] === id)!;
    return (name: string) => {
      expect(head, name).toContain(name);
      return r[head.indexOf(name)];
    };
  };

  it('has Chinese headers in the glossary’s words', () => {
    expect(head.slice(0, 3)).toEqual(['任务编号', '任务网址', '文件编号']);
    for (const name of ['任务', '牵头单位', '责任单位', '完成时限', '区划代码', '行政区划', '当前状态', '已逾期'])
      expect(head).toContain(name);
    expect(head.every((h) => /[\u4e00-\u9fff]/.test(h))).toBe(true);
  });

  it('gives the as-of date, current period and status, overdue flag, deadline source and last report', () => {
    const t1 = row('ali-silent/t1');
    expect(t1('截至日期')).toBe(AS_OF);
    expect(t1('当前报告期编号')).toBe('2023');
    expect(t1('当前状态')).toBe('未报告');
    expect(t1('已逾期')).toBe(YES);
    expect(t1('最终完成时限')).toBe('2020-12-31');
    expect(t1('时限来源')).toBe('原文写明');
    expect(t1('最近一次报告期')).toContain('2019');
    expect(t1('最近一次报告日期')).toBe('2019-12-20');
    expect(t1('行政区划')).toBe('阿里地区');
    expect(t1('牵头单位')).toBe('地区农牧局');
    const t2 = row('ali-silent/t2');
    expect([t2('最终完成时限'), t2('时限来源'), t2('已逾期')]).toEqual(['2030-12-31', '原文未写明，按文件实施期限截止日计', NO]);
    const t3 = row('ali-silent/t3');
    expect([t3('最终完成时限'), t3('最近一次报告期')]).toEqual(['', '']);
  });
});

describe('per-region and per-document CSVs', () => {
  const files = new Map(partFiles(portal, SITE).map((f) => [f.path, f.text()]));
  const whole = parseCsv(tasksCsv(taskRecords(portal), SITE));
  const ids = (path: string) =>
    parseCsv(files.get(path)!)
      .slice(1)
      .map((r) => r[0]);

  it('have the header of tasks.csv and its rows, in its order', () => {
    for (const [path, text] of files) expect(parseCsv(text)[0], path).toEqual(taskColumns(SITE).map((c) => c.name));
    const lines = new Map(whole.slice(1).map((r) => [r[0], r]));
    for (const [, text] of files) for (const r of parseCsv(text).slice(1)) expect(r).toEqual(lines.get(r[0]));
  });

  it('a region holds its own tasks and those of the regions below it; a document its own', () => {
    expect(ids('/data/regions/540000.csv')).toEqual(['ali-silent/t1', 'ali-silent/t2', 'ali-silent/t3', 'pulan-done/p1']);
    expect(ids('/data/regions/542500.csv')).toEqual(['ali-silent/t1', 'ali-silent/t2', 'ali-silent/t3', 'pulan-done/p1']);
    expect(ids('/data/regions/542521.csv')).toEqual(['pulan-done/p1']);
    expect(ids('/data/documents/ali-silent.csv')).toEqual(['ali-silent/t1', 'ali-silent/t2', 'ali-silent/t3']);
    expect(ids('/data/documents/pulan-done.csv')).toEqual(['pulan-done/p1']);
  });
});
