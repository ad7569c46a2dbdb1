// `npm run import -- FILE... [--document SLUG] [--source "标题|网址" | --source demo] [--dry-run] [--force]`:
// filled reporting templates (.xlsx or .csv, /documents/<slug>/template.*) and the site's own
// /data/reports.csv → content/status/<document>/<period>.yaml, merged with what those files hold. Checked
// as the build checks them, every error at once (file, row, column); a report that would replace a
// different one is refused without --force; --dry-run writes nothing. Prints what changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { settings, SettingError } from '../config';
import { readArgs } from './args';
import { SourceError, SourceErrors } from '../domain/source-error';
import { loadSources } from '../sources/index';
import { planImport, readImport, sourceOption } from '../sources/status/import';

interface Options {
  files: string[];
  document?: string;
  source?: string;
  dryRun: boolean;
  force: boolean;
}

const USAGE = 'usage: npm run import -- FILE... [--document SLUG] [--source "标题|网址" | --source demo] [--dry-run] [--force]';

function parseOptions(argv: string[]): Options {
  const { values, positionals } = readArgs(
    argv,
    { document: { type: 'string' }, source: { type: 'string' }, 'dry-run': { type: 'boolean' }, force: { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length === 0) throw new Error(USAGE);
  return {
    files: positionals,
    document: values.document,
    source: values.source,
    dryRun: values['dry-run'] ?? false,
    force: values.force ?? false,
  };
}

function printErrors(errors: readonly SourceError[]): void {
  for (const e of errors) process.stderr.write(`error: ${e.message}\n`);
  process.stderr.write(`${errors.length} error(s); nothing written\n`);
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const { contentDir, buildDate } = settings();
  // With --document, that plan alone (its file, sidecar and status folder): errors elsewhere do not block it.
  const sources = await loadSources(contentDir, undefined, buildDate, { document: options.document });
  const files = options.files.map((f) => ({ abs: resolve(f), name: relative(process.cwd(), resolve(f)) || basename(f) }));
  const reports = await readImport(files, sources.documents, {
    buildDate,
    defaultSource: sourceOption(options.source),
    document: options.document,
  });
  const plan = planImport(reports, sources.reports, sources.documents, contentDir, { force: options.force, buildDate });
  if (plan.errors.length) {
    printErrors(plan.errors);
    return 1;
  }
  let writes = 0;
  for (const f of plan.files) {
    const what = [
      f.added.length ? `${f.added.length} added (${f.added.join(' ')})` : '',
      f.changed.length ? `${f.changed.length} changed (${f.changed.join(' ')})` : '',
      f.unchanged.length ? `${f.unchanged.length} unchanged` : '',
      f.kept ? `${f.kept} kept` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const verb = f.text === undefined ? 'unchanged' : f.exists ? 'update' : 'create';
    process.stdout.write(`${verb} content/${f.path}: ${what}\n`);
    if (f.text !== undefined) writes++;
  }
  if (plan.conflicts.length) {
    for (const c of plan.conflicts)
      process.stderr.write(`conflict: content/${c.path}, task ${c.task} already has a different report (${c.line}); --force replaces it\n`);
    process.stderr.write(`${plan.conflicts.length} conflict(s); nothing written\n`);
    return 1;
  }
  if (options.dryRun) {
    process.stdout.write(`dry run: ${writes} file(s) would be written\n`);
    return 0;
  }
  for (const f of plan.files) {
    if (f.text === undefined) continue;
    const abs = join(contentDir, f.path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, f.text);
  }
  process.stdout.write(`${writes} file(s) written, ${reports.length} report(s) read; check with: npm run validate -- --document SLUG\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    if (e instanceof SourceErrors) printErrors(e.errors);
    else if (e instanceof SourceError || e instanceof SettingError) process.stderr.write(`error: ${e.message}\n`);
    else throw e;
    process.exitCode = 1;
  },
);
