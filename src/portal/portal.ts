// The portal model: documents, registry and status data joined once per build. Pages and
// output stages read it through getPortal() (get-portal.ts); nothing here rescans all tasks per page.
import { settings } from '../config';
import type { DepartmentView, Portal, RegionView, TaskView } from './types';
import { finalDeadline, statusTimeline } from '../domain/derive-status';
import { comparePeriods, reportingPeriodOn, timelineEnd, timelinePeriods } from '../domain/periods';
import { predecessorsOf, regionAncestors } from '../sources/registry/registry';
import { resolveUnit } from '../sources/registry/resolve';
import { unverifiedUnits } from '../sources/registry/units';
import type { Sources } from '../sources/index';
import type { Department, Document, Period, ResolvedUnit, StatusReport, UnitRef, UnverifiedUnit } from '../domain/types';
import { departmentUrl, regionUrl, taskUrl } from '../domain/urls';
import { GENERATED_ON_KEY, HAS_DEMO_KEY, PERIODS_KEY, reportingPeriodKey, taskKey, trackRead, type TaskStatusField } from './reads';

/** The lead units; where the text names none, the first responsible unit. */
export function primaryUnitsOf<T extends UnitRef>(units: T[]): T[] {
  const leads = units.filter((u) => u.role === 'lead');
  if (leads.length) return leads;
  const first = units.find((u) => u.role === 'responsible');
  return first ? [first] : [];
}

/** The portal of loaded sources, as of `generatedOn` (the build date: what 已逾期 is judged against). */
export function buildPortal({ documents, registry, reports }: Sources, generatedOn: string = settings().buildDate): Portal {
  const reportsByTask = new Map<string, StatusReport[]>();
  const periodsByDocument = new Map<string, Period[]>();
  const docOfTask = new Map<string, Document>();
  for (const d of documents) for (const t of d.tasks) docOfTask.set(t.id, d);
  const reported = new Map<string, Period[]>();
  for (const r of reports) {
    if (!reportsByTask.has(r.taskId)) reportsByTask.set(r.taskId, []);
    reportsByTask.get(r.taskId)!.push(r);
    const slug = docOfTask.get(r.taskId)!.slug;
    if (!reported.has(slug)) reported.set(slug, []);
    reported.get(slug)!.push(r.period);
  }
  const reportedPeriodsByDocument = new Map<string, Period[]>();
  // Each timeline runs to the build date's period (or just past an ended plan): silence shows as 未报告.
  for (const d of documents) {
    reportedPeriodsByDocument.set(d.slug, [...new Map((reported.get(d.slug) ?? []).map((p) => [p.id, p])).values()].sort(comparePeriods));
    const lastDeadline =
      d.tasks
        .map((t) => finalDeadline(t, d.meta.span.end))
        .filter((x): x is string => x !== null)
        .sort()
        .at(-1) ?? null;
    periodsByDocument.set(d.slug, timelinePeriods(reported.get(d.slug) ?? [], timelineEnd(d.meta, generatedOn, lastDeadline)));
  }
  const demoDocuments = new Set(reports.filter((r) => r.source === 'demo').map((r) => docOfTask.get(r.taskId)!.slug));

  // One resolution per (name, region): big plans repeat the same units hundreds of times.
  const resolved = new Map<string, { departmentId: string | null; verified: boolean }>();
  const resolve = (u: UnitRef, regionCode: string): ResolvedUnit => {
    const key = `${regionCode}\u0000${u.name}`;
    let r = resolved.get(key);
    if (!r) {
      const hit = resolveUnit(registry, u.name, regionCode);
      r = { departmentId: hit.departmentId, verified: hit.verified };
      resolved.set(key, r);
    }
    return { ...u, ...r };
  };

  const tasks: TaskView[] = [];
  for (const document of documents) {
    const periods = periodsByDocument.get(document.slug)!;
    for (const task of document.tasks) {
      const units = task.units.map((u) => resolve(u, document.meta.regionCode));
      const own = reportsByTask.get(task.id) ?? [];
      const timeline = statusTimeline(task, own, periods, { planEnd: document.meta.span.end, asOf: generatedOn });
      tasks.push(
        withTrackedStatus(
          { task, document, units, primaryUnits: primaryUnitsOf(units), url: taskUrl(task.id) },
          { reports: own, timeline, current: timeline.at(-1) ?? null, demo: demoDocuments.has(document.slug) },
        ),
      );
    }
  }
  const unverified = unverifiedUnits(registry, documents);
  const taskById = new Map(tasks.map((t) => [t.task.id, t]));

  // Departments: one pass over all task units, then succession links.
  const views = new Map<string, DepartmentView>();
  const viewOf = (d: Department): DepartmentView => {
    let v = views.get(d.id);
    if (!v) {
      v = {
        department: d,
        region: registry.regionByCode.get(d.regionCode)!,
        url: departmentUrl(d.id),
        primary: [],
        helping: [],
        mentioned: [],
        inherited: [],
        predecessors: predecessorsOf(registry, d.id),
        successor: d.successorId ? (registry.departmentById.get(d.successorId) ?? null) : null,
        writtenAs: [],
      };
      views.set(d.id, v);
    }
    return v;
  };
  for (const d of registry.departments) viewOf(d);
  for (const tv of tasks) {
    const seen = new Set<string>();
    for (const u of tv.units) {
      if (!u.departmentId) continue;
      const v = viewOf(registry.departmentById.get(u.departmentId)!);
      if (!v.writtenAs.includes(u.name)) v.writtenAs.push(u.name);
      if (seen.has(u.departmentId)) continue;
      seen.add(u.departmentId);
      const list = tv.primaryUnits.some((p) => p.departmentId === u.departmentId)
        ? v.primary
        : u.role === 'mentioned'
          ? v.mentioned
          : v.helping;
      list.push(tv);
    }
  }
  for (const v of views.values()) {
    const inherited = new Set<TaskView>();
    for (const p of v.predecessors) {
      const pv = views.get(p.id)!;
      for (const t of [...pv.primary, ...pv.helping]) inherited.add(t);
    }
    v.inherited = [...inherited];
  }
  const departments = [...views.values()];
  const departmentById = new Map(departments.map((v) => [v.department.id, v]));

  // Regions aggregate their descendants: each task is added to its region and every ancestor.
  const regionViews = new Map<string, RegionView>();
  for (const region of registry.regions) {
    regionViews.set(region.code, {
      region,
      url: regionUrl(region.code),
      parent: region.parentCode ? (registry.regionByCode.get(region.parentCode) ?? null) : null,
      children: (registry.childrenByCode.get(region.code) ?? []).map((c) => registry.regionByCode.get(c)!),
      documents: [],
      departments: registry.departments.filter((d) => d.regionCode === region.code),
      tasks: [],
    });
  }
  const tasksByDocument = new Map<string, TaskView[]>();
  for (const tv of tasks) {
    if (!tasksByDocument.has(tv.document.slug)) tasksByDocument.set(tv.document.slug, []);
    tasksByDocument.get(tv.document.slug)!.push(tv);
  }
  for (const d of documents) {
    const code = d.meta.regionCode;
    const chain = [registry.regionByCode.get(code)!, ...regionAncestors(registry, code)];
    for (const r of chain) {
      const rv = regionViews.get(r.code)!;
      rv.documents.push(d);
      rv.tasks.push(...(tasksByDocument.get(d.slug) ?? []));
    }
  }
  const regions = [...regionViews.values()];

  const unverifiedByName = new Map<string, UnverifiedUnit[]>();
  for (const u of unverified) {
    if (!unverifiedByName.has(u.name)) unverifiedByName.set(u.name, []);
    unverifiedByName.get(u.name)!.push(u);
  }

  const reportingPeriods = new Map(documents.map((d) => [d.slug, reportingPeriodOn(d.meta, generatedOn)]));
  const portal = {
    documents,
    tasks,
    taskById,
    departments,
    departmentById,
    regions,
    regionByCode: new Map(regions.map((r) => [r.region.code, r])),
    unverified,
    unverifiedByName,
    reportingPeriodOf(slug: string) {
      trackRead(reportingPeriodKey(slug));
      return reportingPeriods.get(slug) ?? null;
    },
  };
  return trackedGetters(portal, {
    periodsByDocument: [PERIODS_KEY, periodsByDocument],
    reportedPeriodsByDocument: [PERIODS_KEY, reportedPeriodsByDocument],
    hasDemo: [HAS_DEMO_KEY, demoDocuments.size > 0],
    generatedOn: [GENERATED_ON_KEY, generatedOn],
  }) as Portal;
}

type TaskStatusFields = Pick<TaskView, TaskStatusField>;

/** A task view whose status fields record that they were read, each under its own key (src/portal/reads.ts). */
function withTrackedStatus(base: Omit<TaskView, TaskStatusField>, status: TaskStatusFields): TaskView {
  const id = base.task.id;
  return trackedGetters(base, {
    reports: [taskKey(id, 'reports'), status.reports],
    timeline: [taskKey(id, 'timeline'), status.timeline],
    current: [taskKey(id, 'current'), status.current],
    demo: [taskKey(id, 'demo'), status.demo],
  }) as TaskView;
}

/** Adds enumerable getters that report a read of their key, then give the value. */
function trackedGetters<T extends object>(target: T, fields: Record<string, [key: string, value: unknown]>): T {
  for (const [name, [key, value]] of Object.entries(fields)) {
    Object.defineProperty(target, name, {
      enumerable: true,
      get() {
        trackRead(key);
        return value;
      },
    });
  }
  return target;
}
