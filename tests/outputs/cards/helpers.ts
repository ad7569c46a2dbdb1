// Shared by the card tests: a small portal built by hand (three regions, three departments, two documents,
// four tasks; `override` changes statuses), the same shape built by the real join for one-report changes,
// and extreme specs that stress the template's layout.
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { expect } from 'vitest';
import type { DepartmentView, Portal, RegionView, TaskView } from '../../../src/portal/types.ts';
import type { Department, Region, StatusAt } from '../../../src/domain/types.ts';
import type { Document, Period, Status, Task } from '../../../src/domain/types.ts';
import { FONT_FAMILY, fontBuffers } from '../../../src/build/fonts.ts';
import { cardsForPortal, type CardSpec } from '../../../src/outputs/cards/card-model.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardTree, type Element } from '../../../src/outputs/cards/template.ts';
import { templateContext } from '../../../src/outputs/cards/render.ts';
import { fixturePortal, type SpecDocument } from '../../fixtures/portal.ts';

// ---------- a small portal, built by hand ----------

const period: Period = { id: '2024-Q3', kind: 'quarter', start: '2024-07-01', end: '2024-09-30', label: '2024年第三季度' };

const regions: Region[] = [
  { code: '540000', name: '西藏自治区', shortNames: ['西藏'], level: 'province', parentCode: null },
  { code: '542500', name: '阿里地区', shortNames: ['阿里'], level: 'prefecture', parentCode: '540000' },
  { code: '542521', name: '普兰县', shortNames: ['普兰'], level: 'county', parentCode: '542500' },
];

const departments: Department[] = [
  {
    id: '542500-sthj',
    name: '阿里地区生态环境局',
    regionCode: '542500',
    aliases: [],
    successorId: null,
    succeededOn: null,
    collective: false,
  },
  {
    id: '542500-lc',
    name: '阿里地区林业和草原局',
    regionCode: '542500',
    aliases: [],
    successorId: null,
    succeededOn: null,
    collective: false,
  },
  { id: '542521-zf', name: '普兰县人民政府', regionCode: '542521', aliases: [], successorId: null, succeededOn: null, collective: false },
];

function doc(slug: string, regionCode: string, title: string): Document {
  return {
    slug,
    sourceFile: `documents/${slug}.txt`,
    meta: { slug, regionCode, kind: '实施方案', sourceUrl: null, reporting: 'quarterly', span: { start: '2024-01-01', end: '2025-12-31' } },
    title,
    docNumber: '阿行发〔2024〕1号',
    indexNumber: null,
    issuer: '阿里地区行政公署',
    writtenOn: '2024-03-01',
    publishedOn: '2024-03-05',
    sections: [],
    tasks: [],
    parts: [],
    source: '',
    format: 'txt',
    warnings: [],
  };
}

interface TaskSeed {
  doc: Document;
  localId: string;
  title: string;
  lead: Department;
  helper?: Department;
  deadline: string;
  status: Status;
  overdue?: boolean;
  demo?: boolean;
  kind?: 'task' | 'problem';
}

function taskView(seed: TaskSeed): TaskView {
  const id = `${seed.doc.slug}/${seed.localId}`;
  const task: Task = {
    id,
    localId: seed.localId,
    documentSlug: seed.doc.slug,
    kind: seed.kind ?? 'task',
    number: seed.localId.replace(/\D/g, ''),
    marker: `${seed.localId.replace(/\D/g, '')}.`,
    title: seed.title,
    text: `${seed.title}。`,
    segments: [],
    units: [],
    deadlines: [{ text: seed.deadline, date: null, kind: 'standing' }],
    targets: [],
    measures: [],
    fields: {},
    sectionPath: [],
    lineStart: 1,
    lineEnd: 1,
    gaps: [],
    corrections: [],
  };
  const lead = { name: seed.lead.name, role: 'lead' as const, departmentId: seed.lead.id, verified: true };
  const units = seed.helper
    ? [lead, { name: seed.helper.name, role: 'partner' as const, departmentId: seed.helper.id, verified: true }]
    : [lead];
  const current: StatusAt = { period, status: seed.status, overdue: seed.overdue ?? false, report: null, lastReported: null };
  return {
    task,
    document: seed.doc,
    units,
    primaryUnits: [lead],
    reports: [],
    timeline: [current],
    current,
    demo: seed.demo ?? false,
    url: `/tasks/${id}/`,
  };
}

interface Statuses {
  [taskId: string]: { status: Status; overdue?: boolean; demo?: boolean };
}

/** The fixture portal; `override` changes the status of named tasks. */
export function makePortal(override: Statuses = {}): Portal {
  const docA = doc('ali-2024-shengtai', '542500', '阿里地区2024年生态环境保护实施方案');
  const docB = doc('pulan-2024-caoyuan', '542521', '普兰县草原生态保护实施方案');
  const [sthj, lc, pulan] = departments;
  const seeds: TaskSeed[] = [
    {
      doc: docA,
      localId: 't1',
      title: '加强草原生态保护修复',
      lead: sthj,
      helper: lc,
      deadline: '2024年底',
      status: '达到序时进度',
      demo: true,
    },
    { doc: docA, localId: 't2', title: '推进退牧还草工程建设', lead: lc, helper: sthj, deadline: '长期', status: '未报告', overdue: true },
    { doc: docA, localId: 'p3', title: '部分矿山生态修复滞后', lead: sthj, deadline: '立行立改', status: '已完成', kind: 'problem' },
    { doc: docB, localId: 't1', title: '落实草畜平衡制度', lead: pulan, deadline: '2025年6月底', status: '尚未启动' },
  ];
  const tasks = seeds.map((s) => {
    const o = override[`${s.doc.slug}/${s.localId}`];
    return taskView(o ? { ...s, ...o } : s);
  });
  const region = (code: string) => regions.find((r) => r.code === code)!;
  const descendants = (code: string): string[] => [
    code,
    ...regions.filter((r) => r.parentCode === code).flatMap((r) => descendants(r.code)),
  ];
  const regionViews: RegionView[] = regions.map((r) => {
    const codes = descendants(r.code);
    return {
      region: r,
      url: `/regions/${r.code}/`,
      parent: r.parentCode ? region(r.parentCode) : null,
      children: regions.filter((c) => c.parentCode === r.code),
      documents: [docA, docB].filter((d) => d.meta.regionCode === r.code),
      departments: departments.filter((d) => d.regionCode === r.code),
      tasks: tasks.filter((t) => codes.includes(t.document.meta.regionCode)),
    };
  });
  const departmentViews: DepartmentView[] = departments.map((d) => ({
    department: d,
    region: region(d.regionCode),
    url: `/departments/${d.id}/`,
    primary: tasks.filter((t) => t.primaryUnits.some((u) => u.departmentId === d.id)),
    helping: tasks.filter((t) => t.units.some((u) => u.departmentId === d.id && u.role !== 'lead')),
    mentioned: [],
    inherited: [],
    predecessors: [],
    successor: null,
    writtenAs: [d.name],
  }));
  return {
    documents: [docA, docB],
    tasks,
    taskById: new Map(tasks.map((t) => [t.task.id, t])),
    departments: departmentViews,
    departmentById: new Map(departmentViews.map((d) => [d.department.id, d])),
    regions: regionViews,
    regionByCode: new Map(regionViews.map((r) => [r.region.code, r])),
    periodsByDocument: new Map([
      [docA.slug, [period]],
      [docB.slug, [period]],
    ]),
    reportedPeriodsByDocument: new Map([
      [docA.slug, [period]],
      [docB.slug, [period]],
    ]),
    unverified: [],
    unverifiedByName: new Map(),
    hasDemo: tasks.some((t) => t.demo),
    generatedOn: '2024-10-01',
    reportingPeriodOf: () => period,
  };
}

export const site = { url: 'https://qingdan.example.cn', name: '清单', title: '生态环境任务清单', description: '任务与进展' };

export const byPath = (specs: CardSpec[]) => new Map(specs.map((s) => [s.pagePath, s]));

/** Every string drawn by a satori tree. */
export function treeTexts(node: Element | string): string[] {
  if (typeof node === 'string') return [node];
  const c = node.props.children;
  if (c === undefined) return [];
  return (Array.isArray(c) ? c : [c]).flatMap(treeTexts);
}

// ---------- specs that stress the layout ----------

export const LONG_TITLE =
  '全面开展国土空间规划编制工作，充分融合市级主体功能区规划、土地利用总体规划、城镇体系规划等成果，在开展资源环境承载能力评价和国土空间开发适宜性评价的基础上，科学划定生态保护红线、永久基本农田和城镇开发边界三条控制线，详见https://www.example.gov.cn/zwgk/ghjh/2019/very-long-path-without-breaks.html';

export function longTask(): CardSpec {
  const spec = byPath(cardsForPortal(makePortal(), site)).get('/tasks/ali-2024-shengtai/t1/')!;
  return {
    ...spec,
    title: LONG_TITLE,
    subtitle: `《${'海东市生态文明先行示范区建设2019年度工作要点'.repeat(3)}》`,
    facts: [
      {
        label: '牵头单位',
        values: ['市自然资源规划局', '市农业农村局', '市发展改革委', '市财政局', '市生态环境局', '市水务局', '市林草局'],
      },
      { label: '完成时限', values: ['第1项目标2018年6月30日前完成，长期坚持，立行立改，持续推进，立即启动'] },
    ],
  };
}

export function isPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export async function rasterize(spec: CardSpec) {
  const b = fontBuffers();
  const fonts = [
    { name: FONT_FAMILY, data: b[400], weight: 400 as const, style: 'normal' as const },
    { name: FONT_FAMILY, data: b[700], weight: 700 as const, style: 'normal' as const },
  ];
  const svg = await satori(cardTree(spec, templateContext()) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  const img = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  const px = img.pixels;
  return {
    at(x: number, y: number) {
      const i = (y * img.width + x) * 4;
      return [px[i], px[i + 1], px[i + 2]];
    },
  };
}

export function extremeCounts(): CardSpec {
  const spec = byPath(cardsForPortal(makePortal(), site)).get('/regions/540000/')!;
  return {
    ...spec,
    title: '西藏自治区阿里地区普兰县',
    stats: [
      { label: '文件', count: 99999, unit: '份' },
      { label: '任务', count: 1234567, unit: '项' },
      { label: '部门', count: 7654321, unit: '个' },
      { label: '行政区划', count: 55555, unit: '个' },
    ],
    facts: [
      { label: '下级地区', values: Array.from({ length: 40 }, (_, i) => `${'伊犁哈萨克自治州'.slice(0, 1 + (i % 8))}县${i}`) },
      { label: '文件', values: [`《${'海东市生态文明先行示范区建设2019年度工作要点'.repeat(3)}》`, '《短》'] },
    ],
  };
}

export function extremeDepartment(): CardSpec {
  const spec = byPath(cardsForPortal(makePortal(), site)).get('/departments/542500-sthj/')!;
  return {
    ...spec,
    title: '新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府办公室生态环境保护督察整改工作领导小组办公室',
    subtitle: `机构改革：2018年3月21日起职责划入${'西藏自治区生态环境厅'.repeat(6)}`,
    kicker: `部门 · ${'伊犁哈萨克自治州'.repeat(8)}`,
  };
}

// ---------- one status report, through the real join ----------

// Built by the real join (documents, registry and status reports through buildPortal), so what
// changes between the two portals is exactly one StatusReport, as when one unit files one.
export const TASK = 'ali-2024-shengtai/t1';
export const portalWith = (report: SpecDocument['tasks'][number]['reports']): Portal => {
  const registry = { regions, departments };
  const docs: SpecDocument[] = [
    {
      slug: 'ali-2024-shengtai',
      regionCode: '542500',
      title: '阿里地区生态环境保护实施方案',
      tasks: [
        {
          localId: 't1',
          text: '加强草原生态保护修复。',
          units: [
            { name: '阿里地区生态环境局', role: 'lead' },
            { name: '阿里地区林业和草原局', role: 'partner' },
          ],
          reports: { '2019': { status: '尚未启动' }, ...report },
        },
        {
          localId: 't2',
          text: '推进退牧还草工程建设。',
          units: [{ name: '阿里地区林业和草原局', role: 'lead' }],
          reports: { '2020': { status: '达到序时进度' } },
        },
      ],
    },
    {
      slug: 'pulan-2024-caoyuan',
      regionCode: '542521',
      title: '普兰县草原生态保护实施方案',
      tasks: [
        {
          localId: 't1',
          text: '落实草畜平衡制度。',
          units: [{ name: '普兰县人民政府', role: 'lead' }],
          reports: { '2020': { status: '已完成', demo: false } },
        },
      ],
    },
  ];
  return fixturePortal(docs, registry);
};
