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
    expect(rows.slice(1).map((r) => col(r, 'id'))).toEqual(records.map((r) => r.id));
  });

  it('keeps hostile text intact apart from the formula guard', () => {
    const t1 = rows.find((r) => col(r, 'id') === 'ali-demo/t1')!;
    expect(col(t1, 'text')).toBe(`'${portal.taskById.get('ali-demo/t1')!.task.text}`);
    const t2 = rows.find((r) => col(r, 'id') === 'ali-demo/t2')!;
    expect(col(t2, 'text').startsWith("'-1个试点")).toBe(true);
  });

  it('gives full urls, units by role and the demo columns', () => {
    const t1 = rows.find((r) => col(r, 'id') === 'ali-demo/t1')!;
    expect(col(t1, 'url')).toBe(`${SITE}/tasks/ali-demo/t1/`);
    expect(col(t1, 'units.lead')).toBe('地区农牧局');
    expect(col(t1, 'units.partner')).toBe('地区环保局');
    expect(col(t1, 'demo')).toBe('true');
    expect(col(t1, 'notice')).toBe(DEMO_LABEL);
    const t2 = rows.find((r) => col(r, 'id') === 'ali-demo/t2')!;
    expect(col(t2, 'units.responsible')).toBe(['阿里地区生态环境局', '某某不存在局'].join(LIST_SEPARATOR));
    const p1 = rows.find((r) => col(r, 'id') === 'pulan-official/p1')!;
    expect([col(p1, 'demo'), col(p1, 'notice'), col(p1, 'status')]).toEqual(['false', '', '已销号']);
  });
});
