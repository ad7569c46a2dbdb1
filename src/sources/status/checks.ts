// What every status file is checked for once parsed, YAML or CSV alike: zod issues turned into errors with
// file, line and field; the document and period a file names against the documents and the file's own
// place; each report against its document's tasks and targets, and against reports seen before.
import { basename, dirname, extname } from 'node:path';
import type { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import { examplePeriodId, parsePeriod, periodKindFor, periodOverlaps, readPeriod } from '../../domain/periods';
import { SourceError } from '../../domain/source-error';
import type { Document, Period, StatusReport, Task } from '../../domain/types';
import { readBounded } from '../bounded-read';
import type { ParseCache } from '../parse-cache';
import { decodeText, DecodeError, type DecodedText } from '../text-decode';
import { tooBigProblem } from '../yaml-source';
import { entrySchema, type Entry, type Source } from './schema';

/** Where a field of the file sits: YAML node line, or the CSV row line. */
export type Locate = (path: (string | number)[]) => number | null;

export const fieldPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

export function show(v: unknown): string {
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return s === undefined ? 'nothing' : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export function zodErrors(
  file: string,
  issues: z.core.$ZodIssue[],
  raw: unknown,
  prefix: (string | number)[],
  locate: Locate,
): SourceError[] {
  const out: SourceError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(
          new SourceError(
            { file, line: locate([...path, key]), field: fieldPath([...path, key]) },
            `unknown field "${key}"`,
            issue.message,
          ),
        );
      }
      continue;
    }
    const value = valueAt(raw, issue.path);
    // A value over a limit, and a check that says its problem in its own words (Markdown nested too deep).
    const own =
      tooBigProblem(issue, value) ??
      (issue.code === 'custom' && typeof issue.params?.problem === 'string'
        ? { problem: issue.params.problem as string, expected: issue.message }
        : null);
    const problem = own?.problem ?? (value === undefined ? 'missing' : `invalid value ${show(value)}`);
    out.push(new SourceError({ file, line: locate(path), field: fieldPath(path) }, problem, own?.expected ?? issue.message));
  }
  return out;
}

export interface Header {
  document: string;
  period: string;
  source: Source;
  reportedOn?: string;
}

export interface Context {
  cache: ParseCache;
  /** The build date, YYYY-MM-DD: no report is dated after it, no period reported on starts after it. */
  buildDate: string;
  docs: Map<string, Document>;
  /** Documents whose file is there but could not be read (their errors are reported): their status files are checked for form only. */
  unreadable: ReadonlySet<string>;
  /** The path a report is published with (relative to the content folder), for the name errors use. */
  published: (file: string) => string;
  /**
   * False for tables given to `npm run import`, which lie outside content/status/: their place does not
   * name their document and period. True (or absent) for the status files themselves.
   */
  placed?: boolean;
  tasksByDoc: Map<string, Map<string, Task>>;
  /** `${taskId}@${periodId}` → where it was first reported. */
  seen: Map<string, { file: string; line: number | null }>;
  errors: SourceError[];
  reports: StatusReport[];
}

/** A status file's text, in any encoding the decoder reads (UTF-8, GB18030, Big5, UTF-16); null after an error. */
export function readStatusText(ctx: Context, abs: string, file: string, kind: 'YAML' | 'CSV'): DecodedText | null {
  try {
    return decodeText(readBounded(abs, file, LIMITS.statusFileBytes, 'a status file'));
  } catch (e) {
    if (e instanceof SourceError) ctx.errors.push(e);
    else if (e instanceof DecodeError)
      ctx.errors.push(
        new SourceError(
          { file, line: null },
          `cannot read the ${kind}: ${e.problem}`,
          kind === 'CSV'
            ? 'a CSV text file in UTF-8, GB18030 or Big5 (save from the spreadsheet as “CSV UTF-8” or “CSV”)'
            : 'a YAML text file in UTF-8',
        ),
      );
    else throw e;
    return null;
  }
}

export function listSome(items: string[], max = 8): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')}, … (${items.length} in all)`;
}

/** Checks document and period of a file against the documents and the file's own place; null when unusable. */
export function checkHeader(
  ctx: Context,
  file: string,
  header: Header,
  where: { document: number | null; period: number | null; reportedOn?: number | null },
): { doc: Document; period: Period } | null {
  const folder = basename(dirname(file));
  const stem = basename(file, extname(file));
  const err = (line: number | null, field: string, problem: string, expected: string) =>
    ctx.errors.push(new SourceError({ file, line, field }, problem, expected));

  const doc = ctx.docs.get(header.document);
  if (!doc && ctx.unreadable.has(header.document)) {
    // The document's own errors are reported; its status files wait for it.
  } else if (!doc) {
    err(
      where.document,
      'document',
      `unknown document "${header.document}"`,
      `the slug of a document in content/documents: ${listSome([...ctx.docs.keys()])}`,
    );
  } else if (ctx.placed !== false && folder !== header.document) {
    err(
      where.document,
      'document',
      `the file is in folder "${folder}" but names document "${header.document}"`,
      `the file in content/status/${header.document}/`,
    );
  }

  let period: Period | null = null;
  try {
    period = parsePeriod(readPeriod(header.period) ?? header.period);
  } catch {
    err(where.period, 'period', `not a period: "${header.period}"`, 'a year (2019), a quarter (2019-Q3) or a month (2019-07)');
  }
  if (period && ctx.placed !== false && stem !== period.id) {
    err(
      where.period,
      'period',
      `the file is named "${basename(file)}" but names period "${period.id}"`,
      `the file named ${period.id}${extname(file)} (one file per document and period)`,
    );
  }
  const notBegun = period !== null && period.start > ctx.buildDate;
  if (period && notBegun) {
    err(
      where.period,
      'period',
      `period "${period.id}" starts on ${period.start}, after the build date ${ctx.buildDate}`,
      `a period that has begun by ${ctx.buildDate} (no report can exist for a later one yet)`,
    );
  }
  if (header.reportedOn && header.reportedOn > ctx.buildDate) {
    err(
      where.reportedOn ?? null,
      'reportedOn',
      `report date ${header.reportedOn} is after the build date ${ctx.buildDate}`,
      `a date on or before ${ctx.buildDate} (a report cannot be dated in the future)`,
    );
  }
  if (!doc || !period || notBegun) return null;

  const kind = periodKindFor(doc.meta.reporting);
  if (period.kind !== kind) {
    err(
      where.period,
      'period',
      `period "${period.id}" is a ${period.kind}, but document ${doc.slug} reports ${doc.meta.reporting}`,
      `a ${kind} such as ${examplePeriodId(kind, Number(doc.meta.span.start.slice(0, 4)))}`,
    );
    return null;
  }
  if (!periodOverlaps(period, doc.meta.span)) {
    err(
      where.period,
      'period',
      `period "${period.id}" (${period.start}…${period.end}) lies outside the span of document ${doc.slug}`,
      `a period within ${doc.meta.span.start}…${doc.meta.span.end}`,
    );
    return null;
  }
  return { doc, period };
}

type EntryError = (at: (string | number)[], field: string, problem: string, expected: string) => void;

/** An entry's own report date is not after the build date; a date at the top of the file is reported once, with the file (checkHeader). */
function checkNotInFuture(ctx: Context, entry: Entry, err: EntryError): void {
  if (entry.reportedOn && entry.reportedOn > ctx.buildDate)
    err(
      ['reportedOn'],
      'reportedOn',
      `report date ${entry.reportedOn} is after the build date ${ctx.buildDate}`,
      `a date on or before ${ctx.buildDate} (a report cannot be dated in the future)`,
    );
}

/** Checks one parsed entry and adds it to the reports. */
export function checkEntry(
  ctx: Context,
  file: string,
  target: { doc: Document; period: Period },
  header: Header,
  entry: Entry,
  line: number | null,
  field: (name: string) => string,
  locate: (sub: (string | number)[]) => number | null,
): void {
  const { doc, period } = target;
  const before = ctx.errors.length;
  // The line is looked up only for an error: one a cached parse did not keep costs a full parse of the file.
  const err = (at: (string | number)[], f: string, problem: string, expected: string) =>
    ctx.errors.push(new SourceError({ file, line: locate(at) ?? line, field: field(f) }, problem, expected));

  const tasks = ctx.tasksByDoc.get(doc.slug)!;
  const task = tasks.get(entry.task);
  if (!task) {
    const ids = [...tasks.keys()];
    const guess = tasks.has(`t${entry.task}`) ? ` (did you mean t${entry.task}?)` : '';
    err(
      ['task'],
      'task',
      `unknown task "${entry.task}"${guess}`,
      ids.length
        ? `a task id of document ${doc.slug} such as ${ids[0]}…${ids[ids.length - 1]}`
        : `a task of document ${doc.slug}, which has none`,
    );
  }

  const reportedOn = entry.reportedOn ?? header.reportedOn;
  if (!reportedOn) {
    err(['reportedOn'], 'reportedOn', 'missing report date', 'a real date YYYY-MM-DD on the entry or at the top of the file');
  } else if (reportedOn < period.start) {
    err(
      ['reportedOn'],
      'reportedOn',
      `report date ${reportedOn} is before period ${period.id} starts`,
      `a date on or after ${period.start}`,
    );
  } else {
    checkNotInFuture(ctx, entry, err);
  }

  if (task) {
    const seenTargets = new Set<number>();
    entry.indicators.forEach((ind, i) => {
      const at = ['indicators', i, 'target'];
      if (ind.target >= task.targets.length) {
        const expected = task.targets.length
          ? `a target index 0…${task.targets.length - 1} of task ${task.localId} (${listSome(
              task.targets.map((t, j) => `${j}: ${t.text}`),
              4,
            )})`
          : `no indicators: task ${task.localId} states no targets`;
        err(at, `indicators[${i}].target`, `target ${ind.target} does not exist`, expected);
      } else if (seenTargets.has(ind.target)) {
        err(at, `indicators[${i}].target`, `target ${ind.target} given twice`, 'one value per target');
      }
      seenTargets.add(ind.target);
    });

    const key = `${task.id}@${period.id}`;
    const first = ctx.seen.get(key);
    if (first) {
      err(
        ['task'],
        'task',
        `task ${task.localId} is reported twice for ${period.id} (first at ${first.file}${first.line ? ` line ${first.line}` : ''})`,
        'one report per task and period',
      );
    } else {
      ctx.seen.set(key, { file, line });
    }
  }

  // A report may name a source of its own (YAML `source:` on the entry, a CSV row's), never mixing demo and official data.
  const source = entry.source ?? header.source;
  if ((source === 'demo') !== (header.source === 'demo'))
    err(
      ['source'],
      'source',
      `${source === 'demo' ? 'demonstration (demo)' : 'official'} data in a file whose source is ${header.source === 'demo' ? 'demonstration (demo)' : 'official'}`,
      'all reports of a file either demo or from an official disclosure, never mixed',
    );

  if (ctx.errors.length > before || !task || !reportedOn) return;
  ctx.reports.push({
    taskId: task.id,
    period,
    status: entry.status,
    progress: entry.progress,
    evidence: entry.evidence,
    indicators: entry.indicators.map((i) => ({
      target: i.target,
      value: i.value,
      ...(i.unit !== undefined ? { unit: i.unit } : {}),
      ...(i.note !== undefined ? { note: i.note } : {}),
    })),
    reportingUnit: entry.reportingUnit,
    reportedOn,
    source: source === 'demo' ? 'demo' : { title: source.title, ...(source.url ? { url: source.url } : {}) },
    file: ctx.published(file),
    line: line ?? 1,
  });
}

/** Where one report sits in its file: the path of its fields, its line, and how to find a field's line. */
export interface EntryPlace {
  /** The path of the entry in the file's data ([] for a CSV row). */
  prefix: (string | number)[];
  line: number | null;
  field: (name: string) => string;
  locate: (sub: (string | number)[]) => number | null;
}

/**
 * Checks one report as parsed from its file: against the schema first, then, when the file's document
 * and period are known (`target`), against the document's tasks and the reports seen so far.
 */
export function checkRawEntry(
  ctx: Context,
  file: string,
  rawEntry: unknown,
  place: EntryPlace,
  target: { doc: Document; period: Period } | null,
  header: Header | null,
): void {
  const parsed = entrySchema.safeParse(rawEntry);
  if (!parsed.success) {
    ctx.errors.push(
      ...zodErrors(file, parsed.error.issues, rawEntry, place.prefix, (path) => place.locate(path.slice(place.prefix.length))),
    );
    return;
  }
  if (target && header) checkEntry(ctx, file, target, header, parsed.data, place.line, place.field, place.locate);
  // Without its document (unreadable, or the top of the file wrong): what needs no document, so that
  // one run lists every problem and fixing the document reveals none new of this kind.
  else
    checkNotInFuture(ctx, parsed.data, (at, f, problem, expected) =>
      ctx.errors.push(new SourceError({ file, line: place.locate(at) ?? place.line, field: place.field(f) }, problem, expected)),
    );
}
