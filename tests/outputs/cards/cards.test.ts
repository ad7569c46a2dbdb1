// Social cards: specs per page kind, real PNGs, wrapping that stays inside, demo marking, cache.
// Only task cards show status: a new status report changes exactly one card (see 'one status report').
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentView, Portal, RegionView, TaskView } from '../../../src/portal/types.ts';
import type { Department, Region, StatusAt } from '../../../src/domain/types.ts';
import type { Document, Period, Status, Task } from '../../../src/domain/types.ts';
import { ALL_STATUSES } from '../../../src/domain/status-catalogue.ts';
import { cardUrl } from '../../../src/domain/urls.ts';
import { FONT_FAMILY, fontBuffers, fontVersion } from '../../../src/build/fonts.ts';
import { readSettings } from '../../../src/config.ts';
import { buildCards, progressLine, workerCount } from '../../../src/outputs/cards/build.ts';
import { cardKey, planCards, pruneCache, resolveCacheDir } from '../../../src/outputs/cards/cache.ts';
import { MAX_AGGREGATE_FACTS, cardsForPortal, type CardSpec } from '../../../src/outputs/cards/card-model.ts';
import { DEMO_LABEL } from '../../../src/portal/labels.ts';
import { chineseDate } from '../../../src/portal/format.ts';
import { parseFontMetrics, tableTags } from '../../../src/build/font-metrics.ts';
import { renderCard, templateContext, templateVersion } from '../../../src/outputs/cards/render.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardTree,
  factValueSize,
  fitFactValue,
  layoutTitle,
  shownFacts,
  type Element,
} from '../../../src/outputs/cards/template.ts';
import { ellipsize, fitList, fitText, tokenize, wrapText, type Measure } from '../../../src/outputs/cards/text-layout.ts';
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
    sourceFile: `content/documents/${slug}.txt`,
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
  };
  const lead = { name: seed.lead.name, role: 'lead' as const, departmentId: seed.lead.id, verified: true };
  const units = seed.helper
    ? [lead, { name: seed.helper.name, role: 'partner' as const, departmentId: seed.helper.id, verified: true }]
    : [lead];
  const current: StatusAt = { period, status: seed.status, overdue: seed.overdue ?? false, report: null };
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
function makePortal(override: Statuses = {}): Portal {
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
    unverified: [],
    unverifiedByName: new Map(),
    hasDemo: tasks.some((t) => t.demo),
    generatedOn: '2024-10-01',
  };
}

const site = { url: 'https://qingdan.example.cn', name: '清单', title: '生态环境任务清单', description: '任务与进展' };

const byPath = (specs: CardSpec[]) => new Map(specs.map((s) => [s.pagePath, s]));

/** Every string drawn by a satori tree. */
function treeTexts(node: Element | string): string[] {
  if (typeof node === 'string') return [node];
  const c = node.props.children;
  if (c === undefined) return [];
  return (Array.isArray(c) ? c : [c]).flatMap(treeTexts);
}

// ---------- spec building ----------

describe('cardsForPortal', () => {
  const portal = makePortal();
  const specs = cardsForPortal(portal, site);
  const pages = byPath(specs);

  it('makes one card per page: home, every document, task, department and region', () => {
    const expected = [
      '/',
      ...portal.documents.map((d) => `/documents/${d.slug}/`),
      ...portal.tasks.map((t) => t.url),
      ...portal.departments.map((d) => d.url),
      ...portal.regions.map((r) => r.url),
    ];
    expect(specs.map((s) => s.pagePath).sort()).toEqual(expected.sort());
    for (const s of specs) expect(s.path).toBe(cardUrl(s.pagePath));
    expect(new Set(specs.map((s) => s.path)).size).toBe(specs.length);
    expect(pages.get('/')!.path).toBe('/cards/index.png');
    expect(pages.get('/tasks/ali-2024-shengtai/t1/')!.path).toBe('/cards/tasks/ali-2024-shengtai/t1.png');
  });

  it('a task card shows its short title, lead unit, deadline and status', () => {
    const t = pages.get('/tasks/ali-2024-shengtai/t2/')!;
    expect(t.kind).toBe('task');
    expect(t.title).toBe('推进退牧还草工程建设');
    expect(t.facts).toEqual([
      { label: '牵头单位', values: ['阿里地区林业和草原局'] },
      { label: '完成时限', values: ['长期'] },
    ]);
    expect(t.status).toEqual({ status: '未报告', overdue: true, period: '2024年第三季度' });
    expect(t.subtitle).toContain('阿里地区2024年生态环境保护实施方案');
    expect(t.kicker).toContain('阿里地区');
    expect(pages.get('/tasks/ali-2024-shengtai/p3/')!.kicker).toMatch(/^整改问题/);
  });

  it('aggregate cards show stable facts and numbers, never status', () => {
    const d = pages.get('/departments/542500-sthj/')!;
    expect(d.stats).toEqual([
      { label: '牵头任务', count: 2, unit: '项' },
      { label: '参与任务', count: 1, unit: '项' },
    ]);
    expect(d.facts).toEqual([
      { label: '涉及文件', values: ['《阿里地区2024年生态环境保护实施方案》'] },
      { label: '所属地区', values: ['西藏自治区 · 阿里地区'] },
    ]);
    const doc = pages.get('/documents/ali-2024-shengtai/')!;
    expect(doc.subtitle).toBe('阿里地区行政公署 · 阿行发〔2024〕1号 · 2024年3月5日发布');
    expect(doc.stats).toEqual([
      { label: '任务', count: 3, unit: '项' },
      { label: '其中整改问题', count: 1, unit: '项' },
      { label: '牵头单位', count: 2, unit: '个' },
    ]);
    // Deadlines in the fixture are standing (长期, 立行立改…): no date range, so the leads come second.
    expect(doc.facts).toEqual([
      { label: '实施期限', values: ['2024年1月1日至2025年12月31日'] },
      { label: '牵头单位', values: ['阿里地区生态环境局', '阿里地区林业和草原局'] },
      { label: '报告周期', values: ['每季度报告进展'] },
    ]);
    const province = pages.get('/regions/540000/')!;
    expect(province.subtitle).toBe('省级行政区');
    expect(province.stats).toEqual([
      { label: '文件', count: 0, unit: '份' },
      { label: '任务', count: 4, unit: '项' },
      { label: '本级部门', count: 0, unit: '个' },
      { label: '下级地区', count: 1, unit: '个' },
    ]);
    expect(pages.get('/regions/542521/')!.subtitle).toBe('县级行政区 · 上级：西藏自治区 · 阿里地区');
    const home = pages.get('/')!;
    expect(home.stats!.map((s) => [s.label, s.count])).toEqual([
      ['文件', 2],
      ['任务', 4],
      ['部门', 3],
      ['行政区划', 3],
    ]);
    expect(home.facts[0]).toEqual({ label: '覆盖地区', values: ['西藏自治区'] });
    for (const spec of specs.filter((s) => s.kind !== 'task')) {
      expect(spec.status, spec.pagePath).toBeUndefined();
      for (const key of ['counts', 'countsLabel', 'total', 'overdue']) expect(spec, spec.pagePath).not.toHaveProperty(key);
      expect(spec.facts.length).toBeLessThanOrEqual(MAX_AGGREGATE_FACTS);
      const drawn = JSON.stringify([spec.kicker, spec.title, spec.subtitle, spec.facts, spec.stats]);
      for (const status of ALL_STATUSES) expect(drawn, spec.pagePath).not.toContain(status);
    }
  });

  it('marks demo data on a card iff it shows demo status: task cards with demo status, nothing else', () => {
    expect(pages.get('/tasks/ali-2024-shengtai/t1/')!.demo).toBe(true);
    expect(pages.get('/tasks/ali-2024-shengtai/t2/')!.demo).toBe(false);
    // Aggregate cards show no status, so no demo status either, even where every task's status is demo.
    for (const spec of specs.filter((s) => s.kind !== 'task')) expect(spec.demo, spec.pagePath).toBe(false);
    const ctx = templateContext();
    for (const spec of specs) {
      const texts = treeTexts(cardTree(spec, ctx));
      expect(texts.includes(DEMO_LABEL), spec.pagePath).toBe(spec.kind === 'task' && spec.demo);
      // Status words are drawn on task cards only.
      if (spec.kind !== 'task') for (const status of ALL_STATUSES) expect(texts.join('|'), spec.pagePath).not.toContain(status);
    }
  });

  it('a task without deadlines of its own shows its measures’ deadlines', () => {
    const p = makePortal();
    const t = p.taskById.get('pulan-2024-caoyuan/t1')!;
    t.task.deadlines = [];
    t.task.measures = [
      {
        id: `${t.task.id}.m1`,
        number: '1',
        text: '',
        units: [],
        deadlines: [{ text: '2025年6月底', date: '2025-06-30', kind: 'date' }],
        targets: [],
        line: 1,
      },
      {
        id: `${t.task.id}.m2`,
        number: '2',
        text: '',
        units: [],
        deadlines: [{ text: '长期', date: null, kind: 'standing' }],
        targets: [],
        line: 2,
      },
    ];
    expect(byPath(cardsForPortal(p, site)).get(t.url)!.facts[1]).toEqual({ label: '完成时限', values: ['2025年6月底', '长期'] });
    t.task.measures = [];
    expect(byPath(cardsForPortal(p, site)).get(t.url)!.facts[1]).toEqual({ label: '完成时限', values: ['未写明'] });
  });

  it('writes reform dates in Chinese', () => {
    expect(chineseDate('2023')).toBe('2023年');
    expect(chineseDate('2018-03-01')).toBe('2018年3月1日');
    expect(chineseDate('不详')).toBe('不详');
  });

  it('draws the host of the configured site', () => {
    expect(specs.every((s) => s.host === 'qingdan.example.cn')).toBe(true);
  });
});

// ---------- fonts and measurement ----------

describe('fonts', () => {
  it('are static TrueType files satori can read, and versioned by content', () => {
    const b = fontBuffers();
    for (const w of [400, 700] as const) {
      expect(b[w].readUInt32BE(0)).toBe(0x00010000); // TrueType, not TTC/WOFF/WOFF2
      expect(tableTags(b[w])).not.toContain('fvar'); // not a variable font
      expect(tableTags(b[w])).toContain('glyf');
    }
    expect(fontVersion()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('metrics come from the font: CJK is full width, Latin narrower, bold Latin wider', () => {
    const regular = parseFontMetrics(fontBuffers()[400]);
    const bold = parseFontMetrics(fontBuffers()[700]);
    expect(regular.advance('草'.codePointAt(0)!)).toBe(regular.unitsPerEm);
    const i = regular.advance('i'.codePointAt(0)!)!;
    expect(i).toBeGreaterThan(0);
    expect(i).toBeLessThan(regular.unitsPerEm / 2);
    expect(bold.advance('m'.codePointAt(0)!)!).toBeGreaterThan(regular.advance('m'.codePointAt(0)!)!);
    expect(regular.advance(0xe000)).toBeNull(); // private use: no glyph
  });
});

describe('text layout', () => {
  // A monospace stand-in: every character 1em, except ASCII at 0.5em.
  const mono: Measure = (t, size) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 0.5 : 1) * size, 0);

  it('keeps Latin runs and numbers whole and glues punctuation to its neighbour', () => {
    expect(tokenize('森林覆盖率达到38.5%，PM2.5下降')).toEqual([
      '森',
      '林',
      '覆',
      '盖',
      '率',
      '达',
      '到',
      '38.5%，',
      'P'.concat('M2.5'),
      '下',
      '降',
    ]);
    expect(tokenize('《方案》要求')).toEqual(['《方', '案》', '要', '求']);
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    const text = '推进“两化”地区发展，促进巴燕、群科双城建设（2019年底前）和产城一体化发展。加快完成规划编制。';
    for (let width = 3; width <= 12; width++) {
      const { lines } = wrapText(text, { fontSize: 1, maxWidth: width, maxLines: 99, measure: mono });
      for (const line of lines) {
        expect(line).not.toMatch(/^[，。、；：？！）》”]/);
        expect(line).not.toMatch(/[（《“]$/);
        expect(mono(line, 1)).toBeLessThanOrEqual(width);
      }
      expect(lines.join('')).toBe(text);
    }
  });

  it('clamps to maxLines with an ellipsis where the text continues', () => {
    const text = '一二三四五六七八九十'.repeat(5);
    const { lines, truncated } = wrapText(text, { fontSize: 10, maxWidth: 100, maxLines: 2, measure: mono });
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(text.startsWith(lines.join('').slice(0, -1))).toBe(true);
    expect(mono(lines[1], 10)).toBeLessThanOrEqual(100);
  });

  it('fits the largest size that holds the whole text, else the smallest, clamped', () => {
    expect(fitText('短标题', { sizes: [60, 40], maxWidth: 600, maxHeight: 200, lineHeight: 1.25, measure: mono }).fontSize).toBe(60);
    const long = '长'.repeat(40); // 60px: 10/line × 2 lines; 40px: 15/line × 4 lines = 60 ≥ 40
    const f = fitText(long, { sizes: [60, 40], maxWidth: 600, maxHeight: 200, lineHeight: 1.25, measure: mono });
    expect(f).toMatchObject({ fontSize: 40, truncated: false });
    expect(f.lines).toHaveLength(3);
    const huge = fitText('长'.repeat(400), { sizes: [60, 40], maxWidth: 600, maxHeight: 200, lineHeight: 1.25, measure: mono });
    expect(huge).toMatchObject({ fontSize: 40, truncated: true });
    expect(huge.lines).toHaveLength(4);
  });

  it('fits lists by whole items, then 等N项, then a shortened first item', () => {
    expect(fitList(['甲局', '乙局', '丙局'], '、', 10, 100, mono)).toBe('甲局、乙局、丙局');
    // mono: CJK 10 px, ASCII 5 px; ' 等3项' is 30 px.
    const four = ['甲局', '乙局', '丙局', '丁局'];
    expect(fitList(four, '、', 10, 80, mono)).toBe('甲局、乙局 等4项');
    expect(fitList(four, '、', 10, 79, mono)).toBe('甲局 等4项');
    expect(fitList(['甲乙丙丁戊己庚辛', '乙局'], '、', 10, 70, mono)).toBe('甲乙丙… 等2项');
    expect(fitList(['甲乙丙丁戊己庚辛'], '、', 10, 40, mono)).toBe('甲乙丙…');
  });

  it('ellipsizes one-line fields without a dangling separator', () => {
    expect(ellipsize('甲局、乙局、丙局', 10, 35, mono)).toBe('甲局…');
    expect(ellipsize('甲局', 10, 35, mono)).toBe('甲局');
  });

  it('shortens a lone 《title》 inside its brackets, between words and numbers', () => {
    // mono: 《, 》 and … are 10 px each, so at maxWidth 80 the inner text gets 50 px.
    expect(fitList(['《甲乙丙丁戊己庚辛》'], '、', 10, 80, mono)).toBe('《甲乙丙丁戊…》');
    // 2014-2030 (45 px) does not fit after 甲乙丙丁: it goes whole rather than as 20….
    expect(fitList(['《甲乙丙丁2014-2030年规划》'], '、', 10, 80, mono)).toBe('《甲乙丙丁…》');
    expect(fitList(['《甲乙》'], '、', 10, 80, mono)).toBe('《甲乙》');
    expect(fitList(['《甲乙丙丁戊己庚辛》', '《甲》'], '、', 10, 120, mono)).toBe('《甲乙丙丁戊己…》 等2项'); // ' 等2项' is 30 px
  });
});

// ---------- rendering ----------

const LONG_TITLE =
  '全面开展国土空间规划编制工作，充分融合市级主体功能区规划、土地利用总体规划、城镇体系规划等成果，在开展资源环境承载能力评价和国土空间开发适宜性评价的基础上，科学划定生态保护红线、永久基本农田和城镇开发边界三条控制线，详见https://www.example.gov.cn/zwgk/ghjh/2019/very-long-path-without-breaks.html';

function longTask(): CardSpec {
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

function isPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('render', () => {
  it('writes a real 1200×630 PNG', async () => {
    const png = await renderCard(cardsForPortal(makePortal(), site)[0]);
    expect(isPng(png)).toEqual({ width: 1200, height: 630 });
  }, 30_000);

  it('a very long Chinese title wraps inside its box, at a legible size, with an ellipsis', () => {
    const ctx = templateContext();
    const spec = longTask();
    const t = layoutTitle(spec, ctx);
    expect(t.truncated).toBe(true);
    expect(t.fontSize).toBeGreaterThanOrEqual(40);
    expect(t.lines.length).toBeGreaterThanOrEqual(3);
    expect(t.lines.length * t.fontSize * t.lineHeight).toBeLessThanOrEqual(t.maxHeight);
    for (const line of t.lines) expect(ctx.measure.bold(line, t.fontSize)).toBeLessThanOrEqual(t.maxWidth);
    expect(t.lines.at(-1)!.endsWith('…')).toBe(true);
    expect(LONG_TITLE.startsWith(t.lines.join('').slice(0, -1))).toBe(true);
  });

  it.each([
    ['a task with a very long title, subtitle and unit list', longTask],
    ['a region with huge numbers and long fact lists', extremeCounts],
    ['a department with a long name and reform note', extremeDepartment],
  ])(
    'nothing is drawn in the right and bottom margins: %s',
    async (_name, make) => {
      const img = await rasterize(make());
      let ink = 0;
      // Right margin: 56 px of padding; the last 50 must stay white on every row.
      for (let y = 0; y < CARD_HEIGHT; y++) for (let x = CARD_WIDTH - 50; x < CARD_WIDTH; x++) if (img.at(x, y).some((c) => c < 250)) ink++;
      // Bottom margin: 36 px; the last 30 rows stay white right of the accent bar.
      for (let y = CARD_HEIGHT - 30; y < CARD_HEIGHT; y++)
        for (let x = 20; x < CARD_WIDTH; x++) if (img.at(x, y).some((c) => c < 250)) ink++;
      expect(ink).toBe(0);
      // And the title really is drawn: dark pixels in the title band.
      let title = 0;
      for (let y = 110; y < 200; y++) for (let x = 70; x < 1100; x++) if (img.at(x, y).every((c) => c < 80)) title++;
      expect(title).toBeGreaterThan(1000);
    },
    30_000,
  );

  it('huge numbers shrink the headline numbers instead of dropping them', () => {
    const ctx = templateContext();
    const texts = treeTexts(cardTree(extremeCounts(), ctx));
    for (const n of ['99999', '1234567', '7654321', '55555']) expect(texts).toContain(n);
  });

  it('an aggregate card draws a third fact only where the title does not need the room', () => {
    const ctx = templateContext();
    const region = byPath(cardsForPortal(makePortal(), site)).get('/regions/540000/')!;
    const facts = [
      { label: '下级地区', values: ['阿里地区'] },
      { label: '文件', values: ['《甲》'] },
      { label: '本级部门', values: ['乙局'] },
    ];
    const short = { ...region, facts };
    expect(shownFacts(short, ctx)).toBe(3);
    expect(treeTexts(cardTree(short, ctx))).toContain('乙局');
    const long = { ...short, title: LONG_TITLE };
    expect(shownFacts(long, ctx)).toBe(2);
    expect(treeTexts(cardTree(long, ctx))).not.toContain('乙局');
    const t = layoutTitle(long, ctx);
    expect(t.lines.length * t.fontSize * t.lineHeight).toBeLessThanOrEqual(t.maxHeight);
  });

  it('aggregate fact values shrink a little, all together, rather than cut a title; task facts do not', () => {
    const ctx = templateContext();
    const title = '《阿里地区贯彻实施《美丽西藏建设规划纲要(2014-2030年)》分工方案》';
    const facts = [
      { label: '文件', values: [title] },
      { label: '本级部门', values: ['甲局', '乙局'] },
    ];
    const size = factValueSize(facts, true, ctx);
    expect(size).toBeLessThan(30);
    expect(size).toBeGreaterThanOrEqual(26);
    expect(fitFactValue([title], '、', size, ctx)).toBe(title);
    // Both rows are drawn at that one size.
    const region = byPath(cardsForPortal(makePortal(), site)).get('/regions/542500/')!;
    const sizes = (node: Element | string): number[] =>
      typeof node === 'string'
        ? []
        : [
            ...(node.props.children === '甲局、乙局' || node.props.children === title ? [Number(node.props.style?.fontSize)] : []),
            ...[node.props.children ?? []].flat().flatMap(sizes),
          ];
    expect(sizes(cardTree({ ...region, facts }, ctx))).toEqual([size, size]);
    // A task card keeps 30 px and cuts.
    expect(factValueSize(facts, false, ctx)).toBe(30);
    expect(fitFactValue([title], '、', 30, ctx).endsWith('…》')).toBe(true);
  });
});

async function rasterize(spec: CardSpec) {
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

function extremeCounts(): CardSpec {
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

function extremeDepartment(): CardSpec {
  const spec = byPath(cardsForPortal(makePortal(), site)).get('/departments/542500-sthj/')!;
  return {
    ...spec,
    title: '新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府办公室生态环境保护督察整改工作领导小组办公室',
    subtitle: `机构改革：2018年3月21日起职责划入${'西藏自治区生态环境厅'.repeat(6)}`,
    kicker: `部门 · ${'伊犁哈萨克自治州'.repeat(8)}`,
  };
}

// ---------- cache ----------

describe('cache', () => {
  const versions = { template: 'tpl-1', font: 'font-1' };
  const keysOf = (specs: CardSpec[], v = versions) => new Set(specs.map((s) => cardKey(s, v)));

  it('a changed status re-renders exactly the card that shows it: its task’s', () => {
    const before = cardsForPortal(makePortal(), site);
    const cached = keysOf(before);
    const after = cardsForPortal(makePortal({ 'ali-2024-shengtai/t2': { status: '已完成' } }), site);
    const plan = planCards(after, versions, (k) => cached.has(k));
    const rendered = plan.render.flatMap((e) => e.specs.map((s) => s.pagePath)).sort();
    // Not its document, lead department, regions or the home page: their cards show no status.
    expect(rendered).toEqual(['/tasks/ali-2024-shengtai/t2/']);
    expect(plan.reuse.flatMap((e) => e.specs).length).toBe(after.length - 1);
  });

  it('unchanged specs are all reused; a template or font version change invalidates all', () => {
    const specs = cardsForPortal(makePortal(), site);
    const cached = keysOf(specs);
    expect(planCards(specs, versions, (k) => cached.has(k)).render).toHaveLength(0);
    expect(planCards(specs, { ...versions, template: 'tpl-2' }, (k) => cached.has(k)).reuse).toHaveLength(0);
    expect(planCards(specs, { ...versions, font: 'font-2' }, (k) => cached.has(k)).reuse).toHaveLength(0);
  });

  it('keys ignore where a card is written and key order, but not what it shows', () => {
    const [home] = cardsForPortal(makePortal(), site);
    const reordered = Object.fromEntries(Object.entries(home).reverse()) as unknown as CardSpec;
    expect(cardKey(reordered, versions)).toBe(cardKey(home, versions));
    expect(cardKey({ ...home, path: '/cards/other.png', pagePath: '/other/' }, versions)).toBe(cardKey(home, versions));
    expect(cardKey({ ...home, demo: !home.demo }, versions)).not.toBe(cardKey(home, versions));
    expect(cardKey({ ...home, host: 'other.example' }, versions)).not.toBe(cardKey(home, versions));
  });

  it('QINGDAN_CACHE_DIR wins over the configured folder, which wins over the default', () => {
    expect(resolveCacheDir('/r', undefined, readSettings({}))).toBe('/r/.cache/qingdan/cards');
    expect(resolveCacheDir('/r', 'c', readSettings({}))).toBe('/r/c');
    expect(resolveCacheDir('/r', 'c', readSettings({ QINGDAN_CACHE_DIR: '/tmp/x' }))).toBe('/tmp/x/cards');
  });

  it('template version covers the look files and the palette', () => {
    expect(templateVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('one status report', () => {
  // Built by the real join (documents, registry and status reports through buildPortal), so what
  // changes between the two portals is exactly one StatusReport, as when one unit files one.
  const registry = { regions, departments };
  const TASK = 'ali-2024-shengtai/t1';
  const portalWith = (report: SpecDocument['tasks'][number]['reports']): Portal => {
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
  const versions = { template: 'tpl-1', font: 'font-1' };
  const keys = (portal: Portal) => new Map(cardsForPortal(portal, site).map((s) => [s.pagePath, cardKey(s, versions)]));

  it.each([
    ['a new status', { '2020': { status: '达到序时进度' } }, { '2020': { status: '已完成' } }],
    [
      'the same status reported late (now 已逾期)',
      { '2020': { status: '达到序时进度' } },
      { '2020': { status: '达到序时进度', late: true } },
    ],
    ['a first report for the period', {}, { '2020': { status: '超过序时进度' } }],
  ] as const)('%s changes exactly one card key: the task’s', (_name, before, after) => {
    const p1 = portalWith(before);
    const p2 = portalWith(after);
    const s1 = p1.taskById.get(TASK)!.current!;
    const s2 = p2.taskById.get(TASK)!.current!;
    // The input really changed what the task page shows.
    expect([s1.status, s1.overdue]).not.toEqual([s2.status, s2.overdue]);
    const k1 = keys(p1);
    const k2 = keys(p2);
    expect([...k2.keys()].sort()).toEqual([...k1.keys()].sort());
    const changed = [...k2].filter(([path, key]) => k1.get(path) !== key).map(([path]) => path);
    expect(changed).toEqual([p2.taskById.get(TASK)!.url]);
  });

  it('aggregate specs carry no status, no status counts and no demo marker', () => {
    const specs = cardsForPortal(portalWith({ '2020': { status: '未达到序时进度', late: true } }), site);
    expect(new Set(specs.map((s) => s.kind))).toEqual(new Set(['home', 'document', 'task', 'department', 'region']));
    const task = specs.find((s) => s.pagePath === `/tasks/${TASK}/`)!;
    expect(task.status).toEqual({ status: '未达到序时进度', overdue: true, period: '2020年' });
    expect(task.demo).toBe(true);
    for (const spec of specs.filter((s) => s.kind !== 'task')) {
      expect(
        Object.keys(spec).filter((k) => ['status', 'counts', 'countsLabel', 'total', 'overdue'].includes(k)),
        spec.pagePath,
      ).toEqual([]);
      expect(spec.demo, spec.pagePath).toBe(false);
      for (const status of ALL_STATUSES) expect(JSON.stringify(spec), spec.pagePath).not.toContain(status);
    }
  });
});

describe('build (worker threads, on disk)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'qingdan-cards-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('renders everything cold, reuses everything warm, and re-renders only what changed', async () => {
    const out1 = join(tmp, 'dist1');
    const out2 = join(tmp, 'dist2');
    const out3 = join(tmp, 'dist3');
    const cacheDir = join(tmp, 'cache');
    const quiet = { log: () => {}, warn: () => {} };
    const specs = cardsForPortal(makePortal(), site);

    const cold = await buildCards({ specs, outDir: out1, cacheDir, workers: 2, ...quiet });
    expect(cold).toMatchObject({ total: specs.length, rendered: specs.length, reused: 0 });
    for (const s of specs) expect(isPng(readFileSync(join(out1, s.path)))).toEqual({ width: 1200, height: 630 });
    expect(JSON.parse(readFileSync(join(cacheDir, 'last-run.json'), 'utf8'))).toMatchObject({ rendered: specs.length, reused: 0 });

    const warm = await buildCards({ specs, outDir: out2, cacheDir, workers: 2, ...quiet });
    expect(warm).toMatchObject({ rendered: 0, reused: specs.length, pruned: 0 });
    for (const s of specs) expect(readFileSync(join(out2, s.path)).equals(readFileSync(join(out1, s.path)))).toBe(true);

    const changed = cardsForPortal(makePortal({ 'pulan-2024-caoyuan/t1': { status: '超过序时进度' } }), site);
    const third = await buildCards({ specs: changed, outDir: out3, cacheDir, workers: 1, ...quiet });
    // The task's card only: document, department, regions and home show no status.
    expect(third).toMatchObject({ rendered: 1, reused: specs.length - 1, pruned: 1 });
    const card = join(out3, '/cards/tasks/pulan-2024-caoyuan/t1.png');
    expect(readFileSync(card).equals(readFileSync(join(out1, '/cards/tasks/pulan-2024-caoyuan/t1.png')))).toBe(false);
    expect(statSync(card).size).toBeGreaterThan(5000);
  }, 120_000);

  it('prune removes what no page uses, including stray temp files', () => {
    const dir = join(tmp, 'prune');
    const keep = 'ab'.padEnd(32, '0');
    const drop = 'ab'.padEnd(32, '1');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'ab'), { recursive: true });
    for (const f of [`${keep}.png`, `${drop}.png`, `${keep}.png.1-2.tmp`]) writeFileSync(join(dir, 'ab', f), 'x');
    expect(pruneCache(dir, new Set([keep]))).toBe(2);
    expect(existsSync(join(dir, 'ab', `${keep}.png`))).toBe(true);
  });
});

describe('progress and workers', () => {
  it('prints counts, rate and ETA', () => {
    expect(progressLine(1200, 10000, 34.3)).toBe('cards 1200/10000 · 35/s · ETA 4 min');
    expect(progressLine(3, 10, 2)).toBe('cards 3/10 · 1.5/s · ETA 5 s');
  });
  it('uses the cores, but no more workers than memory or work allows', () => {
    expect(workerCount(0)).toBe(0);
    expect(workerCount(5, { workers: 8, memoryMb: 4096 })).toBe(1);
    expect(workerCount(10_000, { workers: 8, memoryMb: 4096 })).toBe(8);
    expect(workerCount(10_000, { workers: 8, memoryMb: 1000 })).toBe(2);
  });
});
