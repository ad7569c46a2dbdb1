// The portal: documents, tasks, departments and regions cross-linked, with status over time.
// Built once per build by src/portal/portal.ts; pages and outputs only read it.
import type { Department, Document, Period, Region, ResolvedUnit, StatusAt, StatusReport, Task, UnverifiedUnit } from '../domain/types';

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

export interface Portal {
  documents: Document[];
  tasks: TaskView[];
  taskById: Map<string, TaskView>;
  departments: DepartmentView[];
  departmentById: Map<string, DepartmentView>;
  regions: RegionView[];
  regionByCode: Map<string, RegionView>;
  /** Each document's timeline: from its first reported period to the build date's (src/domain/periods.ts timelineEnd). */
  periodsByDocument: Map<string, Period[]>;
  /** The periods of each document with at least one report: the periods its PDF reports cover. */
  reportedPeriodsByDocument: Map<string, Period[]>;
  unverified: UnverifiedUnit[];
  /** Unverified unit names as written → where they occur (one page per name). */
  unverifiedByName: Map<string, UnverifiedUnit[]>;
  /** True when any status data shown is demonstration data. */
  hasDemo: boolean;
  generatedOn: string;
  /** The period a document's reports are due for on the build date (its 报送模板); null before the plan begins. */
  reportingPeriodOf(slug: string): Period | null;
}
