// Status reports → the text of a status file, content/status/<document>/<period>.yaml, in the form
// content/status/README.md documents: what `npm run import` writes. The file's reportedOn is the date most
// of its reports give (each other date is written on its report), its source the one most reports name
// (a report disclosed elsewhere names its own). Keys in a fixed order, so one set of reports always gives
// the same bytes.
import { stringify } from 'yaml';
import type { StatusReport } from '../../domain/types';

type Source = StatusReport['source'];

const sourceKey = (s: Source) => (s === 'demo' ? 'demo' : JSON.stringify([s.title, s.url ?? null]));

/** The value seen most often (the first of equals in order of appearance). */
function mostCommon<T>(items: readonly T[], key: (t: T) => string): T {
  const counts = new Map<string, { item: T; n: number }>();
  for (const item of items) {
    const k = key(item);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { item, n: 1 });
  }
  let best: { item: T; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best!.item;
}

const sourceValue = (s: Source) => (s === 'demo' ? 'demo' : { title: s.title, ...(s.url ? { url: s.url } : {}) });

/** Local id of a task id (doc/t12 → t12). */
const localId = (taskId: string) => taskId.slice(taskId.indexOf('/') + 1);

/**
 * The YAML of one document and period's reports, in task order as given. `comment` lines (without "# ")
 * go on top.
 */
export function statusYaml(document: string, periodId: string, reports: readonly StatusReport[], comment: string[] = []): string {
  if (reports.length === 0) throw new Error(`no reports for ${document} ${periodId}`);
  const source = mostCommon(reports, (r) => sourceKey(r.source)).source;
  const reportedOn = mostCommon(reports, (r) => r.reportedOn).reportedOn;
  const body = {
    document,
    period: periodId,
    source: sourceValue(source),
    reportedOn,
    reports: reports.map((r) => ({
      task: localId(r.taskId),
      status: r.status,
      ...(r.progress ? { progress: r.progress } : {}),
      ...(r.evidence.length ? { evidence: r.evidence.map((e) => ({ title: e.title, url: e.url })) } : {}),
      ...(r.indicators.length
        ? {
            indicators: r.indicators.map((i) => ({
              target: i.target,
              value: i.value,
              ...(i.unit ? { unit: i.unit } : {}),
              ...(i.note ? { note: i.note } : {}),
            })),
          }
        : {}),
      reportingUnit: r.reportingUnit,
      ...(r.reportedOn !== reportedOn ? { reportedOn: r.reportedOn } : {}),
      ...(sourceKey(r.source) !== sourceKey(source) ? { source: sourceValue(r.source) } : {}),
    })),
  };
  const head = comment.map((c) => `# ${c}\n`).join('');
  return head + stringify(body, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

/** What a report says, for comparing an imported report with the one a file has. */
export function reportContent(r: StatusReport): string {
  return JSON.stringify([
    r.taskId,
    r.period.id,
    r.status,
    r.progress,
    r.evidence.map((e) => [e.title, e.url]),
    r.indicators.map((i) => [i.target, i.value, i.unit ?? null, i.note ?? null]),
    r.reportingUnit,
    r.reportedOn,
    sourceKey(r.source),
  ]);
}
