// Writes demonstration status data (示例数据（非官方）) to content/status/, so that every view has something
// to show before any official report exists. Run: npx tsx scripts/make-demo-status.ts
//
// Honesty rules: every file says `source: demo`; every progress text begins with 【示例数据（非官方）】;
// evidence links only to the portal's own methodology page, never to an invented official-looking URL.
// A document that already has official status files gets no demo data at all.
//
// Deterministic: a seeded PRNG per document, no clock. Re-running gives byte-identical files.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { stringify } from 'yaml';
import { ingestAll } from '../src/sources/documents/index';
import { countStatuses, finalDeadline, statusTimeline } from '../src/domain/derive-status';
import {
  examplePeriodId,
  parsePeriod,
  periodContaining,
  periodKindFor,
  periodOverlaps,
  nextPeriod,
  timelinePeriods,
} from '../src/domain/periods';
import { loadStatusReports } from '../src/sources/status/index';
import { decodeText } from '../src/sources/text-decode';
import { methodologyUrl } from '../src/domain/urls';
import type { StatusAt } from '../src/domain/types';
import type { Document, Period, ReportedStatus, Task } from '../src/domain/types';

export const DEMO_LABEL = '示例数据（非官方）';
const OUT = 'content/status';

/**
 * Which periods to fabricate for the demonstration documents (configuration, not parsing: the choice
 * spreads the demo across cadences and leaves xizang's 2019-Q1 entirely unreported to show a gap).
 * Any other document gets the first two finished periods of its cadence (see defaultPeriods).
 */
const DEMO_PERIODS: Record<string, string[]> = {
  'ali-2018-meili-xizang': ['2019', '2020'],
  'haidong-2019-yaodian': ['2019-Q3', '2019-Q4'],
  'xizang-2018-ducha-zhenggai': ['2018-Q3', '2018-Q4', '2019-Q2'],
  'huangyuan-2021-gaodi': ['2022', '2023'],
  'xinjiang-2024-fenqu-guankong': ['2024', '2025'],
};
/** Periods written as CSV (UTF-8 with BOM) to exercise the spreadsheet path. */
const CSV_PERIODS = new Set(['xizang-2018-ducha-zhenggai/2019-Q2']);
/** Fixed "today" for the fallback choice of periods: no clock, so output does not drift. */
const DEMO_AS_OF = '2026-06-30';

// ---------- deterministic randomness ----------

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of weighted) if ((r -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

// ---------- choosing periods ----------

function defaultPeriods(doc: Document): Period[] {
  const kind = periodKindFor(doc.meta.reporting);
  const from = [doc.meta.span.start, doc.publishedOn ?? ''].sort().at(-1)!;
  const out: Period[] = [];
  for (let p = periodContaining(from, kind); out.length < 2 && p.end < DEMO_AS_OF && periodOverlaps(p, doc.meta.span); p = nextPeriod(p))
    out.push(p);
  return out;
}

// ---------- statuses and texts ----------

const escapeMd = (s: string) => s.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);

const short = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n)}…` : s);

const REASONS = ['资金到位较晚', '施工期较短', '前期审批手续尚在办理', '涉及多个部门，协调推进中', '项目选址尚在论证'];

function progressText(status: ReportedStatus, task: Task, unit: string, rand: () => number): string {
  const what = `“${escapeMd(short(task.title))}”`;
  const body: Record<ReportedStatus, string> = {
    尚未启动: `${what}相关工作尚未启动，正在研究制定实施方案。`,
    未达到序时进度: `${what}已启动实施，因${pick(
      rand,
      REASONS.map((r) => [r, 1] as [string, number]),
    )}，进度滞后于序时安排。`,
    达到序时进度: `${what}按计划推进，进度符合序时要求。`,
    超过序时进度: `${what}推进较快，进度超过序时要求。`,
    已完成: `${what}已按要求完成（自报），待核验销号。`,
    已销号: `${what}经核验确认完成，已销号。`,
    长期坚持: `${what}作为长期任务常态化推进。`,
  };
  return `【${DEMO_LABEL}】${escapeMd(unit)}报告：${body[status]}`;
}

/** The next status of a task, given its last reported one and whether its deadline has passed. */
function nextStatus(rand: () => number, last: ReportedStatus | null, deadline: string | null, reportedOn: string): ReportedStatus {
  if (last === '已销号') return '已销号';
  if (last === '已完成')
    return pick(rand, [
      ['已销号', 55],
      ['已完成', 45],
    ]);
  if (deadline === null)
    return pick(rand, [
      ['长期坚持', 70],
      ['达到序时进度', 20],
      ['超过序时进度', 10],
    ]);
  const started = last !== null && last !== '尚未启动';
  if (deadline < reportedOn) {
    return pick(rand, [
      ['已完成', 55],
      ['已销号', 10],
      ['未达到序时进度', 25],
      ['达到序时进度', 5],
      ['尚未启动', started ? 0 : 5],
    ]);
  }
  return pick(rand, [
    ['尚未启动', started ? 0 : 8],
    ['未达到序时进度', 22],
    ['达到序时进度', 42],
    ['超过序时进度', 15],
    ['已完成', 13],
  ]);
}

interface DemoEntry {
  task: string;
  status: ReportedStatus;
  progress: string;
  evidence?: { title: string; url: string }[];
  indicators?: { target: number; value: number; unit?: string }[];
  reportingUnit: string;
  reportedOn?: string;
}

function reportingUnitOf(task: Task, doc: Document): string {
  const lead = task.units.find((u) => u.role === 'lead') ?? task.units.find((u) => u.role === 'responsible') ?? task.units[0];
  return lead?.name ?? doc.issuer ?? '（文件未写明责任单位）';
}

function indicatorsFor(task: Task, status: ReportedStatus, rand: () => number): DemoEntry['indicators'] {
  const out: NonNullable<DemoEntry['indicators']> = [];
  task.targets.forEach((t, i) => {
    if (t.value === null || rand() < 0.4) return;
    const share = status === '已完成' || status === '已销号' ? 1 : status === '尚未启动' ? 0 : 0.4 + rand() * 0.55;
    const raw = t.value * share;
    const integer = Number.isInteger(t.value);
    const value = integer ? Math.round(raw) : Math.round(raw * 100) / 100;
    out.push({ target: i, value, ...(t.unit ? { unit: t.unit } : {}) });
  });
  return out.length ? out : undefined;
}

interface DemoFile {
  doc: Document;
  period: Period;
  reportedOn: string;
  entries: DemoEntry[];
}

function makeDemo(doc: Document, periods: Period[]): DemoFile[] {
  const rand = mulberry32(fnv1a(doc.slug));
  const files: DemoFile[] = periods.map((period) => ({
    doc,
    period,
    reportedOn: addDays(period.end, 8 + Math.floor(rand() * 12)),
    entries: [],
  }));
  for (const task of doc.tasks) {
    const deadline = finalDeadline(task, doc.meta.span.end);
    let last: ReportedStatus | null = null;
    for (const file of files) {
      if (rand() < 0.12) continue; // no report this period → 未报告
      const late = rand() < 0.1 ? addDays(file.reportedOn, 1 + Math.floor(rand() * 10)) : undefined;
      const reportedOn = late ?? file.reportedOn;
      const status = nextStatus(rand, last, deadline, reportedOn);
      last = status;
      const unit = reportingUnitOf(task, doc);
      const evidence =
        (status === '已完成' || status === '已销号') && rand() < 0.4
          ? [{ title: `【${DEMO_LABEL}】佐证资料说明`, url: methodologyUrl() }]
          : undefined;
      file.entries.push({
        task: task.localId,
        status,
        progress: progressText(status, task, unit, rand),
        ...(evidence ? { evidence } : {}),
        ...(() => {
          const ind = indicatorsFor(task, status, rand);
          return ind ? { indicators: ind } : {};
        })(),
        reportingUnit: unit,
        ...(late ? { reportedOn: late } : {}),
      });
    }
  }
  return files;
}

// ---------- writing ----------

function toYaml(f: DemoFile): string {
  const body = stringify(
    { document: f.doc.slug, period: f.period.id, source: 'demo', reportedOn: f.reportedOn, reports: f.entries },
    { lineWidth: 0 },
  );
  return `# ${DEMO_LABEL}：由 scripts/make-demo-status.ts 生成的演示数据，不是任何单位的正式报告。\n# Demonstration data, not an official report. Regenerate with: npx tsx scripts/make-demo-status.ts\n${body}`;
}

function toCsv(f: DemoFile): string {
  const rows = f.entries.map((e) => ({
    document: f.doc.slug,
    period: f.period.id,
    task: e.task,
    status: e.status,
    progress: e.progress,
    evidence: (e.evidence ?? []).map((x) => `${x.title}|${x.url}`).join(';'),
    indicators: (e.indicators ?? []).map((x) => `${x.target}=${x.value}${x.unit ?? ''}`).join(';'),
    reportingUnit: e.reportingUnit,
    reportedOn: e.reportedOn ?? f.reportedOn,
    source: 'demo',
  }));
  const columns = ['document', 'period', 'task', 'status', 'progress', 'evidence', 'indicators', 'reportingUnit', 'reportedOn', 'source'];
  // BOM + CRLF: what Excel writes for "CSV UTF-8", and what makes Excel read it back as UTF-8.
  return (
    '\uFEFF' +
    Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c as keyof typeof r])) }, { newline: '\r\n' }) +
    '\r\n'
  );
}

/** True when a status file holds only demo data (so it may be replaced). */
function isDemoFile(path: string): boolean {
  if (/\.ya?ml$/.test(path)) return /^source:\s*demo\s*$/m.test(readFileSync(path, 'utf8'));
  if (path.endsWith('.csv')) {
    const text = decodeText(readFileSync(path)).text;
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    return rows.length > 0 && rows.every((r) => (r.source ?? r['来源'] ?? '').trim() === 'demo');
  }
  return false;
}

async function main() {
  const documents = await ingestAll();
  const summary: string[] = [];
  for (const doc of documents) {
    const dir = join(OUT, doc.slug);
    const existing = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /\.(ya?ml|csv)$/.test(f))
          .map((f) => join(dir, f))
      : [];
    if (existing.some((f) => !isDemoFile(f))) {
      summary.push(`${doc.slug}: has official status files, no demo data written`);
      continue;
    }
    for (const f of existing) rmSync(f);
    const periods = (DEMO_PERIODS[doc.slug] ?? []).map(parsePeriod);
    const chosen = periods.length ? periods : defaultPeriods(doc);
    if (chosen.length === 0) {
      summary.push(`${doc.slug}: no finished ${examplePeriodId(periodKindFor(doc.meta.reporting))}-like period in its span, skipped`);
      continue;
    }
    mkdirSync(dir, { recursive: true });
    for (const f of makeDemo(doc, chosen)) {
      const csv = CSV_PERIODS.has(`${doc.slug}/${f.period.id}`);
      writeFileSync(join(dir, `${f.period.id}.${csv ? 'csv' : 'yaml'}`), csv ? toCsv(f) : toYaml(f));
    }
  }

  // Read back through the real loader: the demo must pass the same validation as official data.
  const reports = loadStatusReports(OUT, documents);
  for (const doc of documents) {
    const own = reports.filter((r) => r.taskId.startsWith(`${doc.slug}/`));
    const periods = timelinePeriods(own.map((r) => r.period));
    const all: StatusAt[] = doc.tasks.flatMap((t) => statusTimeline(t, own, periods, { planEnd: doc.meta.span.end }));
    const c = countStatuses(all);
    const counts = Object.entries(c)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ');
    summary.push(`${doc.slug}: ${own.length} reports over ${periods.map((p) => p.id).join(' ')} — ${counts}`);
  }
  console.log(summary.join('\n'));
}

await main();
