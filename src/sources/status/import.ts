// `npm run import` (src/cli/import.ts), without the command line: filled reporting templates (XLSX or CSV)
// and the site's own /data/reports.csv → the status files they give, content/status/<document>/<period>.yaml,
// merged with what those files already hold. A report of a task the file already has with other content is
// a conflict, written only with `force`; nothing is ever written that the build would refuse (each file's
// text is checked as the build checks it before it is written).
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { LIMITS } from '../../domain/limits';
import { SourceError, SourceErrors } from '../../domain/source-error';
import type { Document, StatusReport } from '../../domain/types';
import { readBounded } from '../bounded-read';
import { decodeText, DecodeError } from '../text-decode';
import { csvRows } from './csv';
import { checkImportTables, checkStatusYaml, type ImportTable } from './index';
import { readSource } from './rows';
import { reportContent, statusYaml } from './write';
import { readWorkbookRows } from './xlsx';

/** A table file (XLSX or CSV, in any encoding the status loader reads) as rows; `name` is how errors name it. */
export async function readImportTable(abs: string, name: string): Promise<ImportTable> {
  const bytes = readBounded(abs, name, LIMITS.statusFileBytes, 'a status table');
  const ext = extname(abs).toLowerCase();
  if (ext === '.xlsx') {
    const { rows } = await readWorkbookRows(bytes, name);
    return { file: name, rows, headerSearch: 10 };
  }
  if (ext !== '.csv')
    throw new SourceError(
      { file: name },
      `cannot import a "${ext || 'extensionless'}" file`,
      'a filled template (.xlsx or .csv), or /data/reports.csv',
    );
  try {
    const decoded = decodeText(bytes);
    const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    return { file: name, rows: csvRows(text), encoding: decoded.encoding, headerSearch: 10 };
  } catch (e) {
    if (e instanceof DecodeError)
      throw new SourceError(
        { file: name },
        `cannot read the CSV: ${e.problem}`,
        'a CSV text file in UTF-8, GB18030 or Big5 (“CSV UTF-8” or “CSV”)',
      );
    throw e;
  }
}

/** "demo", "title|url" or "title url" (the --source of the command) → a source, or undefined for none. */
export const sourceOption = (text: string | undefined): unknown => (text === undefined ? undefined : readSource({ source: text }));

/** One status file an import writes or leaves. */
export interface PlannedFile {
  document: string;
  period: string;
  /** Relative to the content folder: status/<document>/<period>.yaml. */
  path: string;
  exists: boolean;
  /** Local task ids. */
  added: string[];
  changed: string[];
  unchanged: string[];
  /** Reports the file has that the import does not touch. */
  kept: number;
  /** The file's new text (undefined when nothing changes). */
  text?: string;
}

export interface ImportPlan {
  files: PlannedFile[];
  /** Reports of a task the file has with other content: written only with `force`. */
  conflicts: { path: string; task: string; line: string }[];
  /** Problems that stop the import whatever the options. */
  errors: SourceError[];
}

const localId = (taskId: string) => taskId.slice(taskId.indexOf('/') + 1);

/**
 * What importing `reports` into the content folder `root` would do, given the reports the content has now
 * (`existing`, each with its file as published: status/<document>/<period>.yaml). Nothing is written.
 */
export function planImport(
  reports: readonly StatusReport[],
  existing: readonly StatusReport[],
  documents: Document[],
  root: string,
  options: { force?: boolean; buildDate?: string } = {},
): ImportPlan {
  const plan: ImportPlan = { files: [], conflicts: [], errors: [] };
  const groups = new Map<string, StatusReport[]>();
  for (const r of reports) {
    const key = `${r.taskId.slice(0, r.taskId.indexOf('/'))}|${r.period.id}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  for (const [key, incoming] of groups) {
    const [document, period] = key.split('|');
    const csvPath = `status/${document}/${period}.csv`;
    // A period kept in CSV is compared with, never rewritten: unchanged reports are fine, new ones are not.
    const inCsv = existsSync(join(root, csvPath));
    const path = inCsv ? csvPath : `status/${document}/${period}.yaml`;
    const abs = join(root, path);
    const before = existing.filter((r) => r.file === path);
    const byTask = new Map(before.map((r) => [r.taskId, r]));
    const file: PlannedFile = { document, period, path, exists: existsSync(abs), added: [], changed: [], unchanged: [], kept: 0 };
    const merged = new Map(before.map((r) => [r.taskId, r]));
    const seen = new Set<string>();
    for (const r of incoming) {
      if (seen.has(r.taskId)) {
        plan.errors.push(
          new SourceError(
            { file: r.file, line: r.line, field: 'task' },
            `a second report of task ${localId(r.taskId)} for ${period}`,
            'one row per task and period',
          ),
        );
        continue;
      }
      seen.add(r.taskId);
      const old = byTask.get(r.taskId);
      if (!old) file.added.push(localId(r.taskId));
      else if (reportContent(old) === reportContent(r)) {
        file.unchanged.push(localId(r.taskId));
        continue;
      } else {
        file.changed.push(localId(r.taskId));
        if (!options.force) plan.conflicts.push({ path, task: localId(r.taskId), line: `${r.file}, line ${r.line}` });
      }
      merged.set(r.taskId, r);
    }
    file.kept = before.filter((r) => !seen.has(r.taskId)).length;
    if (inCsv && (file.added.length || file.changed.length)) {
      plan.errors.push(
        new SourceError(
          { file: csvPath },
          `the reports of ${document} ${period} are kept in this CSV, and import does not rewrite a CSV (${file.added.length + file.changed.length} new or changed reports)`,
          `the new rows added to ${csvPath} by hand, or its rows moved into the table you import and the CSV deleted`,
        ),
      );
      plan.conflicts = plan.conflicts.filter((c) => c.path !== path);
      continue;
    }
    if (file.added.length || file.changed.length) {
      // In the document's task order, so that a merged file reads like one written at once.
      const doc = documents.find((d) => d.slug === document);
      const order = new Map((doc?.tasks ?? []).map((t, i) => [t.id, i]));
      const all = [...merged.values()].sort((a, b) => (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0));
      const text = statusYaml(document, period, all, [`由 npm run import 写入；可直接编辑。`]);
      try {
        checkStatusYaml(join(root, path), text, documents, { buildDate: options.buildDate });
        file.text = text;
      } catch (e) {
        if (e instanceof SourceErrors) plan.errors.push(...e.errors);
        else throw e;
      }
    }
    plan.files.push(file);
  }
  plan.files.sort((a, b) => a.path.localeCompare(b.path));
  return plan;
}

/** Reads and checks tables against the documents: their reports, or SourceErrors listing every problem of every table. */
export async function readImport(
  files: { abs: string; name: string }[],
  documents: Document[],
  options: { buildDate?: string; defaultSource?: unknown; document?: string } = {},
): Promise<StatusReport[]> {
  const tables: ImportTable[] = [];
  const errors: SourceError[] = [];
  for (const f of files) {
    try {
      tables.push(await readImportTable(f.abs, f.name));
    } catch (e) {
      if (e instanceof SourceError) errors.push(e);
      else throw e;
    }
  }
  let reports: StatusReport[] = [];
  try {
    reports = checkImportTables(tables, documents, { buildDate: options.buildDate, defaultSource: options.defaultSource });
  } catch (e) {
    if (e instanceof SourceErrors) errors.push(...e.errors);
    else throw e;
  }
  if (options.document !== undefined)
    for (const r of reports)
      if (!r.taskId.startsWith(`${options.document}/`))
        errors.push(
          new SourceError(
            { file: r.file, line: r.line, field: 'document' },
            `a report of ${r.taskId.split('/')[0]}`,
            `only reports of ${options.document} (--document)`,
          ),
        );
  if (errors.length) throw new SourceErrors(errors);
  return reports;
}

/** The text of a file as it is, for a dry run's comparison. */
export const currentText = (root: string, path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null);
