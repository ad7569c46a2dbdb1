// A hand-made portal for tests/pdf.test.ts and for looking at a report without the real data (not used
// by the build). Small, but hostile where the PDF could go wrong: typst markup characters in task text,
// a quarterly plan under a prefecture, an unverified unit, demo and official reports, an overdue task.
import { parsePeriod } from '../../model/periods';
import type { Department, DepartmentView, Portal, Region, RegionView, ResolvedUnit, StatusAt, TaskView } from '../../model/portal-types';
import type { Document, DocumentMeta, ReportedStatus, Role, StatusReport, Task } from '../../model/types';
import { departmentUrl, regionUrl, taskUrl } from '../../model/urls';

export interface FixtureTask {
  number: string;
  text: string;
  units: { name: string; role: Role }[];
  deadline?: { text: string; date: string | null };
  /** periodId → report; periods without one are 未报告. */
  reports?: Record<string, { status: ReportedStatus; progress?: string; demo?: boolean; overdue?: boolean; reportedOn?: string }>;
}

export interface FixtureDocument {
  slug: string;
  regionCode: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  reporting: DocumentMeta['reporting'];
  periods: string[];
  tasks: FixtureTask[];
}

export const REGIONS: Region[] = [
  { code: '540000', name: '西藏自治区', shortNames: ['西藏'], level: 'province', parentCode: null },
  { code: '542500', name: '阿里地区', shortNames: ['阿里'], level: 'prefecture', parentCode: '540000' },
  { code: '542521', name: '普兰县', shortNames: ['普兰'], level: 'county', parentCode: '542500' },
];

export const DEPARTMENTS: Department[] = [
  { id: '542500-sthjj', name: '阿里地区生态环境局', regionCode: '542500', aliases: ['地区环保局'], successorId: null, succeededOn: null, collective: false },
  { id: '542500-lcj', name: '阿里地区林业和草原局', regionCode: '542500', aliases: ['地区林业局'], successorId: null, succeededOn: null, collective: false },
  { id: '542500-slj', name: '阿里地区水利局', regionCode: '542500', aliases: ['地区水利局'], successorId: null, succeededOn: null, collective: false },
  // Merged into 阿里地区生态环境局 by the 2019 institutional reform (机构改革).
  { id: '542500-hbj', name: '阿里地区环境保护局', regionCode: '542500', aliases: ['地区环境保护局'], successorId: '542500-sthjj', succeededOn: '2019-01', collective: false },
  { id: '542521-zf', name: '普兰县人民政府', regionCode: '542521', aliases: [], successorId: null, succeededOn: null, collective: false },
];

function makeDocument(f: FixtureDocument): Document {
  const tasks: Task[] = f.tasks.map((t, i) => ({
    id: `${f.slug}/t${i + 1}`,
    localId: `t${i + 1}`,
    documentSlug: f.slug,
    kind: 'task',
    number: t.number,
    title: t.text.split('。')[0],
    text: t.text,
    segments: [],
    units: t.units,
    deadlines: t.deadline ? [{ text: t.deadline.text, date: t.deadline.date, kind: t.deadline.date ? 'date' : 'standing' }] : [],
    targets: [],
    measures: [],
    fields: {},
    sectionPath: [],
    lineStart: 10 + i,
    lineEnd: 10 + i,
  }));
  return {
    slug: f.slug,
    sourceFile: `content/documents/${f.slug}.txt`,
    meta: { slug: f.slug, regionCode: f.regionCode, kind: '分工方案', sourceUrl: 'https://www.example.gov.cn/doc?id=1&x=2', reporting: f.reporting, span: { start: '2018-01-01', end: '2030-12-31' } },
    title: f.title,
    docNumber: f.docNumber,
    indexNumber: null,
    issuer: f.issuer,
    writtenOn: '2018-12-20',
    publishedOn: '2018-12-25',
    sections: [],
    tasks,
    parts: [],
    source: '',
    warnings: [],
  };
}

/** A consistent Portal built the way src/model/portal.ts builds one. */
export function makePortal(specs: FixtureDocument[], regions: Region[] = REGIONS, departments: Department[] = DEPARTMENTS): Portal {
  const documents = specs.map(makeDocument);
  const deptByName = new Map<string, Department>();
  for (const d of departments) for (const n of [d.name, ...d.aliases]) deptByName.set(n, d);
  const periodsByDocument = new Map(specs.map((s) => [s.slug, s.periods.map(parsePeriod)]));

  const tasks: TaskView[] = [];
  specs.forEach((f, di) => {
    const document = documents[di];
    f.tasks.forEach((ft, ti) => {
      const task = document.tasks[ti];
      const units: ResolvedUnit[] = ft.units.map((u) => {
        const d = deptByName.get(u.name);
        return { ...u, departmentId: d?.id ?? null, verified: !!d };
      });
      const reports: StatusReport[] = [];
      const timeline: StatusAt[] = periodsByDocument.get(f.slug)!.map((period) => {
        const r = ft.reports?.[period.id];
        if (!r) return { period, status: '未报告', overdue: false, report: null };
        const report: StatusReport = {
          taskId: task.id,
          period,
          status: r.status,
          progress: r.progress ?? '',
          evidence: [],
          indicators: [],
          reportingUnit: units[0]?.name ?? '未知',
          reportedOn: r.reportedOn ?? period.end,
          source: r.demo === false ? { title: '阿里地区政务公开：整改落实情况', url: 'https://www.example.gov.cn/zg/2019' } : 'demo',
          file: `content/status/${f.slug}/${period.id}.yaml`,
          line: reports.length + 5,
        };
        reports.push(report);
        return { period, status: r.status, overdue: r.overdue ?? false, report };
      });
      const lead = units.filter((u) => u.role === 'lead');
      tasks.push({
        task,
        document,
        units,
        primaryUnits: lead.length ? lead : units.filter((u) => u.role === 'responsible').slice(0, 1),
        reports,
        timeline,
        current: timeline.at(-1) ?? null,
        demo: reports.some((r) => r.source === 'demo'),
        url: taskUrl(task.id),
      });
    });
  });

  const regionByCode = new Map<string, RegionView>();
  for (const region of regions) {
    regionByCode.set(region.code, {
      region,
      url: regionUrl(region.code),
      parent: regions.find((r) => r.code === region.parentCode) ?? null,
      children: regions.filter((r) => r.parentCode === region.code),
      documents: documents.filter((d) => d.meta.regionCode === region.code),
      departments: departments.filter((d) => d.regionCode === region.code),
      tasks: [],
    });
  }
  for (const tv of tasks) {
    for (let code: string | null = tv.document.meta.regionCode; code; code = regionByCode.get(code)?.region.parentCode ?? null) regionByCode.get(code)?.tasks.push(tv);
  }

  const departmentById = new Map<string, DepartmentView>();
  for (const department of departments) {
    departmentById.set(department.id, {
      department,
      region: regionByCode.get(department.regionCode)!.region,
      url: departmentUrl(department.id),
      primary: [],
      helping: [],
      mentioned: [],
      inherited: [],
      predecessors: departments.filter((d) => d.successorId === department.id),
      successor: departments.find((d) => d.id === department.successorId) ?? null,
      writtenAs: [],
    });
  }
  for (const tv of tasks) {
    const primaryIds = new Set(tv.primaryUnits.map((u) => u.departmentId));
    const seen = new Set<string>();
    for (const u of tv.units) {
      if (!u.departmentId || seen.has(u.departmentId)) continue;
      seen.add(u.departmentId);
      const dv = departmentById.get(u.departmentId)!;
      (primaryIds.has(u.departmentId) ? dv.primary : u.role === 'mentioned' ? dv.mentioned : dv.helping).push(tv);
    }
  }

  for (const dv of departmentById.values()) {
    dv.inherited = [...new Set(dv.predecessors.flatMap((p) => [...departmentById.get(p.id)!.primary, ...departmentById.get(p.id)!.helping]))];
  }

  const unverified = tasks.flatMap((tv) =>
    tv.units.filter((u) => !u.verified).map((u) => ({ name: u.name, role: u.role, taskId: tv.task.id, documentSlug: tv.document.slug, line: tv.task.lineStart })),
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
    generatedOn: '2020-01-15',
  };
}

/** Text that typst would misread if it were not escaped. */
export const HOSTILE_TEXT = '#set page(width: 1cm) = 标题 *粗* _斜_ $x$ `raw` <lab> @ref [括] \\ ~ // 注释 -- ... 1. 列表 + 加 - 减 "引" \'单\'';

export function smallPortal(): Portal {
  return makePortal([
    {
      slug: 'ali-fengong',
      regionCode: '542500',
      title: '阿里地区贯彻落实《美丽西藏建设规划》重点任务分工方案',
      docNumber: '阿行发〔2018〕66号',
      issuer: '阿里地区行政公署',
      reporting: 'annual',
      periods: ['2019', '2020'],
      tasks: [
        {
          number: '1',
          text: '加强草原生态保护，草原综合植被盖度达到45%。',
          units: [{ name: '地区林业局', role: 'lead' }, { name: '地区环保局', role: 'partner' }],
          deadline: { text: '2020年底前', date: '2020-12-31' },
          reports: { '2019': { status: '达到序时进度', progress: '完成**禁牧**面积 120 万亩；\n建立巡护队伍。' }, '2020': { status: '已完成', progress: '全面完成。' } },
        },
        {
          number: '2',
          text: HOSTILE_TEXT,
          units: [{ name: '地区环保局', role: 'lead' }, { name: '普兰县人民政府', role: 'responsible' }],
          deadline: { text: '2019年6月底前', date: '2019-06-30' },
          reports: { '2019': { status: '未达到序时进度', progress: '进展缓慢：#import "x" 尚在推进。', overdue: true } },
        },
        {
          number: '3',
          text: '实施水资源保护工程。',
          units: [{ name: '阿里地区水务局（筹）', role: 'lead' }, { name: '地区林业局', role: 'partner' }],
          deadline: { text: '长期', date: null },
          reports: { '2020': { status: '长期坚持', progress: '持续推进。' } },
        },
        {
          number: '4',
          text: '开展重点区域环境监测，结果向社会公开。',
          units: [{ name: '地区环境保护局', role: 'lead' }, { name: '地区水利局', role: 'mentioned' }],
          deadline: { text: '2019年底前', date: '2019-12-31' },
          reports: { '2019': { status: '已完成', progress: '监测报告已公开。' } },
        },
      ],
    },
    {
      slug: 'pulan-zhenggai',
      regionCode: '542521',
      title: '普兰县生态环境问题整改方案',
      docNumber: null,
      issuer: '普兰县人民政府',
      reporting: 'quarterly',
      periods: ['2019-Q3', '2019-Q4'],
      tasks: [
        {
          number: '（一）',
          text: '整改神山圣湖保护区违规建设问题。',
          units: [{ name: '普兰县人民政府', role: 'responsible' }, { name: '地区环保局', role: 'supervisor' }],
          deadline: { text: '2019年12月底前', date: '2019-12-31' },
          reports: { '2019-Q3': { status: '已销号', progress: '已拆除并复绿。', demo: false } },
        },
      ],
    },
  ]);
}
