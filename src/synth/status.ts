// Demonstration status reports for synthetic documents: one file per document and reporting period,
// in the format src/sources/status/ reads, always `source: demo`. Gaps (未报告) are deliberate.
import { STATUS } from '../domain/status-catalogue';
import { nextPeriod, periodContaining, periodKindFor } from '../domain/periods';
import type { Period, ReportedStatus } from '../domain/types';
import type { SynthDocument } from './documents';
import type { Rng } from './rng';

/** Reports stop here: a fixed date, so the corpus never depends on the day it is generated. */
export const AS_OF = '2024-12-31';

/**
 * No report is dated later: the benchmark builds with this build date (bench/run.ts), and a report dated
 * after the build date is refused. Reports of the last period would otherwise be dated up to 25 days after it.
 */
export const LAST_REPORTED_ON = '2025-01-15';

export interface SynthReport {
  task: string;
  status: ReportedStatus;
  progress: string;
  indicators: Array<{ target: number; value: number; unit: string }>;
  evidence: Array<{ title: string; url: string }>;
  reportingUnit: string;
}

export interface SynthStatusFile {
  document: string;
  period: string;
  reportedOn: string;
  reports: SynthReport[];
}

const ACTIONS = [
  '制定了工作方案,明确了责任分工和时间节点',
  '召开专题会议研究部署,建立了工作台账',
  '完成了现场排查,形成了问题清单',
  '推进项目前期工作,落实了建设资金',
  '开展了专项督查,督促有关单位按期完成',
  '完成了年度建设任务的主体工程',
  '组织了宣传培训,覆盖各乡镇和重点企业',
];

const PROBLEMS = ['资金缺口较大', '项目审批周期较长', '冬季施工期短', '基层人员力量不足'];

/** The next status of a task given the last one: mostly forward, sometimes stuck, never from closed back to open. */
function step(rng: Rng, last: ReportedStatus | null, standing: boolean): ReportedStatus {
  if (standing) return rng.chance(0.85) ? STATUS.standing : STATUS.onTrack;
  switch (last) {
    case null:
      return rng.pick([STATUS.notStarted, STATUS.behind, STATUS.onTrack, STATUS.onTrack]);
    case STATUS.notStarted:
      return rng.pick([STATUS.notStarted, STATUS.behind, STATUS.onTrack]);
    case STATUS.behind:
      return rng.pick([STATUS.behind, STATUS.onTrack, STATUS.onTrack]);
    case STATUS.onTrack:
      return rng.pick([STATUS.onTrack, STATUS.ahead, STATUS.done]);
    case STATUS.ahead:
      return rng.pick([STATUS.ahead, STATUS.done]);
    case STATUS.done:
      return rng.pick([STATUS.done, STATUS.closed]);
    default:
      return last;
  }
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function progressText(rng: Rng, unit: string, status: ReportedStatus, period: Period): string {
  if (status === STATUS.notStarted) return `${unit}${period.label}尚未启动,正在开展前期调研。`;
  const parts = [`${period.label},${unit}${rng.pick(ACTIONS)}。`];
  if (status === STATUS.behind) parts.push(`存在的问题:${rng.pick(PROBLEMS)}。下一步将加快推进。`);
  if (status === STATUS.done || status === STATUS.closed) parts.push('任务已按期完成,**佐证资料**已报送。');
  if (rng.chance(0.2)) parts.push(`\n\n- 完成投资${rng.int(50, 5000)}万元\n- 覆盖${rng.int(2, 40)}个乡镇`);
  return parts.join('');
}

/** Reporting periods of a document from its span start up to AS_OF. */
export function documentPeriods(doc: SynthDocument): Period[] {
  const kind = periodKindFor(doc.meta.reporting);
  const last = doc.meta.span.end < AS_OF ? doc.meta.span.end : AS_OF;
  if (doc.meta.span.start > last) return [];
  const out: Period[] = [];
  for (let p = periodContaining(doc.meta.span.start, kind); p.start <= last; p = nextPeriod(p)) out.push(p);
  return out;
}

/**
 * Status files of one document. Each task reports in ~80% of periods once it has started reporting;
 * some tasks never report, so 未报告 shows up as it does in real data.
 */
export function synthesizeStatus(rng: Rng, doc: SynthDocument): SynthStatusFile[] {
  const periods = documentPeriods(doc);
  const state = new Map<string, ReportedStatus | null>();
  const silent = new Set(doc.expected.tasks.filter(() => rng.chance(0.1)).map((t) => t.localId));
  const standing = new Set(doc.expected.tasks.filter(() => rng.chance(0.15)).map((t) => t.localId));
  const files: SynthStatusFile[] = [];
  for (const period of periods) {
    const dated = addDays(period.end, rng.int(3, 25));
    const reportedOn = dated < LAST_REPORTED_ON ? dated : LAST_REPORTED_ON;
    const reports: SynthReport[] = [];
    for (const task of doc.expected.tasks) {
      if (silent.has(task.localId) || !rng.chance(0.8)) continue;
      const last = state.get(task.localId) ?? null;
      const status = step(rng, last, standing.has(task.localId));
      state.set(task.localId, status);
      const unit = task.units.find((u) => u.role === 'lead' || u.role === 'responsible')?.name ?? task.units[0]?.name ?? '牵头单位';
      const indicators = task.targets.slice(0, 1).map((t, i) => {
        const share = status === STATUS.done || status === STATUS.closed ? 1 : 0.5 + rng.next() * 0.45;
        return { target: i, value: Number((t.value * share).toFixed(2)), unit: t.unit };
      });
      const evidence = rng.chance(0.1) ? [{ title: `${period.label}工作台账（示例）`, url: `/tasks/${doc.slug}/${task.localId}/` }] : [];
      reports.push({
        task: task.localId,
        status,
        progress: progressText(rng, unit, status, period),
        indicators,
        evidence,
        reportingUnit: unit,
      });
    }
    if (reports.length) files.push({ document: doc.slug, period: period.id, reportedOn, reports });
  }
  return files;
}
