// A report's rows: each task with the status the report shows for it, and the departments with their tasks.
import type { ResolvedUnit, StatusAt } from '../../domain/types';
import { ROLE_LABELS, type Document, type Period } from '../../domain/types';
import { departmentUrl, taskUrl, unverifiedUnitUrl } from '../../domain/urls';
import { shownStatus } from '../../portal/current-status';
import type { TaskView } from '../../portal/types';
import type { Index } from './report-index';
import {
  MAX_DEADLINE_CHARS,
  MAX_PROGRESS_CHARS,
  type ReportDepartment,
  type ReportDepartmentTask,
  type ReportTaskRow,
} from './report-spec';
import { type SourceTally, addSource } from './report-tally';

const collator = new Intl.Collator('zh-Hans-CN');
/** At most this many deadlines in a row's cell. */
const MAX_DEADLINES = 3;

const cut = (s: string, max: number) => ([...s].length > max ? [...s].slice(0, max).join('') + '…' : s);

/** The deadlines of a task as a short cell text: each cut, at most three, then how many more. */
export function deadlineText(deadlines: { text: string }[]): string {
  const shown = deadlines.slice(0, MAX_DEADLINES).map((d) => cut(d.text.trim(), MAX_DEADLINE_CHARS));
  const more = deadlines.length - shown.length;
  return shown.join('；') + (more > 0 ? `；另有 ${more} 项时限` : '');
}

export function issuerOf(doc: Document): string | null {
  return doc.issuer?.trim() || doc.meta.issuer?.trim() || null;
}

function unitLabel(u: ResolvedUnit): string {
  return u.verified ? u.name : `${u.name}（未核实）`;
}

export function toRow(ix: Index, tv: TaskView, at: StatusAt | null, doc: number, period: Period): ReportTaskRow {
  const shown = shownStatus(at);
  const report = shown.report;
  const progressFull = report ? ix.progressText(report) : '';
  const progressCut = [...progressFull].length > MAX_PROGRESS_CHARS;
  return {
    id: tv.task.id,
    doc,
    number: tv.task.number,
    title: tv.task.title,
    url: tv.url || taskUrl(tv.task.id),
    leadUnits: tv.primaryUnits.map(unitLabel),
    deadline: deadlineText(tv.task.deadlines),
    status: shown.status,
    overdue: shown.overdue,
    statusPeriod: at && at.period.id !== period.id ? at.period.label : null,
    progress: cut(progressFull, MAX_PROGRESS_CHARS),
    progressCut,
    reportingUnit: report?.reportingUnit ?? null,
    reportedOn: report?.reportedOn ?? null,
    // A task of a demo data set is demo even where nothing was reported: its 未报告 comes from that set.
    demo: tv.demo || report?.source === 'demo',
  };
}

/** The StatusAt a row stands for, rebuilt so counts use the derive-status rules. */
export const asStatusAt = (r: ReportTaskRow, period: Period): StatusAt => ({ period, status: r.status, overdue: r.overdue, report: null, lastReported: null });

export function departmentsOf(ix: Index, tasks: TaskView[]): ReportDepartment[] {
  const { portal } = ix;
  const regionName = (code: string) => portal.regionByCode.get(code)?.region.name ?? code;
  const byId = new Map<string, ReportDepartment>();
  // (department, group, task) already listed: a Set, since one department may carry thousands of tasks.
  const listed = new Set<string>();
  for (const tv of tasks) {
    for (const { dv, group } of ix.links.get(tv.task.id) ?? []) {
      const id = dv.department.id;
      let d = byId.get(id);
      if (!d) {
        d = {
          key: id,
          name: dv.department.name,
          regionName: dv.region.name,
          verified: true,
          url: dv.url || departmentUrl(id),
          lead: [],
          helping: [],
          mentioned: [],
          inherited: [],
          successor: dv.successor ? { name: dv.successor.name, on: dv.department.succeededOn } : null,
        };
        byId.set(id, d);
      }
      const roles = group === 'helping' ? [...new Set(tv.units.filter((u) => u.departmentId === id).map((u) => ROLE_LABELS[u.role]))] : [];
      const k = `${id}\u0000${group}\u0000${tv.task.id}`;
      if (!listed.has(k)) {
        listed.add(k);
        d[group].push({ id: tv.task.id, roles });
      }
    }
  }
  // Inherited tasks are listed only beside the department's own: they alone do not make a section.
  const out = [...byId.values()].filter((d) => d.lead.length + d.helping.length + d.mentioned.length > 0);

  // Units the registry does not know still answer for tasks: group them by the name as written.
  const unknown = new Map<string, ReportDepartment>();
  for (const tv of tasks) {
    const entries = new Map<string, ReportDepartmentTask>(); // this task's entries, by unit name and list
    const primary = new Set(tv.primaryUnits.filter((u) => !u.departmentId).map((u) => u.name));
    for (const u of tv.units) {
      if (u.departmentId) continue;
      let d = unknown.get(u.name);
      if (!d) {
        d = {
          key: `unit:${u.name}`,
          name: u.name,
          regionName: regionName(tv.document.meta.regionCode),
          verified: false,
          url: unverifiedUnitUrl(u.name),
          lead: [],
          helping: [],
          mentioned: [],
          inherited: [],
          successor: null,
        };
        unknown.set(u.name, d);
      }
      const list = primary.has(u.name) ? d.lead : u.role === 'mentioned' ? d.mentioned : d.helping;
      const k = `${u.name}\u0000${list === d.lead ? 'l' : list === d.mentioned ? 'm' : 'h'}`;
      const existing = entries.get(k);
      if (existing) {
        if (list === d.helping && !existing.roles.includes(ROLE_LABELS[u.role])) existing.roles.push(ROLE_LABELS[u.role]);
      } else {
        const entry = { id: tv.task.id, roles: list === d.helping ? [ROLE_LABELS[u.role]] : [] };
        entries.set(k, entry);
        list.push(entry);
      }
    }
  }
  out.push(...unknown.values());

  // Busiest first: a reader looks for who answers for most; ties by name so the order is stable.
  return out.sort(
    (a, b) =>
      Number(b.verified) - Number(a.verified) ||
      b.lead.length - a.lead.length ||
      b.helping.length - a.helping.length ||
      b.mentioned.length - a.mentioned.length ||
      collator.compare(a.name, b.name) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export function sourcesOf(rows: { row: ReportTaskRow; at: StatusAt | null }[]): Map<string, SourceTally> {
  const map = new Map<string, SourceTally>();
  for (const { at } of rows) if (at?.report) addSource(map, at.report);
  return map;
}
