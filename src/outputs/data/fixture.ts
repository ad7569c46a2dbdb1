// Hand-made portals for the tests of src/outputs/data and src/outputs/feeds (not used by the build).
// Small enough to reason about, hostile where it matters (quotes, commas, newlines, formula-like text,
// XML metacharacters), and scalable to tens of thousands of tasks for the linearity check.
import type { Department, DepartmentView, Portal, Region, RegionView, ResolvedUnit, StatusAt, TaskView } from '../../model/portal-types';
import { parsePeriod } from '../../model/periods';
import type { Document, ReportedStatus, StatusReport, Task } from '../../model/types';
import { departmentUrl, regionUrl, taskUrl } from '../../model/urls';

export interface FixtureTask {
  localId: string;
  number?: string;
  text?: string;
  units?: Array<Pick<ResolvedUnit, 'name' | 'role'> & Partial<ResolvedUnit>>;
  /** periodId → status (and whether demo); periods without an entry are 未报告. */
  reports?: Record<string, { status: ReportedStatus; demo?: boolean; reportedOn?: string; progress?: string; overdue?: boolean }>;
}

export interface FixtureDocument {
  slug: string;
  regionCode: string;
  title?: string;
  periods: string[];
  tasks: FixtureTask[];
}

export const FIXTURE_REGIONS: Region[] = [
  { code: '540000', name: '西藏自治区', shortNames: ['西藏'], level: 'province', parentCode: null },
  { code: '542500', name: '阿里地区', shortNames: ['阿里'], level: 'prefecture', parentCode: '540000' },
  { code: '542521', name: '普兰县', shortNames: ['普兰'], level: 'county', parentCode: '542500' },
];

export const FIXTURE_DEPARTMENTS: Department[] = [
  { id: '542500-stj', name: '阿里地区生态环境局', regionCode: '542500', aliases: ['地区环保局'], successorId: null, succeededOn: null, collective: false },
  { id: '542500-hbj', name: '阿里地区环境保护局', regionCode: '542500', aliases: [], successorId: '542500-stj', succeededOn: '2019-01', collective: false },
  { id: '542500-nmj', name: '阿里地区农业农村局', regionCode: '542500', aliases: ['地区农牧局'], successorId: null, succeededOn: null, collective: false },
];

function makeDocument(spec: FixtureDocument): Document {
  const tasks: Task[] = spec.tasks.map((t, i) => ({
    id: `${spec.slug}/${t.localId}`,
    localId: t.localId,
    documentSlug: spec.slug,
    kind: 'task',
    number: t.number ?? String(i + 1),
    title: (t.text ?? `任务${i + 1}`).split('。')[0],
    text: t.text ?? `任务${i + 1}。`,
    segments: [],
    units: (t.units ?? []).map((u) => ({ name: u.name, role: u.role, ...(u.written ? { written: u.written } : {}) })),
    deadlines: [{ text: '2020年底前', date: '2020-12-31', kind: 'date' }],
    targets: [{ text: '森林覆盖率达到38.5%', value: 38.5, unit: '%' }],
    measures: [],
    fields: {},
    sectionPath: ['s1'],
    lineStart: 10 + i * 2,
    lineEnd: 11 + i * 2,
  }));
  return {
    slug: spec.slug,
    sourceFile: `content/documents/${spec.slug}.txt`,
    meta: {
      slug: spec.slug,
      regionCode: spec.regionCode,
      kind: '分工方案',
      sourceUrl: null,
      reporting: 'annual',
      span: { start: '2018-01-01', end: '2030-12-31' },
    },
    title: spec.title ?? `${spec.slug} 分工方案`,
    docNumber: '阿行发〔2018〕66号',
    indexNumber: null,
    issuer: '阿里地区行政公署',
    writtenOn: '2018-12-20',
    publishedOn: '2018-12-20',
    sections: [{ id: 's1', level: 1, number: '一、', title: '工作分工', parentId: null, implicit: false, line: 9 }],
    tasks,
    parts: [],
    source: '',
    warnings: [],
  };
}

/** A Portal with consistent indexes, built the way src/model/portal.ts is specified to build it. */
export function makePortal(specs: FixtureDocument[], generatedOn = '2021-01-15'): Portal {
  const documents = specs.map(makeDocument);
  const deptByName = new Map<string, Department>();
  for (const d of FIXTURE_DEPARTMENTS) for (const n of [d.name, ...d.aliases]) deptByName.set(n, d);
  const periodsByDocument = new Map(specs.map((s) => [s.slug, s.periods.map(parsePeriod)]));

  const tasks: TaskView[] = [];
  specs.forEach((spec, di) => {
    const document = documents[di];
    const periods = periodsByDocument.get(spec.slug)!;
    spec.tasks.forEach((ft, ti) => {
      const task = document.tasks[ti];
      const units: ResolvedUnit[] = (ft.units ?? []).map((u) => {
        const dept = deptByName.get(u.name);
        return { name: u.name, role: u.role, departmentId: u.departmentId ?? dept?.id ?? null, verified: u.verified ?? !!dept, ...(u.written ? { written: u.written } : {}) };
      });
      const reports: StatusReport[] = [];
      const timeline: StatusAt[] = periods.map((period) => {
        const r = ft.reports?.[period.id];
        if (!r) return { period, status: '未报告', overdue: false, report: null };
        const report: StatusReport = {
          taskId: task.id,
          period,
          status: r.status,
          progress: r.progress ?? `${period.label}进展`,
          evidence: [],
          indicators: [],
          reportingUnit: units[0]?.name ?? '阿里地区行政公署',
          reportedOn: r.reportedOn ?? period.end,
          source: r.demo === false ? { title: '官方公开', url: 'https://gov.example/1' } : 'demo',
          file: `content/status/${spec.slug}.csv`,
          line: reports.length + 2,
        };
        reports.push(report);
        return { period, status: r.status, overdue: r.overdue ?? false, report };
      });
      const primary = units.filter((u) => u.role === 'lead');
      tasks.push({
        task,
        document,
        units,
        primaryUnits: primary.length ? primary : units.filter((u) => u.role === 'responsible').slice(0, 1),
        reports,
        timeline,
        current: timeline.at(-1) ?? null,
        demo: reports.some((r) => r.source === 'demo'),
        url: taskUrl(task.id),
      });
    });
  });

  const regionByCode = new Map<string, RegionView>();
  for (const region of FIXTURE_REGIONS) {
    regionByCode.set(region.code, {
      region,
      url: regionUrl(region.code),
      parent: FIXTURE_REGIONS.find((r) => r.code === region.parentCode) ?? null,
      children: FIXTURE_REGIONS.filter((r) => r.parentCode === region.code),
      documents: documents.filter((d) => d.meta.regionCode === region.code),
      departments: FIXTURE_DEPARTMENTS.filter((d) => d.regionCode === region.code),
      tasks: [],
    });
  }
  for (const view of tasks) {
    // A region's tasks include its descendants'.
    for (let code: string | null = view.document.meta.regionCode; code; code = regionByCode.get(code)?.region.parentCode ?? null) {
      regionByCode.get(code)?.tasks.push(view);
    }
  }

  const departmentById = new Map<string, DepartmentView>();
  for (const department of FIXTURE_DEPARTMENTS) {
    departmentById.set(department.id, {
      department,
      region: regionByCode.get(department.regionCode)!.region,
      url: departmentUrl(department.id),
      primary: [],
      helping: [],
      mentioned: [],
      inherited: [],
      predecessors: FIXTURE_DEPARTMENTS.filter((d) => d.successorId === department.id),
      successor: FIXTURE_DEPARTMENTS.find((d) => d.id === department.successorId) ?? null,
      writtenAs: [],
    });
  }
  for (const view of tasks) {
    const primaryIds = new Set(view.primaryUnits.map((u) => u.departmentId));
    const seen = new Set<string>();
    for (const u of view.units) {
      if (!u.departmentId || seen.has(u.departmentId)) continue;
      seen.add(u.departmentId);
      const dv = departmentById.get(u.departmentId)!;
      (primaryIds.has(u.departmentId) ? dv.primary : u.role === 'mentioned' ? dv.mentioned : dv.helping).push(view);
    }
  }
  for (const dv of departmentById.values()) {
    dv.inherited = [...new Set(dv.predecessors.flatMap((p) => [...departmentById.get(p.id)!.primary, ...departmentById.get(p.id)!.helping]))];
  }

  const unverified = tasks.flatMap((v) =>
    v.units.filter((u) => !u.verified).map((u) => ({ name: u.name, role: u.role, taskId: v.task.id, documentSlug: v.document.slug, line: v.task.lineStart })),
  );

  const unverifiedByName = new Map<string, typeof unverified>();
  for (const u of unverified) unverifiedByName.set(u.name, [...(unverifiedByName.get(u.name) ?? []), u]);

  return {
    documents,
    tasks,
    taskById: new Map(tasks.map((t) => [t.task.id, t])),
    departments: [...departmentById.values()],
    departmentById,
    regions: [...regionByCode.values()],
    regionByCode,
    periodsByDocument,
    unverified,
    unverifiedByName,
    hasDemo: tasks.some((t) => t.demo),
    generatedOn,
  };
}

/** The standard small fixture: two documents, hostile text, demo and official reports. */
export function smallPortal(): Portal {
  return makePortal([
    {
      slug: 'ali-demo',
      regionCode: '542500',
      periods: ['2019', '2020'],
      tasks: [
        {
          localId: 't1',
          text: '=HYPERLINK("http://evil")，加强"草原"保护,\n落实<禁牧>&休牧。(地区农牧局)',
          units: [
            { name: '地区农牧局', role: 'lead' },
            { name: '地区环保局', role: 'partner' },
          ],
          reports: { '2019': { status: '未达到序时进度' }, '2020': { status: '已完成', progress: '已完成 <b>验收</b> & "销号"' } },
        },
        {
          localId: 't2',
          text: '-1个试点；+推进@湿地保护。',
          units: [
            { name: '阿里地区生态环境局', role: 'responsible' },
            { name: '某某不存在局', role: 'responsible' },
          ],
          reports: { '2019': { status: '达到序时进度' }, '2020': { status: '达到序时进度', overdue: true } },
        },
        { localId: 't3', text: '持续推进生态保护。', units: [{ name: '各县人民政府', role: 'mentioned' }] },
      ],
    },
    {
      slug: 'pulan-official',
      regionCode: '542521',
      periods: ['2020'],
      tasks: [{ localId: 'p1', number: '（一）', text: '整改问题。', units: [{ name: '地区农牧局', role: 'supervisor' }], reports: { '2020': { status: '已销号', demo: false, reportedOn: '2020-11-30' } } }],
    },
  ]);
}

/** A portal of n tasks spread over documents of 500 tasks each, for scale checks. */
export function largePortal(n: number): Portal {
  const specs: FixtureDocument[] = [];
  for (let i = 0; i < n; i++) {
    const d = Math.floor(i / 500);
    if (!specs[d]) specs[d] = { slug: `doc-${d}`, regionCode: d % 2 ? '542521' : '542500', periods: ['2019', '2020', '2021'], tasks: [] };
    specs[d].tasks.push({
      localId: `t${i % 500}`,
      text: `第${i}项任务，推进"生态"保护,落实责任。(地区农牧局)`,
      units: [
        { name: '地区农牧局', role: 'lead' },
        { name: '地区环保局', role: 'responsible' },
      ],
      reports: { '2019': { status: '尚未启动' }, '2020': { status: i % 3 ? '达到序时进度' : '尚未启动' }, '2021': { status: '已完成' } },
    });
  }
  return makePortal(specs);
}
