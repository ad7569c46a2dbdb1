// What each social card shows, decided from the portal alone (pure: no fonts, no files).
// One spec per page; the spec is also the cache key, so it holds exactly what the card draws.
//
// Only a task card shows status. Social platforms (WeChat, Weibo) cache a page's og:image for days,
// so live counts on the cards of the home page, documents, departments and regions would go stale
// and mislead; those cards show facts a status report cannot change (who issued what, how many
// tasks and units, spans, places). A new status report therefore changes exactly one card: its task's.
import type { DepartmentView, Portal, RegionView, TaskView } from '../../portal/types.ts';
import type { Region, RegionLevel } from '../../domain/types.ts';
import type { Document, Status } from '../../domain/types.ts';
import { cardUrl, documentUrl, homeUrl } from '../../domain/urls.ts';
import { chineseDate } from '../../portal/format.ts';
import { statusNow } from '../../portal/current-status.ts';
import { shownDeadline } from '../../portal/deadline.ts';
import { documentTitle } from '../../portal/titles.ts';

export type CardKind = 'home' | 'document' | 'task' | 'department' | 'region';

export interface CardSite {
  /** Absolute base URL, e.g. https://qingdan.example.cn; only its host is drawn. */
  url: string;
  /** Short name drawn in the corner of every card. */
  name: string;
  /** The home card's title. */
  title: string;
  /** The home card's kicker: what the site is. */
  description: string;
}

export interface CardFact {
  label: string;
  /** One or more items (units, deadlines); the card shows as many as fit, then 等N项. */
  values: string[];
}

/** A headline number: 23 项 牵头任务. */
export interface CardStat {
  label: string;
  count: number;
  unit: string;
}

export interface CardStatus {
  status: Status;
  overdue: boolean;
  /** Reporting period the status is for, e.g. 2019年第三季度. */
  period: string | null;
}

export interface CardSpec {
  /** Where the PNG goes: cardUrl(pagePath), e.g. /cards/tasks/a/t1.png. */
  path: string;
  pagePath: string;
  kind: CardKind;
  /** Small line above the title: what the page is about. */
  kicker: string;
  title: string;
  subtitle: string | null;
  /** Label/value lines: a task's lead unit and deadline; an aggregate card's stable facts (up to MAX_AGGREGATE_FACTS). */
  facts: CardFact[];
  /** Documents, departments, regions, home: headline numbers that no status report changes. */
  stats?: CardStat[];
  /** Tasks only: the current status. No other card shows status. */
  status?: CardStatus;
  /** The status shown comes from demonstration data: drawn as 示例数据（非官方）. Only task cards show status, so only they can be true. */
  demo: boolean;
  /** Host drawn in the footer. */
  host: string;
  siteName: string;
}

const KIND_LABELS: Record<CardKind, string> = {
  home: '首页',
  document: '文件',
  task: '任务',
  department: '部门',
  region: '行政区划',
};

export function hostOf(siteUrl: string): string {
  try {
    return new URL(siteUrl).host;
  } catch {
    return siteUrl.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  }
}

const joinNames = (names: readonly string[]) => [...new Set(names)].join('、');

function regionName(portal: Portal, code: string): string {
  return portal.regionByCode.get(code)?.region.name ?? code;
}

function taskCard(portal: Portal, view: TaskView, base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const { task, document } = view;
  const what = task.kind === 'problem' ? '整改问题' : '任务';
  // Where the task states no deadline of its own, its measures' deadlines are what the text promises.
  const own = task.deadlines.map((d) => d.text);
  const written = own.length ? own : task.measures.flatMap((m) => m.deadlines.map((d) => d.text));
  // Where the text states none, the page's deadline: the plan's end, said to be so (never 未识别 beside 已逾期).
  const shown = shownDeadline(view);
  const deadlines = written.length ? written : shown.date && shown.implied ? [`${chineseDate(shown.date)}（按文件实施期限截止日计）`] : [];
  const lead = view.primaryUnits.map((u) => u.name);
  const now = statusNow(view);
  const leadLabel = view.primaryUnits.some((u) => u.role === 'lead') || lead.length === 0 ? '牵头单位' : '责任单位';
  return {
    ...base,
    path: cardUrl(view.url),
    pagePath: view.url,
    kind: 'task',
    kicker: `${what} ${task.number} · ${regionName(portal, document.meta.regionCode)} · ${document.meta.kind}`,
    title: task.title || task.text,
    subtitle: `《${documentTitle(document)}》`,
    facts: [
      { label: leadLabel, values: lead.length ? [...new Set(lead)] : ['未识别'] },
      { label: '完成时限', values: deadlines.length ? [...new Set(deadlines)] : ['未识别'] },
    ],
    status: { status: now.status, overdue: now.overdue, period: now.period?.label ?? null },
    demo: view.demo,
  };
}

/**
 * At most this many fact lines on an aggregate card, most telling first. The template draws two, and
 * the third only where the title does not need the room (a short name); an undrawn third fact is
 * still in the cache key, which costs nothing since facts do not change with status.
 */
export const MAX_AGGREGATE_FACTS = 3;

const LEVEL_LABELS: Record<RegionLevel, string> = { country: '国家级', province: '省级', prefecture: '地级', county: '县级' };

const REPORTING_LABELS: Record<Document['meta']['reporting'], string> = { annual: '每年', quarterly: '每季度', monthly: '每月' };

/** The first facts that have something to say, at most MAX_AGGREGATE_FACTS. */
const someFacts = (candidates: (CardFact | null)[]): CardFact[] =>
  candidates.filter((f): f is CardFact => f !== null && f.values.length > 0).slice(0, MAX_AGGREGATE_FACTS);

const fact = (label: string, values: readonly string[]): CardFact | null =>
  values.length ? { label, values: [...new Set(values)] } : null;

/** Titles in 《》 for a list of documents, shortest first: a card shows as many whole titles as fit, then 等N项. */
const quotedTitles = (docs: readonly Document[]) => docs.map((d) => `《${documentTitle(d)}》`).sort((a, b) => a.length - b.length);

/** The region and the regions above it, outermost first: 西藏自治区 · 阿里地区. */
function regionPath(portal: Portal, region: Region): string {
  const names = [region.name];
  for (let code = region.parentCode; code;) {
    const up = portal.regionByCode.get(code)?.region;
    if (!up) break;
    names.unshift(up.name);
    code = up.parentCode;
  }
  return names.join(' · ');
}

/** The distinct units of tasks, by registry department where resolved, else by name as written. */
function distinctUnits(tasks: readonly TaskView[], pick: (t: TaskView) => TaskView['units']): string[] {
  const seen = new Map<string, string>();
  for (const t of tasks) for (const u of pick(t)) if (!seen.has(u.departmentId ?? u.name)) seen.set(u.departmentId ?? u.name, u.name);
  return [...seen.values()];
}

/** 完成时限 of a document: the span of its dated deadlines (measures' too), and how many tasks have no date. */
function deadlineRange(tasks: readonly TaskView[]): string[] {
  let first: string | null = null;
  let last: string | null = null;
  let undated = 0;
  for (const { task } of tasks) {
    const dates = [...task.deadlines, ...task.measures.flatMap((m) => m.deadlines)]
      .map((d) => d.date)
      .filter((d): d is string => d !== null);
    if (!dates.length) undated++;
    for (const d of dates) {
      if (first === null || d < first) first = d;
      if (last === null || d > last) last = d;
    }
  }
  if (first === null || last === null) return [];
  const range = first === last ? chineseDate(first) : `${chineseDate(first)}至${chineseDate(last)}`;
  return undated ? [range, `另有${undated}项未写明日期`] : [range];
}

/** 2018年至2024年: the years the documents were published (or written). */
function yearRange(documents: readonly Document[]): string[] {
  const years = documents
    .map((d) => (d.publishedOn ?? d.writtenOn)?.slice(0, 4))
    .filter((y): y is string => Boolean(y))
    .sort();
  if (!years.length) return [];
  return [years[0] === years.at(-1) ? `${years[0]}年` : `${years[0]}年至${years.at(-1)}年`];
}

function documentCard(portal: Portal, doc: Document, tasks: readonly TaskView[], base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const pagePath = documentUrl(doc.slug);
  const issuer = doc.issuer ?? doc.meta.issuer ?? null;
  const date = doc.publishedOn ? `${chineseDate(doc.publishedOn)}发布` : doc.writtenOn ? `${chineseDate(doc.writtenOn)}成文` : null;
  const subtitle = [issuer, doc.docNumber, date].filter(Boolean).join(' · ');
  const problems = tasks.filter((t) => t.task.kind === 'problem').length;
  const measures = tasks.reduce((n, t) => n + t.task.measures.length, 0);
  const targets = tasks.reduce((n, { task }) => n + task.targets.length + task.measures.reduce((m, x) => m + x.targets.length, 0), 0);
  const leads = distinctUnits(tasks, (t) => t.primaryUnits);
  const involved = distinctUnits(tasks, (t) => t.units.filter((u) => u.role !== 'mentioned'));
  const stats: CardStat[] = [
    { label: '任务', count: tasks.length, unit: '项' },
    ...(problems ? [{ label: '其中整改问题', count: problems, unit: '项' }] : []),
    ...(measures ? [{ label: '整改措施', count: measures, unit: '项' }] : []),
    ...(leads.length ? [{ label: '牵头单位', count: leads.length, unit: '个' }] : []),
    ...(targets ? [{ label: '量化目标', count: targets, unit: '项' }] : []),
    ...(involved.length > leads.length ? [{ label: '涉及单位', count: involved.length, unit: '个' }] : []),
  ];
  const { span } = doc.meta;
  return {
    ...base,
    path: cardUrl(pagePath),
    pagePath,
    kind: 'document',
    kicker: `${KIND_LABELS.document} · ${regionName(portal, doc.meta.regionCode)} · ${doc.meta.kind}`,
    title: documentTitle(doc),
    subtitle: subtitle || null,
    facts: someFacts([
      fact('实施期限', span.start && span.end ? [`${chineseDate(span.start)}至${chineseDate(span.end)}`] : []),
      fact('完成时限', deadlineRange(tasks)),
      fact('牵头单位', leads),
      fact('报告周期', [`${REPORTING_LABELS[doc.meta.reporting]}报告进展`]),
    ]),
    stats,
    demo: false,
  };
}

function departmentCard(portal: Portal, view: DepartmentView, base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const { department, region } = view;
  let subtitle: string | null = null;
  if (view.successor)
    subtitle = `机构改革：${view.department.succeededOn ? `${chineseDate(view.department.succeededOn)}起` : ''}职责划入${view.successor.name}`;
  else if (view.predecessors.length) subtitle = `承接：${joinNames(view.predecessors.map((d) => d.name))}`;
  const slugs = new Set([...view.primary, ...view.helping, ...view.mentioned, ...view.inherited].map((t) => t.document.slug));
  const documents = portal.documents.filter((d) => slugs.has(d.slug));
  return {
    ...base,
    path: cardUrl(view.url),
    pagePath: view.url,
    kind: 'department',
    kicker: `${KIND_LABELS.department} · ${region.name}${department.collective ? ' · 统称（非单一机构）' : ''}`,
    title: department.name,
    subtitle,
    facts: someFacts([
      fact('涉及文件', quotedTitles(documents)),
      fact(
        '文中写法',
        view.writtenAs.filter((w) => w !== department.name),
      ),
      fact('所属地区', [regionPath(portal, region)]),
    ]),
    stats: [
      { label: '牵头任务', count: view.primary.length, unit: '项' },
      { label: '参与任务', count: view.helping.length, unit: '项' },
      ...(view.inherited.length ? [{ label: '承接前身任务', count: view.inherited.length, unit: '项' }] : []),
      ...(view.mentioned.length ? [{ label: '文中提及', count: view.mentioned.length, unit: '项' }] : []),
    ],
    demo: false,
  };
}

function regionCard(portal: Portal, view: RegionView, base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const { region } = view;
  const siblings = view.parent
    ? (portal.regionByCode.get(view.parent.code)?.children ?? []).filter((r) => r.code !== region.code).map((r) => r.name)
    : [];
  return {
    ...base,
    path: cardUrl(view.url),
    pagePath: view.url,
    kind: 'region',
    kicker: `${KIND_LABELS.region} · 区划代码 ${region.code}`,
    title: region.name,
    subtitle: `${LEVEL_LABELS[region.level]}行政区${view.parent ? ` · 上级：${regionPath(portal, view.parent)}` : ''}`,
    facts: someFacts([
      fact(
        '下级地区',
        view.children.map((c) => c.name),
      ),
      fact('文件', quotedTitles(view.documents)),
      fact(
        '本级部门',
        view.departments.map((d) => d.name),
      ),
      // Where a region has little of its own (most counties), where it sits: its short names, its neighbours.
      fact(
        '简称',
        region.shortNames.filter((n) => n !== region.name),
      ),
      fact('同级地区', siblings),
    ]),
    stats: [
      { label: '文件', count: view.documents.length, unit: '份' },
      { label: '任务', count: view.tasks.length, unit: '项' },
      { label: '本级部门', count: view.departments.length, unit: '个' },
      ...(view.children.length ? [{ label: '下级地区', count: view.children.length, unit: '个' }] : []),
    ],
    demo: false,
  };
}

function homeCard(portal: Portal, site: CardSite, base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const pagePath = homeUrl();
  // Top-level regions with tasks (their own or their sub-regions'), in registry order.
  const covered = portal.regions.filter((r) => r.parent === null && r.tasks.length > 0).map((r) => r.region.name);
  return {
    ...base,
    path: cardUrl(pagePath),
    pagePath,
    kind: 'home',
    kicker: site.description,
    title: site.title,
    subtitle: null,
    facts: someFacts([
      fact('覆盖地区', covered),
      fact(
        '文件类型',
        portal.documents.map((d) => d.meta.kind),
      ),
      fact('发文时间', yearRange(portal.documents)),
    ]),
    stats: [
      { label: '文件', count: portal.documents.length, unit: '份' },
      { label: '任务', count: portal.tasks.length, unit: '项' },
      { label: '部门', count: portal.departments.length, unit: '个' },
      { label: '行政区划', count: portal.regions.length, unit: '个' },
    ],
    demo: false,
  };
}

/** One card spec per page of the portal: home, documents, tasks, departments, regions. */
export function cardsForPortal(portal: Portal, site: CardSite): CardSpec[] {
  const base = { host: hostOf(site.url), siteName: site.name };
  const specs: CardSpec[] = [homeCard(portal, site, base)];
  // Grouped once: thousands of documents must not each scan every task.
  const byDocument = new Map<string, TaskView[]>();
  for (const t of portal.tasks) {
    const list = byDocument.get(t.document.slug);
    if (list) list.push(t);
    else byDocument.set(t.document.slug, [t]);
  }
  for (const doc of portal.documents) specs.push(documentCard(portal, doc, byDocument.get(doc.slug) ?? [], base));
  for (const t of portal.tasks) specs.push(taskCard(portal, t, base));
  for (const d of portal.departments) specs.push(departmentCard(portal, d, base));
  for (const r of portal.regions) specs.push(regionCard(portal, r, base));
  return specs;
}
