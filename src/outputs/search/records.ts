// What the search index holds: one record per task, document, department and region page,
// built from the model rather than scraped from HTML, so navigation and footers never enter it
// and every page carries the names a citizen types (aliases such as 发改局, region short names).
import { STATUS } from '../../domain/status-catalogue';
import { statusNow } from '../../portal/current-status';
import { latestReport } from '../../portal/latest-report';
import type { Portal, TaskView } from '../../portal/types';
import type { Department, ResolvedUnit } from '../../domain/types';
import { departmentUrl, documentUrl, regionUrl } from '../../domain/urls';
import { deadlineKeys, docNumbers, standingDeadlines, taskNumberKeys } from './query';
import { icuPieces, joinKeys, KEY_FIELDS, pageKeys, taskKeys, unitNameForms, withoutRegion } from './terms';

export interface SearchRecord {
  url: string;
  content: string;
  language: 'zh-cn';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export const FILTER_NAMES = {
  region: '地区',
  department: '部门',
  status: '状态',
  document: '文件',
  kind: '文件类型',
  type: '页面类型',
} as const;

function regionNames(portal: Portal, code: string): string[] {
  const out: string[] = [];
  for (
    let r = portal.regionByCode.get(code)?.region ?? null;
    r;
    r = r.parentCode ? (portal.regionByCode.get(r.parentCode)?.region ?? null) : null
  )
    out.push(r.name, ...r.shortNames);
  return out;
}

/** The region and the regions above it, by official name: the 地区 filter. */
function officialRegionNames(portal: Portal, code: string): string[] {
  const out: string[] = [];
  for (
    let r = portal.regionByCode.get(code)?.region ?? null;
    r;
    r = r.parentCode ? (portal.regionByCode.get(r.parentCode)?.region ?? null) : null
  )
    out.push(r.name);
  return out;
}

/** The departments that took over a department's duties, nearest first (机构改革 chains). */
function successorsOf(portal: Portal, id: string): Department[] {
  const out: Department[] = [];
  const seen = new Set([id]);
  for (let d = portal.departmentById.get(id)?.department; d?.successorId && !seen.has(d.successorId);) {
    seen.add(d.successorId);
    d = portal.departmentById.get(d.successorId)?.department;
    if (d) out.push(d);
  }
  return out;
}

/**
 * Unit names as written, every name and alias of the departments they resolve to (and of the
 * departments that took over their duties), in the forms a citizen types (县发改局 → 发改局) and
 * without the region's name: that belongs to the region's own page, and would otherwise make every
 * task of a county answer to the county's name.
 */
function unitSearchNames(portal: Portal, written: string[], departments: Department[], regions: string[]): string[] {
  const context = [...new Set([...regions, ...departments.flatMap((d) => regionNames(portal, d.regionCode))])];
  const all = [...written, ...departments.flatMap((d) => [d.name, ...d.aliases])].flatMap((n) => unitNameForms(n, context));
  return [...new Set(withoutRegion(all, context))];
}

function lines(...parts: Array<string | string[] | null | undefined>): string {
  return parts
    .flat()
    .filter((p): p is string => !!p && p.trim() !== '')
    .join('\n');
}

/** Department of a unit, or the unit's own name when the registry does not know it. */
function unitGroups(portal: Portal, units: readonly ResolvedUnit[]): { written: string[]; departments: Department[] }[] {
  const groups = new Map<string, { written: string[]; departments: Department[] }>();
  for (const u of units) {
    const d = u.departmentId ? portal.departmentById.get(u.departmentId)?.department : undefined;
    const key = d?.id ?? `?${u.name}`;
    const g = groups.get(key) ?? { written: [], departments: d ? [d, ...successorsOf(portal, d.id)] : [] };
    if (!g.written.includes(u.name)) g.written.push(u.name);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function taskRecord(portal: Portal, tv: TaskView): SearchRecord {
  const { task, document } = tv;
  const regions = regionNames(portal, document.meta.regionCode);
  const deadline = task.deadlines.find((d) => d.date)?.date ?? null;
  const lead = tv.primaryUnits.map((u) => u.name).join('、');
  const now = statusNow(tv);
  const status = now.status;
  // 未报告 this period says nothing of what came before: the result line adds the last word reported.
  const last = status === STATUS.unreported ? latestReport(tv) : null;
  // The task's own words: the excerpt a reader sees comes from here.
  const own = lines(
    `${task.kind === 'problem' ? '问题' : '任务'} ${task.number} ${task.title}`,
    task.text,
    task.fields.cause,
    task.fields.goals,
    task.fields.timeLimits,
    task.measures.map((m) => `${m.number}. ${m.text}`),
  );
  const body = lines(
    own,
    // Deadlines and targets as parsed, where the text does not already say them word for word.
    [...task.deadlines.map((d) => d.text), ...task.targets.map((t) => t.text)].filter((t) => !own.includes(t)),
    [...new Set(tv.units.map((u) => u.name))],
    document.title,
    regions,
  );
  // Who answers for the task: one key field per lead unit, so that a query's characters must all
  // come from one unit's name.
  const leads = unitGroups(portal, tv.primaryUnits).map((g) => unitSearchNames(portal, g.written, g.departments, regions));
  const keys = taskKeys({ title: task.title, leads, text: own });
  // What a query's task number and deadline phrases become (query.ts): 任务44, 问题十二 / 问题12,
  // 2019年底前 / 2019年12月31日前 → d20191231, 6月30日前 → m0630.
  keys[KEY_FIELDS.number] = joinKeys(taskNumberKeys(task.kind, task.number));
  // …and 长期, where the task's deadlines say it.
  const dates = deadlineKeys(
    task.deadlines.map((d) => d.date),
    own,
  );
  const standing = standingDeadlines(
    lines(
      task.deadlines.map((d) => d.text),
      task.fields.timeLimits,
    ),
  );
  const due = joinKeys([...dates, ...standing]);
  if (due) keys[KEY_FIELDS.due] = due;
  return {
    url: tv.url,
    content: body,
    language: 'zh-cn',
    meta: {
      title: `${document.title ?? document.slug} · ${task.kind === 'problem' ? '问题' : '任务'}${task.number}：${task.title}`,
      status,
      overdue: now.overdue ? STATUS.overdue : '',
      lastReported: last ? `${last.period.label}，${last.status}` : '',
      lead: lead || '未明确',
      deadline: deadline ?? task.deadlines.map((d) => d.text).join('、') ?? '',
      document: document.title ?? document.slug,
      demo: tv.demo ? '示例数据（非官方）' : '',
      ...keys,
    },
    filters: {
      [FILTER_NAMES.type]: ['任务'],
      [FILTER_NAMES.region]: officialRegionNames(portal, document.meta.regionCode),
      [FILTER_NAMES.department]: [
        ...new Set(tv.primaryUnits.map((u) => (u.departmentId ? portal.departmentById.get(u.departmentId)!.department.name : u.name))),
      ],
      [FILTER_NAMES.status]: now.overdue ? [status, STATUS.overdue] : [status],
      [FILTER_NAMES.document]: [document.title ?? document.slug],
      [FILTER_NAMES.kind]: [document.meta.kind],
    },
  };
}

/** A phrase as a query for it is split: 阿行发〔2018〕66号 → 阿 行 发 2018 66 号. */
function wordPieces(n: string): string[] {
  return icuPieces(n)
    .map((p) => p.text)
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

export function searchRecords(portal: Portal): SearchRecord[] {
  const records: SearchRecord[] = portal.tasks.map((tv) => taskRecord(portal, tv));
  for (const d of portal.documents) {
    const regions = regionNames(portal, d.meta.regionCode);
    const preamble = d.parts.filter((p) => p.kind === 'preamble').map((p) => p.text.trim());
    const written = lines(d.title, d.docNumber, d.issuer, preamble);
    // Document numbers, its own and those it cites, in the form a normalised query has (query.ts):
    // the text may write them loosely (青发202121号), a reader types them any way.
    const numbers = docNumbers(lines(d.docNumber, preamble));
    const body = lines(
      written,
      numbers.filter((n) => !written.includes(n)),
      regions,
    );
    const docno = joinKeys(numbers.flatMap(wordPieces));
    records.push({
      url: documentUrl(d.slug),
      content: body,
      language: 'zh-cn',
      meta: {
        title: d.title ?? d.slug,
        document: d.title ?? d.slug,
        kind: d.meta.kind,
        ...pageKeys([d.title, d.issuer]),
        ...(docno ? { [KEY_FIELDS.docNumber]: docno } : {}),
      },
      filters: {
        [FILTER_NAMES.type]: ['文件'],
        [FILTER_NAMES.kind]: [d.meta.kind],
        [FILTER_NAMES.document]: [d.title ?? d.slug],
        [FILTER_NAMES.region]: officialRegionNames(portal, d.meta.regionCode),
      },
    });
  }
  for (const v of portal.departments) {
    if (v.primary.length + v.helping.length + v.mentioned.length + v.inherited.length === 0) continue;
    const names = [...new Set([v.department.name, ...v.department.aliases, ...v.writtenAs])];
    const body = lines(names, regionNames(portal, v.department.regionCode));
    records.push({
      url: departmentUrl(v.department.id),
      content: body,
      language: 'zh-cn',
      meta: {
        title: v.department.name,
        region: v.region.name,
        ...pageKeys(unitSearchNames(portal, v.writtenAs, [v.department], []), names),
      },
      filters: { [FILTER_NAMES.type]: ['部门'], [FILTER_NAMES.region]: [v.region.name] },
    });
  }
  for (const r of portal.regions) {
    if (r.tasks.length === 0 && r.documents.length === 0) continue;
    const body = lines(
      r.region.name,
      r.region.shortNames,
      r.children.map((c) => c.name),
    );
    records.push({
      url: regionUrl(r.region.code),
      content: body,
      language: 'zh-cn',
      meta: { title: r.region.name, ...pageKeys([r.region.name, ...r.region.shortNames]) },
      filters: { [FILTER_NAMES.type]: ['地区'], [FILTER_NAMES.region]: [r.region.name] },
    });
  }
  return records;
}
