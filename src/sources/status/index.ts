// Loads 进展情况 (status reports) from content/status/<documentSlug>/<periodId>.yaml|.csv and validates them
// against the documents. Every problem becomes a SourceError naming file, line, field and what was expected;
// all of them are collected before the build fails, so an official fixes a spreadsheet in one round.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { settings } from '../../config';
import { isSlug, SLUG_RULE, suggestSlug } from '../../domain/slugs';
import { SourceError, SourceErrors } from '../../domain/source-error';
import type { Document, StatusReport } from '../../domain/types';
import { NO_PARSE_CACHE, type ParseCache } from '../parse-cache';
import type { Context } from './checks';
export type { TableRow } from './csv';
import { checkTable, loadCsv, type TableRow } from './csv';
import { loadYaml } from './yaml';

export { CSV_COLUMNS } from './csv';

function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...walk(abs));
    else out.push(abs);
  }
  return out;
}

export interface StatusOptions {
  /** The build date, YYYY-MM-DD: settings().buildDate unless given. */
  buildDate?: string;
  /** Documents whose file is there but could not be read: their status files are checked for form only. */
  unreadable?: ReadonlySet<string>;
  /** Only the status folder of this document (`npm run validate -- --document SLUG`). */
  only?: string;
}

/** A checking context for status data against `documents`. */
function statusContext(documents: Document[], cache: ParseCache, options: StatusOptions, published: (file: string) => string): Context {
  return {
    cache,
    buildDate: options.buildDate ?? settings().buildDate,
    docs: new Map(documents.map((d) => [d.slug, d])),
    unreadable: options.unreadable ?? new Set(),
    published,
    tasksByDoc: new Map(documents.map((d) => [d.slug, new Map(d.tasks.map((t) => [t.localId, t]))])),
    seen: new Map(),
    errors: [],
    reports: [],
  };
}

/** A table given to `npm run import`: a filled reporting template (XLSX or CSV) or /data/reports.csv, as rows. */
export interface ImportTable {
  file: string;
  rows: TableRow[];
  /** The encoding a CSV was read in, when guessed from its bytes. */
  encoding?: string;
  /** Rows above the header it may have (a title row of a spreadsheet). */
  headerSearch?: number;
}

/**
 * Checks tables of reports the way the build checks a status CSV, except that a table may hold any documents and
 * periods: the reports (each with `file` and `line` of its row), or SourceErrors listing every problem of every table.
 */
export function checkImportTables(
  tables: ImportTable[],
  documents: Document[],
  options: StatusOptions & { defaultSource?: unknown } = {},
): StatusReport[] {
  const ctx: Context = { ...statusContext(documents, NO_PARSE_CACHE, options, (file) => file), placed: false };
  for (const t of tables)
    checkTable(ctx, t.file, t.rows, {
      placed: false,
      encoding: t.encoding,
      headerSearch: t.headerSearch ?? 10,
      defaultSource: options.defaultSource,
    });
  if (ctx.errors.length) throw new SourceErrors(ctx.errors);
  return ctx.reports;
}

/**
 * Checks the text of one status YAML file as if it were at `file` (content/status/<document>/<period>.yaml):
 * its reports, or SourceErrors. What `npm run import` writes is checked so before it is written.
 */
export function checkStatusYaml(file: string, text: string, documents: Document[], options: StatusOptions = {}): StatusReport[] {
  const ctx = statusContext(documents, NO_PARSE_CACHE, options, (f) => f);
  loadYaml(ctx, file, file, text);
  if (ctx.errors.length) throw new SourceErrors(ctx.errors);
  return ctx.reports;
}

/**
 * Reads every status file under `dir` and validates it against `documents`.
 * Returns the reports in file order; throws SourceErrors listing every problem found.
 * A missing folder means no status data yet, not an error. A report's `file` is its path in the content
 * folder (status/<document>/<period>.yaml), never the build machine's; errors name the files as found.
 */
export function loadStatusReports(
  dir: string,
  documents: Document[],
  cache: ParseCache = NO_PARSE_CACHE,
  options: StatusOptions = {},
): StatusReport[] {
  const root = resolve(dir);
  if (!existsSync(root)) return [];
  const published = new Map<string, string>();
  const ctx = statusContext(documents, cache, options, (file) => published.get(file) ?? file);
  const periodFiles = new Map<string, string>();
  const badFolders = new Set<string>();
  const takenSlugs = new Set(documents.map((d) => d.slug));
  const files = options.only === undefined ? walk(root) : existsSync(join(root, options.only)) ? walk(join(root, options.only)) : [];
  for (const abs of files) {
    const file = displayPath(abs);
    published.set(file, ['status', ...relative(root, abs).split(sep)].join('/'));
    // The folder is the document's slug: a name that cannot be one is reported once, with the name to give it.
    const folder = basename(dirname(abs));
    if (dirname(abs) !== root && !isSlug(folder) && extname(abs).toLowerCase() !== '.md') {
      if (!badFolders.has(dirname(abs)))
        ctx.errors.push(
          new SourceError(
            { file: displayPath(dirname(abs)) },
            `"${folder}" cannot be a status folder's name`,
            `the slug of its document (${SLUG_RULE}), such as ${suggestSlug(folder, takenSlugs)}`,
          ),
        );
      badFolders.add(dirname(abs));
      continue;
    }
    const ext = extname(abs).toLowerCase();
    const stemKey = join(dirname(abs), basename(abs, extname(abs)));
    if (['.yaml', '.yml', '.csv'].includes(ext)) {
      const other = periodFiles.get(stemKey);
      if (other) {
        ctx.errors.push(
          new SourceError({ file }, `a second file for the same document and period as ${other}`, 'one file per document and period'),
        );
        continue;
      }
      periodFiles.set(stemKey, file);
    }
    if (ext === '.yaml' || ext === '.yml') loadYaml(ctx, abs, file);
    else if (ext === '.csv') loadCsv(ctx, abs, file);
    else if (ext === '.md')
      continue; // notes for maintainers
    else
      ctx.errors.push(
        new SourceError({ file }, `unexpected file type "${ext || basename(abs)}"`, 'status files <document>/<period>.yaml or .csv'),
      );
  }
  if (ctx.errors.length) throw new SourceErrors(ctx.errors);
  return ctx.reports;
}
