// The portal: documents, tasks, departments and regions cross-linked, with status over time.
// Built once per build by src/model/portal.ts; pages and outputs only read it.
import type { Document, Period, Role, Status, StatusReport, Task, UnitRef } from './types';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface Region {
  /** Official 6-digit administrative-division code (行政区划代码). */
  code: string;
  name: string;
  /** Short forms used in documents: 阿里, 海东… */
  shortNames: string[];
  level: RegionLevel;
  parentCode: string | null;
}

export interface Department {
  /** URL-safe, stable: `${regionCode}-${slug}`. */
  id: string;
  /** Official full name. */
  name: string;
  regionCode: string;
  /** Names documents use for it (local prefix form, abbreviations, typos). */
  aliases: string[];
  /** Institutional reform (机构改革): the department that took over its duties. */
  successorId: string | null;
  /** When the successor took over: YYYY-MM-DD or YYYY. */
  succeededOn: string | null;
  /** A collective such as 各县区人民政府, not one office. */
  collective: boolean;
}

/** A unit of a task resolved through the registry. */
export interface ResolvedUnit extends UnitRef {
  departmentId: string | null;
  /** False when the registry does not know the name: kept, shown, and listed by `npm run validate`. */
  verified: boolean;
}

export interface StatusAt {
  period: Period;
  /** The reported status, or 未报告 when nothing was reported for the period. */
  status: Status;
  /** Deadline passed as of the report date (or period end) and not completed. */
  overdue: boolean;
  report: StatusReport | null;
}

export interface TaskView {
  task: Task;
  document: Document;
  units: ResolvedUnit[];
  /** The lead units, or where the text names none, the first responsible unit. */
  primaryUnits: ResolvedUnit[];
  reports: StatusReport[];
  /** One entry per period of the task's document, oldest first. */
  timeline: StatusAt[];
  /** Status in the document's latest period. */
  current: StatusAt | null;
  demo: boolean;
  url: string;
}

export interface DepartmentView {
  department: Department;
  region: Region;
  url: string;
  /** Tasks it leads (or, where no lead is named, is first responsible for). */
  primary: TaskView[];
  /** Tasks it helps with: other named roles (responsible after the first, partner, supervisor). */
  helping: TaskView[];
  /** Tasks whose text names it without a role. */
  mentioned: TaskView[];
  /** Tasks of the departments it succeeded (机构改革): their duties are now its own. */
  inherited: TaskView[];
  predecessors: Department[];
  successor: Department | null;
  /** Unit names as written that resolved to this department. */
  writtenAs: string[];
}

export interface RegionView {
  region: Region;
  url: string;
  parent: Region | null;
  children: Region[];
  documents: Document[];
  departments: Department[];
  /** Tasks of this region's documents and of all its descendants'. */
  tasks: TaskView[];
}

export interface UnverifiedUnit {
  name: string;
  role: Role;
  taskId: string;
  documentSlug: string;
  line: number;
}

export interface Portal {
  documents: Document[];
  tasks: TaskView[];
  taskById: Map<string, TaskView>;
  departments: DepartmentView[];
  departmentById: Map<string, DepartmentView>;
  regions: RegionView[];
  regionByCode: Map<string, RegionView>;
  periodsByDocument: Map<string, Period[]>;
  unverified: UnverifiedUnit[];
  /** Unverified unit names as written → where they occur (one page per name). */
  unverifiedByName: Map<string, UnverifiedUnit[]>;
  /** True when any status data shown is demonstration data. */
  hasDemo: boolean;
  generatedOn: string;
}

export type StatusCounts = Record<Status, number>;
