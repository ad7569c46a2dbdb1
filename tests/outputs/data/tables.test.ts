// The CSV tables (tables.ts): one row per task under the documented header, hostile text kept, demo columns.
import { describe, expect, it } from 'vitest';
import { smallPortal } from '../../fixtures/portal-data';
import { DEMO_LABEL } from '../../../src/portal/labels';
import { taskRecords } from '../../../src/outputs/data/records';
import { LIST_SEPARATOR, taskColumns, tasksCsv } from '../../../src/outputs/data/tables';
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
