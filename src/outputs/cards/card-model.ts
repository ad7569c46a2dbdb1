// What each social card shows, decided from the portal alone (pure: no fonts, no files).
// One spec per page; the spec is also the cache key, so it holds exactly what the card draws.
import type { DepartmentView, Portal, RegionView, StatusAt, TaskView } from '../../model/portal-types.ts';
import { REPORTED_STATUSES, type Document, type Status } from '../../model/types.ts';
import { cardUrl, documentUrl, homeUrl } from '../../model/urls.ts';

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

export interface CardCount {
  status: Status;
  count: number;
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
  /** Tasks: label/value lines (lead unit, deadline). */
  facts: CardFact[];
  /** Documents, departments, regions, home: headline numbers. */
  stats?: CardStat[];
  /** Tasks only: the current status. */
  status?: CardStatus;
  /** Documents, departments, regions, home: tasks by current status (zeros left out), fixed order. */
  counts?: CardCount[];
  /** What the counts are of, drawn before the legend: 牵头任务进展. */
  countsLabel?: string;
  /** How many tasks the counts cover, and how many of them are overdue. */
  total?: number;
  overdue?: number;
  /** Status shown comes (partly) from demonstration data: drawn as 示例数据（非官方）. */
  demo: boolean;
  /** Host drawn in the footer. */
  host: string;
  siteName: string;
}

export const DEMO_LABEL = '示例数据（非官方）';

/** Display order of statuses: the reported ones in the order of the workflow, then 未报告. */
export const STATUS_ORDER: readonly Status[] = [...REPORTED_STATUSES, '未报告'];

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

/** 2023 → 2023年, 2018-03-21 → 2018年3月21日; anything else as written. */
export function chineseDate(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  return `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
}

const statusOf = (at: StatusAt | null): Status => at?.status ?? '未报告';

/** Tasks by current status, in STATUS_ORDER, zeros dropped; plus the total and the overdue count. */
export function countStatuses(tasks: readonly TaskView[]): { counts: CardCount[]; total: number; overdue: number } {
  const by = new Map<Status, number>();
  let overdue = 0;
  for (const t of tasks) {
    const s = statusOf(t.current);
    by.set(s, (by.get(s) ?? 0) + 1);
    if (t.current?.overdue) overdue++;
  }
  // Statuses outside the known order (should a new word ever appear) go last rather than vanish.
  const order = [...STATUS_ORDER, ...[...by.keys()].filter((s) => !STATUS_ORDER.includes(s))];
  const counts = order.filter((s) => (by.get(s) ?? 0) > 0).map((status) => ({ status, count: by.get(status)! }));
  return { counts, total: tasks.length, overdue };
}

/** Demo data matters only where status is shown: a card is marked when any task it counts is demo. */
const anyDemo = (tasks: readonly TaskView[]) => tasks.some((t) => t.demo);

const joinNames = (names: readonly string[]) => [...new Set(names)].join('、');

function documentTitle(doc: Document): string {
  return doc.title?.replace(/\s+/gu, '') || doc.slug;
}

function regionName(portal: Portal, code: string): string {
  return portal.regionByCode.get(code)?.region.name ?? code;
}

function taskCard(portal: Portal, view: TaskView, base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const { task, document } = view;
  const what = task.kind === 'problem' ? '整改问题' : '任务';
  // Where the task states no deadline of its own, its measures' deadlines are what the text promises.
  const own = task.deadlines.map((d) => d.text);
  const deadlines = own.length ? own : task.measures.flatMap((m) => m.deadlines.map((d) => d.text));
  const lead = view.primaryUnits.map((u) => u.name);
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
      { label: leadLabel, values: lead.length ? [...new Set(lead)] : ['未写明'] },
      { label: '完成时限', values: deadlines.length ? [...new Set(deadlines)] : ['未写明'] },
    ],
    status: {
      status: statusOf(view.current),
      overdue: view.current?.overdue ?? false,
      period: view.current?.period.label ?? null,
    },
    demo: view.demo,
  };
}

function documentCard(portal: Portal, doc: Document, tasks: readonly TaskView[], base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const pagePath = documentUrl(doc.slug);
  const issuer = doc.issuer ?? doc.meta.issuer ?? null;
  const date = doc.publishedOn ? `${chineseDate(doc.publishedOn)}发布` : doc.writtenOn ? `${chineseDate(doc.writtenOn)}成文` : null;
  const subtitle = [issuer, doc.docNumber, date].filter(Boolean).join(' · ');
  const counted = countStatuses(tasks);
  return {
    ...base,
    path: cardUrl(pagePath),
    pagePath,
    kind: 'document',
    kicker: `${KIND_LABELS.document} · ${regionName(portal, doc.meta.regionCode)} · ${doc.meta.kind}`,
    title: documentTitle(doc),
    subtitle: subtitle || null,
    facts: [],
    stats: [{ label: '任务', count: counted.total, unit: '项' }],
    countsLabel: '任务进展',
    ...counted,
    demo: anyDemo(tasks),
  };
}

function departmentCard(view: DepartmentView, base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const { department, region } = view;
  let subtitle: string | null = null;
  if (view.successor) subtitle = `机构改革：${view.department.succeededOn ? `${chineseDate(view.department.succeededOn)}起` : ''}职责划入${view.successor.name}`;
  else if (view.predecessors.length) subtitle = `承接：${joinNames(view.predecessors.map((d) => d.name))}`;
  return {
    ...base,
    path: cardUrl(view.url),
    pagePath: view.url,
    kind: 'department',
    kicker: `${KIND_LABELS.department} · ${region.name}`,
    title: department.name,
    subtitle,
    facts: [],
    stats: [
      { label: '牵头任务', count: view.primary.length, unit: '项' },
      { label: '参与任务', count: view.helping.length, unit: '项' },
      ...(view.inherited.length ? [{ label: '承接前身任务', count: view.inherited.length, unit: '项' }] : []),
    ],
    countsLabel: '牵头任务进展',
    ...countStatuses(view.primary),
    // As on the department page: any demo status among the tasks it lists marks the card.
    demo: anyDemo([...view.primary, ...view.helping, ...view.mentioned, ...view.inherited]),
  };
}

function regionCard(view: RegionView, base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const { region } = view;
  return {
    ...base,
    path: cardUrl(view.url),
    pagePath: view.url,
    kind: 'region',
    kicker: `${KIND_LABELS.region} · ${view.parent ? `${view.parent.name} · ` : ''}${region.code}`,
    title: region.name,
    subtitle: null,
    facts: [],
    stats: [
      { label: '文件', count: view.documents.length, unit: '份' },
      { label: '部门', count: view.departments.length, unit: '个' },
      { label: '任务', count: view.tasks.length, unit: '项' },
    ],
    countsLabel: '任务进展',
    ...countStatuses(view.tasks),
    demo: anyDemo(view.tasks),
  };
}

function homeCard(portal: Portal, site: CardSite, base: Pick<CardSpec, 'host' | 'siteName'>): CardSpec {
  const pagePath = homeUrl();
  return {
    ...base,
    path: cardUrl(pagePath),
    pagePath,
    kind: 'home',
    kicker: site.description,
    title: site.title,
    subtitle: null,
    facts: [],
    stats: [
      { label: '文件', count: portal.documents.length, unit: '份' },
      { label: '任务', count: portal.tasks.length, unit: '项' },
      { label: '部门', count: portal.departments.length, unit: '个' },
      { label: '行政区划', count: portal.regions.length, unit: '个' },
    ],
    countsLabel: '任务进展',
    ...countStatuses(portal.tasks),
    demo: portal.hasDemo,
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
  for (const d of portal.departments) specs.push(departmentCard(d, base));
  for (const r of portal.regions) specs.push(regionCard(r, base));
  return specs;
}
