// The portal model (portal.ts): documents, registry and status reports joined once. Tasks with their units
// resolved; departments with the tasks they lead, help with, are named in and inherited; regions summing up
// everything below them; periods per document; demo flags; and what the portal reports as read.
import { describe, expect, it } from 'vitest';
import type { Department, Region, Role } from '../../src/domain/types';
import { departmentUrl, regionUrl, taskUrl } from '../../src/domain/urls';
import { primaryUnitsOf } from '../../src/portal/portal';
import { collectReads, GENERATED_ON_KEY, HAS_DEMO_KEY, PERIODS_KEY, reportingPeriodKey, taskKey } from '../../src/portal/reads';
import type { TaskView } from '../../src/portal/types';
import { fixturePortal, type SpecDocument } from '../fixtures/portal';
import { portalWith } from '../helpers/status-portal';

const REGIONS: Region[] = [
  { code: '540000', name: '西藏自治区', shortNames: ['西藏'], level: 'province', parentCode: null },
  { code: '542500', name: '阿里地区', shortNames: ['阿里'], level: 'prefecture', parentCode: '540000' },
  { code: '542521', name: '普兰县', shortNames: ['普兰'], level: 'county', parentCode: '542500' },
  { code: '542522', name: '札达县', shortNames: ['札达'], level: 'county', parentCode: '542500' },
];

const dept = (id: string, name: string, regionCode: string, aliases: string[] = [], successorId: string | null = null): Department => ({
  id,
  name,
  regionCode,
  aliases,
  successorId,
  succeededOn: successorId ? '2019' : null,
  collective: false,
});

const DEPARTMENTS: Department[] = [
  dept('542500-sthj', '阿里地区生态环境局', '542500', ['地区环保局']),
  dept('542500-lcj', '阿里地区林业和草原局', '542500', ['地区林业局']),
  // Merged into 阿里地区生态环境局 by the 2019 institutional reform (机构改革).
  dept('542500-hbj', '阿里地区环境保护局', '542500', ['地区环境保护局'], '542500-sthj'),
  dept('542521-zf', '普兰县人民政府', '542521'),
  dept('542522-zf', '札达县人民政府', '542522'),
];

const unit = (name: string, role: Role) => ({ name, role });

/** 阿里's annual plan (demo data), 普兰's quarterly plan (official data, a quarter left out), 札达's plan without any report. */
const DOCUMENTS: SpecDocument[] = [
  {
    slug: 'ali',
    regionCode: '542500',
    tasks: [
      {
        units: [unit('地区林业局', 'lead'), unit('地区环保局', 'partner')],
        reports: { '2019': { status: '达到序时进度' }, '2020': { status: '已完成' } },
      },
      {
        // No lead: the first responsible unit answers for it.
        units: [unit('地区环保局', 'responsible'), unit('普兰县人民政府', 'responsible'), unit('某某不存在局', 'responsible')],
        reports: { '2019': { status: '未达到序时进度', late: true } },
      },
      { units: [unit('地区环境保护局', 'lead'), unit('地区林业局', 'mentioned')] },
      // One department under two names: counted once, as what it leads.
      { units: [unit('地区环保局', 'lead'), unit('阿里地区生态环境局', 'partner')] },
    ],
  },
  {
    slug: 'pulan',
    regionCode: '542521',
    reporting: 'quarterly',
    tasks: [
      {
        localId: 'p1',
        units: [unit('普兰县人民政府', 'lead')],
        reports: { '2019-Q2': { status: '达到序时进度', demo: false }, '2019-Q4': { status: '已完成', demo: false } },
      },
    ],
  },
  { slug: 'zada', regionCode: '542522', tasks: [{ localId: 'z1', units: [unit('札达县人民政府', 'lead')] }] },
];

const portal = fixturePortal(DOCUMENTS, { regions: REGIONS, departments: DEPARTMENTS }, '2021-03-01');
const ids = (tasks: TaskView[]) => tasks.map((t) => t.task.id);
const task = (id: string) => portal.taskById.get(id)!;
const department = (id: string) => portal.departmentById.get(id)!;
const region = (code: string) => portal.regionByCode.get(code)!;

describe('buildPortal: tasks', () => {
  it('has every task of every document, in document order, each at its URL', () => {
    expect(ids(portal.tasks)).toEqual(['ali/t1', 'ali/t2', 'ali/t3', 'ali/t4', 'pulan/p1', 'zada/z1']);
    for (const tv of portal.tasks) {
      expect(portal.taskById.get(tv.task.id)).toBe(tv);
      expect(tv.url).toBe(taskUrl(tv.task.id));
      expect(tv.document.slug).toBe(tv.task.documentSlug);
    }
  });

  it('resolves each unit in the region of its document, keeping the name as written', () => {
    expect(task('ali/t1').units).toEqual([
      { name: '地区林业局', role: 'lead', departmentId: '542500-lcj', verified: true },
      { name: '地区环保局', role: 'partner', departmentId: '542500-sthj', verified: true },
    ]);
    // 普兰县人民政府 is a department of the region below the plan's.
    expect(task('ali/t2').units.map((u) => [u.name, u.departmentId, u.verified])).toEqual([
      ['地区环保局', '542500-sthj', true],
      ['普兰县人民政府', '542521-zf', true],
      ['某某不存在局', null, false],
    ]);
  });

  it('answers for a task with its leads, else its first responsible unit', () => {
    expect(task('ali/t1').primaryUnits.map((u) => u.name)).toEqual(['地区林业局']);
    expect(task('ali/t2').primaryUnits.map((u) => u.name)).toEqual(['地区环保局']);
    expect(task('ali/t3').primaryUnits.map((u) => u.name)).toEqual(['地区环境保护局']);
    expect(primaryUnitsOf([unit('甲', 'partner'), unit('乙', 'lead'), unit('丙', 'lead')]).map((u) => u.name)).toEqual(['乙', '丙']);
    expect(primaryUnitsOf([unit('甲', 'partner'), unit('乙', 'responsible'), unit('丙', 'responsible')]).map((u) => u.name)).toEqual([
      '乙',
    ]);
    expect(primaryUnitsOf([unit('甲', 'partner'), unit('乙', 'mentioned')])).toEqual([]);
  });

  it('lists the units the registry does not know, by the name as written', () => {
    expect(portal.unverified.map((u) => [u.name, u.taskId, u.role])).toEqual([['某某不存在局', 'ali/t2', 'responsible']]);
    expect([...portal.unverifiedByName.keys()]).toEqual(['某某不存在局']);
    expect(portal.unverifiedByName.get('某某不存在局')!.map((u) => u.taskId)).toEqual(['ali/t2']);
  });
});

describe('buildPortal: periods and status', () => {
  it('gives each document the periods from its first report to the build date’s period, gaps included, and no other document’s', () => {
    const periods = (slug: string) => portal.periodsByDocument.get(slug)!.map((p) => p.id);
    expect(periods('ali')).toEqual(['2019', '2020', '2021']);
    expect(periods('pulan')).toEqual(['2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4', '2021-Q1']);
    // A plan without any report has the build date's period alone.
    expect(periods('zada')).toEqual(['2021']);
    // The periods PDF reports cover: those with a report.
    const reported = (slug: string) => portal.reportedPeriodsByDocument.get(slug)!.map((p) => p.id);
    expect([reported('ali'), reported('pulan'), reported('zada')]).toEqual([['2019', '2020'], ['2019-Q2', '2019-Q4'], []]);
  });

  it('gives each task one status per period of its document, 未报告 where it has no report, the latest as current', () => {
    const statuses = (id: string) => task(id).timeline.map((s) => `${s.period.id}:${s.status}`);
    expect(statuses('ali/t1')).toEqual(['2019:达到序时进度', '2020:已完成', '2021:未报告']);
    expect(statuses('ali/t3')).toEqual(['2019:未报告', '2020:未报告', '2021:未报告']);
    expect(statuses('pulan/p1')).toEqual([
      '2019-Q2:达到序时进度',
      '2019-Q3:未报告',
      '2019-Q4:已完成',
      ...['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4', '2021-Q1'].map((p) => `${p}:未报告`),
    ]);
    expect(task('ali/t1').current).toBe(task('ali/t1').timeline.at(-1));
    expect(task('ali/t1').reports.map((r) => r.period.id)).toEqual(['2019', '2020']);
    expect(statuses('zada/z1')).toEqual(['2021:未报告']);
    expect(task('zada/z1').current?.lastReported).toBeNull();
  });

  it('when reports stop, later periods are 未报告 and a deadline passed by the build date is 已逾期 as of that date', () => {
    // ali/t3: due 2020-12-31, never reported. In 2020 (judged at the period's end) it was still on time.
    expect(task('ali/t3').timeline.map((s) => [s.period.id, s.status, s.overdue])).toEqual([
      ['2019', '未报告', false],
      ['2020', '未报告', false],
      ['2021', '未报告', true],
    ]);
    // ali/t1 was reported complete in 2020: silence after a completion is not overdue.
    expect(task('ali/t1').current).toMatchObject({ status: '未报告', overdue: false, lastReported: { id: '2020' } });
    // The same content a day before the deadline passed: nothing overdue yet.
    const before = fixturePortal(DOCUMENTS, { regions: REGIONS, departments: DEPARTMENTS }, '2020-12-31');
    expect(before.taskById.get('ali/t3')!.current).toMatchObject({ period: { id: '2020' }, overdue: false });
  });

  it('flags a report filed after the final deadline as overdue', () => {
    expect(task('ali/t2').timeline[0]).toMatchObject({ status: '未达到序时进度', overdue: true });
    expect(task('ali/t1').timeline[0].overdue).toBe(false);
  });

  it('marks every task of a document with demo data as demo, reported or not, and nothing else', () => {
    expect(portal.tasks.filter((t) => t.demo).map((t) => t.task.id)).toEqual(['ali/t1', 'ali/t2', 'ali/t3', 'ali/t4']);
    expect(portal.hasDemo).toBe(true);
    const official = fixturePortal(DOCUMENTS.slice(1), { regions: REGIONS, departments: DEPARTMENTS });
    expect(official.tasks.some((t) => t.demo)).toBe(false);
    expect(official.hasDemo).toBe(false);
  });

  it('carries the build date it was given', () => {
    expect(portal.generatedOn).toBe('2021-03-01');
  });
});

describe('buildPortal: departments', () => {
  it('has a view of every department of the registry, tasks or not, at its URL', () => {
    expect(portal.departments.map((d) => d.department.id).sort()).toEqual(DEPARTMENTS.map((d) => d.id).sort());
    for (const dv of portal.departments) {
      expect(portal.departmentById.get(dv.department.id)).toBe(dv);
      expect(dv.url).toBe(departmentUrl(dv.department.id));
      expect(dv.region.code).toBe(dv.department.regionCode);
    }
    expect(department('542522-zf').helping).toEqual([]);
    expect(ids(department('542522-zf').primary)).toEqual(['zada/z1']);
  });

  it('lists the tasks a department leads, helps with and is named in, each task once', () => {
    const lists = (id: string) => {
      const d = department(id);
      return { primary: ids(d.primary), helping: ids(d.helping), mentioned: ids(d.mentioned) };
    };
    // ali/t4 names 生态环境局 twice (lead, then partner): it is a task it leads, and only that.
    expect(lists('542500-sthj')).toEqual({ primary: ['ali/t2', 'ali/t4'], helping: ['ali/t1'], mentioned: [] });
    expect(lists('542500-lcj')).toEqual({ primary: ['ali/t1'], helping: [], mentioned: ['ali/t3'] });
    expect(lists('542500-hbj')).toEqual({ primary: ['ali/t3'], helping: [], mentioned: [] });
    // The second responsible unit helps.
    expect(lists('542521-zf')).toEqual({ primary: ['pulan/p1'], helping: ['ali/t2'], mentioned: [] });
  });

  it('hands the tasks of a merged department to its successor, and links both ways', () => {
    const sthj = department('542500-sthj');
    const hbj = department('542500-hbj');
    expect(ids(sthj.inherited)).toEqual(['ali/t3']);
    expect(sthj.predecessors.map((d) => d.id)).toEqual(['542500-hbj']);
    expect(sthj.successor).toBeNull();
    expect(hbj.successor?.id).toBe('542500-sthj');
    expect(hbj.inherited).toEqual([]);
  });

  it('records every name a department is written as, once each, in the order met', () => {
    expect(department('542500-sthj').writtenAs).toEqual(['地区环保局', '阿里地区生态环境局']);
    expect(department('542500-lcj').writtenAs).toEqual(['地区林业局']);
    expect(department('542522-zf').writtenAs).toEqual(['札达县人民政府']);
  });
});

describe('buildPortal: regions', () => {
  it('link each region to its parent and children, in registry order', () => {
    expect(portal.regions.map((r) => r.region.code)).toEqual(REGIONS.map((r) => r.code));
    expect(region('540000').parent).toBeNull();
    expect(region('542521').parent?.code).toBe('542500');
    expect(region('542500').children.map((r) => r.code)).toEqual(['542521', '542522']);
    expect(region('542521').children).toEqual([]);
    for (const rv of portal.regions) expect(rv.url).toBe(regionUrl(rv.region.code));
  });

  it('gather the documents and tasks of the region and of every region below it, each once', () => {
    const docs = (code: string) => region(code).documents.map((d) => d.slug);
    expect(docs('540000')).toEqual(['ali', 'pulan', 'zada']);
    expect(docs('542500')).toEqual(['ali', 'pulan', 'zada']);
    expect(docs('542521')).toEqual(['pulan']);
    expect(docs('542522')).toEqual(['zada']);
    expect(ids(region('540000').tasks)).toEqual(ids(portal.tasks));
    expect(ids(region('542521').tasks)).toEqual(['pulan/p1']);
    for (const rv of portal.regions) expect(new Set(ids(rv.tasks)).size).toBe(rv.tasks.length);
  });

  it('list only their own departments', () => {
    expect(region('540000').departments).toEqual([]);
    expect(
      region('542500')
        .departments.map((d) => d.id)
        .sort(),
    ).toEqual(['542500-hbj', '542500-lcj', '542500-sthj']);
    expect(region('542521').departments.map((d) => d.id)).toEqual(['542521-zf']);
  });
});

describe('the portal reports reads of status data, and only of status data', () => {
  const portal = portalWith({ '2020': { status: '尚未启动' } });
  const tv = portal.taskById.get('ali-2024-shengtai/t1')!;

  it.each(['current', 'timeline', 'reports', 'demo'] as const)('task view .%s is a read of that field of the task', (field) => {
    expect([...collectReads(() => tv[field]).reads]).toEqual([taskKey(tv.task.id, field)]);
  });

  it('the task, its document and units are structure: no read', () => {
    const { reads } = collectReads(() => [
      tv.task.text,
      tv.document.title,
      tv.units.length,
      tv.primaryUnits,
      tv.url,
      portal.departments[0].primary.length,
    ]);
    expect([...reads]).toEqual([]);
  });

  it('build date, demo flag and periods are reads of their own keys', () => {
    const { reads } = collectReads(() => [portal.generatedOn, portal.hasDemo, portal.periodsByDocument.size]);
    expect([...reads].sort()).toEqual([GENERATED_ON_KEY, HAS_DEMO_KEY, PERIODS_KEY].sort());
  });

  it('the reporting period of a document is a read of that document’s period, not of the build date', () => {
    const slug = portal.documents[0].slug;
    const { value, reads } = collectReads(() => portal.reportingPeriodOf(slug));
    expect(value).not.toBeNull();
    expect([...reads]).toEqual([reportingPeriodKey(slug)]);
  });
});
