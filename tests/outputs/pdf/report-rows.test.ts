// A report's rows (report-rows.ts): each task with the status the report shows, deadlines as a short cell,
// issuers, and the departments ordered by what they answer for.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/domain/periods';
import { taskUrl } from '../../../src/domain/urls';
import { buildIndex } from '../../../src/outputs/pdf/report-index';
import { reportsForPortal } from '../../../src/outputs/pdf/report-model';
import { deadlineText, issuerOf, sourcesOf, toRow } from '../../../src/outputs/pdf/report-rows';
import { MAX_DEADLINE_CHARS } from '../../../src/outputs/pdf/report-spec';
import { statusForYear } from '../../../src/outputs/pdf/report-tally';
import { makePortal, smallPortal, type FixtureDocument } from '../../fixtures/portal-pdf';
import { makeDocument } from '../../fixtures/status/documents';

describe('deadlineText', () => {
  it('shows up to three deadlines, each cut, then how many more', () => {
    expect(deadlineText([])).toBe('');
    expect(deadlineText([{ text: ' 2019年底前 ' }])).toBe('2019年底前');
    const long = '2018年底前完成44条河流的岸线划定工作并向社会公布';
    expect(deadlineText([{ text: long }])).toBe(`${[...long].slice(0, MAX_DEADLINE_CHARS).join('')}…`);
    expect(deadlineText(['长期', '2019年底前', '2020年6月底前'].map((text) => ({ text })))).toBe('长期；2019年底前；2020年6月底前');
    expect(deadlineText(['一', '二', '三', '四', '五'].map((text) => ({ text })))).toBe('一；二；三；另有 2 项时限');
  });
});

describe('issuerOf', () => {
  it('takes the issuer the text names, else the one the metadata gives, else none', () => {
    const doc = makeDocument('d', {}, []);
    expect(issuerOf({ ...doc, issuer: ' 阿里地区行政公署 ' })).toBe('阿里地区行政公署');
    expect(issuerOf({ ...doc, issuer: null, meta: { ...doc.meta, issuer: '普兰县人民政府' } })).toBe('普兰县人民政府');
    expect(issuerOf({ ...doc, issuer: '  ', meta: { ...doc.meta, issuer: ' ' } })).toBeNull();
    expect(issuerOf(doc)).toBeNull();
  });
});

describe('toRow', () => {
  const portal = smallPortal();
  const ix = buildIndex(portal);
  const tv = portal.taskById.get('pulan-zhenggai/t1')!; // 2019-Q3 已销号 (official), 2019-Q4 未报告
  const q3 = tv.timeline.find((s) => s.period.id === '2019-Q3')!;
  const q4 = tv.timeline.find((s) => s.period.id === '2019-Q4')!;

  it('shows the status of the period, with the report that gave it', () => {
    expect(toRow(ix, tv, q3, 2, q3.period)).toMatchObject({
      id: 'pulan-zhenggai/t1',
      doc: 2,
      number: '（一）',
      url: taskUrl('pulan-zhenggai/t1'),
      leadUnits: ['普兰县人民政府'],
      deadline: '2019年12月底前',
      status: '已销号',
      overdue: false,
      statusPeriod: null,
      progress: '已拆除并复绿。',
      progressCut: false,
      reportingUnit: '普兰县人民政府',
      reportedOn: '2019-09-30',
      demo: false,
    });
  });

  it('says which period a year report’s status comes from when it is not the year itself', () => {
    const year = parsePeriod('2019');
    expect(statusForYear(tv.timeline, '2019')).toBe(q3);
    expect(toRow(ix, tv, q3, 1, year)).toMatchObject({ status: '已销号', statusPeriod: '2019年第三季度' });
  });

  it('shows 未报告 without progress where the period has no report, or the task no period', () => {
    for (const at of [q4, null]) {
      expect(toRow(ix, tv, at, 1, q4.period)).toMatchObject({
        status: '未报告',
        overdue: false,
        statusPeriod: null,
        progress: '',
        reportingUnit: null,
        reportedOn: null,
        demo: false,
      });
    }
  });

  it('writes lead units as the text names them, an unknown one marked unverified', () => {
    const row = (id: string) => toRow(ix, portal.taskById.get(id)!, null, 1, parsePeriod('2019'));
    expect(row('ali-fengong/t1').leadUnits).toEqual(['地区林业局']);
    expect(row('ali-fengong/t3').leadUnits).toEqual(['阿里地区水务局（筹）（未核实）']);
    // A task of a demo data set is demo even where nothing was reported.
    expect(row('ali-fengong/t3').demo).toBe(true);
  });

  it('collects the sources of the rows that have a report, and only those', () => {
    const sources = sourcesOf([
      { row: toRow(ix, tv, q3, 1, q3.period), at: q3 },
      { row: toRow(ix, tv, q4, 1, q4.period), at: q4 },
    ]);
    expect([...sources.values()].map((s) => [s.title, s.demo, [...s.periods.keys()]])).toEqual([
      ['阿里地区政务公开：整改落实情况', false, ['2019-Q3']],
    ]);
  });
});

describe('departments of a report', () => {
  const task = (lead: string, ...partners: string[]): FixtureDocument['tasks'][number] => ({
    units: [{ name: lead, role: 'lead' as const }, ...partners.map((name) => ({ name, role: 'partner' as const }))],
    reports: { '2019': { status: '达到序时进度' as const } },
  });
  const departmentsOf = (tasks: FixtureDocument['tasks']) => {
    const portal = makePortal([{ slug: 'd', regionCode: '542500', reporting: 'annual', tasks }]);
    return reportsForPortal(portal).find((s) => s.kind === 'document')!.departments;
  };

  it('come busiest first: known departments by tasks led, then helped with; units the registry does not know last', () => {
    const departments = departmentsOf([
      task('某未知局'),
      task('某未知局'),
      task('某未知局'),
      task('地区水利局', '地区林业局'),
      task('地区林业局'),
      task('地区环保局', '地区林业局'),
      task('地区环保局', '地区水利局'),
    ]);
    expect(departments.map((d) => [d.name, d.lead.length, d.helping.length, d.verified])).toEqual([
      ['阿里地区生态环境局', 2, 0, true],
      ['阿里地区林业和草原局', 1, 2, true],
      ['阿里地区水利局', 1, 1, true],
      ['某未知局', 3, 0, false],
    ]);
  });

  it('order departments that answer for as much by name, not by the order the tasks meet them', () => {
    // By pinyin: 林 (lín), 生 (shēng), 水 (shuǐ); neither the ids (…-lcj, …-slj, …-sthjj) nor code points give this order.
    expect(departmentsOf([task('地区水利局'), task('地区环保局'), task('地区林业局')]).map((d) => d.name)).toEqual([
      '阿里地区林业和草原局',
      '阿里地区生态环境局',
      '阿里地区水利局',
    ]);
  });

  it('list a task once per department, with every role the department has in it', () => {
    const departments = departmentsOf([
      {
        units: [
          { name: '地区环保局', role: 'lead' },
          { name: '地区林业局', role: 'partner' },
          { name: '阿里地区林业和草原局', role: 'supervisor' },
          { name: '某未知局', role: 'responsible' },
          { name: '某未知局', role: 'partner' },
        ],
        reports: { '2019': { status: '达到序时进度' } },
      },
    ]);
    const dept = (name: string) => departments.find((d) => d.name === name)!;
    expect(dept('阿里地区林业和草原局').helping).toEqual([{ id: 'd/t1', roles: ['配合单位', '督导单位'] }]);
    expect(dept('某未知局').helping).toEqual([{ id: 'd/t1', roles: ['责任单位', '配合单位'] }]);
  });

  it('leave out a department whose only tasks are inherited from the one it replaced', () => {
    // 地区环境保护局 was merged into 阿里地区生态环境局: the task is listed under the old name only.
    const departments = departmentsOf([task('地区环境保护局')]);
    expect(departments.map((d) => d.name)).toEqual(['阿里地区环境保护局']);
    expect(departments[0].successor).toEqual({ name: '阿里地区生态环境局', on: '2019' });
  });
});
