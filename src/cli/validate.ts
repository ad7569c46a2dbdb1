// `npm run validate`: check all content (documents, registry, status data) the way the build does; list
// every unit name the registry does not know, and per document the tasks whose units, lead or deadlines
// could not be read from the text (to correct in <slug>.fixes.yaml or to check against the original).
// Exit 1 on errors, each printed on a line of its own (file, line, field, what was expected), never a stack
// trace; with --strict, unverified units fail too; --errors-only prints errors alone (the build's check);
// --document SLUG checks one plan (its file, sidecar, corrections and status folder, with the whole registry).
// Registry stubs still marked `todo:` (written by `npm run new`) are listed with their candidates.
import { SettingError } from '../config';
import { SourceError, SourceErrors } from '../domain/source-error';
import { buildPortal } from '../portal/portal';
import type { Portal } from '../portal/types';
import { loadSources } from '../sources/index';
import { buildParseCache } from '../sources/parse-cache';
import type { PendingDepartment } from '../sources/registry/registry';

function report(portal: Portal, out: NodeJS.WritableStream): void {
  const measures = portal.tasks.reduce((n, t) => n + t.task.measures.length, 0);
  const reports = portal.tasks.reduce((n, t) => n + t.reports.length, 0);
  out.write(`documents: ${portal.documents.length}, tasks: ${portal.tasks.length}, measures: ${measures}, status reports: ${reports}\n`);
  for (const d of portal.documents) {
    const units = new Set(d.tasks.flatMap((t) => t.units.map((u) => u.name)));
    out.write(`  ${d.slug}: ${d.tasks.length} tasks, ${units.size} distinct units\n`);
    const cite = (t: (typeof d.tasks)[number]) => `task ${t.marker || t.number} (${d.sourceFile}:${t.lineStart})`;
    for (const t of d.tasks) {
      for (const g of t.gaps)
        if (g.field !== 'deadlines') out.write(`    no ${g.field === 'units' ? 'units' : 'lead'} read: ${cite(t)} — ${g.reason}\n`);
      for (const c of t.corrections) out.write(`    corrected ${c.field}: ${cite(t)} — ${c.reason}\n`);
    }
    // Many plans give no deadline for most tasks: one line, not one per task.
    const undated = d.tasks.filter((t) => t.gaps.some((g) => g.field === 'deadlines'));
    if (undated.length) {
      const numbers = undated.map((t) => t.marker || t.number);
      out.write(
        `    no deadline read: ${undated.length} of ${d.tasks.length} tasks (${numbers.slice(0, 12).join(' ')}${numbers.length > 12 ? ' …' : ''})\n`,
      );
    }
  }
  if (portal.unverifiedByName.size === 0) {
    out.write('unverified units: none\n');
    return;
  }
  out.write(
    `unverified units (${portal.unverifiedByName.size} names, ${portal.unverified.length} uses): kept as written and shown as 未核实; add them to content/registry/ to resolve\n`,
  );
  for (const [name, uses] of portal.unverifiedByName) {
    const where = uses.map((u) => `${u.documentSlug}:${u.line} (${u.role})`);
    out.write(`  ${name}: ${where.slice(0, 5).join(', ')}${where.length > 5 ? ` … ${where.length - 5} more` : ''}\n`);
  }
}

function pendingReport(pending: readonly PendingDepartment[], out: NodeJS.WritableStream): void {
  if (pending.length === 0) return;
  out.write(`registry stubs to check (${pending.length}): confirm each, then remove its todo line\n`);
  for (const p of pending) out.write(`  ${p.file}${p.line ? `:${p.line}` : ''} ${p.id} ${p.name}: ${p.todo}\n`);
}

async function main(argv: string[]): Promise<number> {
  const strict = argv.includes('--strict');
  const at = argv.indexOf('--document');
  const document = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && (document === undefined || document.startsWith('--'))) {
    process.stderr.write('error: --document needs the slug of a document\n');
    return 1;
  }
  // The build's own check (src/cli/build.ts): errors only, before anything is written.
  const errorsOnly = argv.includes('--errors-only');
  let portal: Portal;
  let sources: Awaited<ReturnType<typeof loadSources>>;
  try {
    // The build's parse cache: only successful parses are kept and every check still runs, so errors are
    // reported as before; the build's own check then leaves the pages' ingest nothing to parse. Not pruned
    // here: a check of one document must not drop the others' entries.
    sources = await loadSources(undefined, buildParseCache(), undefined, { document });
    portal = buildPortal(sources);
  } catch (e) {
    if (e instanceof SourceErrors) {
      for (const err of e.errors) process.stderr.write(`error: ${err.message}\n`);
      process.stderr.write(`${e.errors.length} error(s)\n`);
    } else if (e instanceof SourceError || e instanceof SettingError) process.stderr.write(`error: ${e.message}\n`);
    else throw e;
    return 1;
  }
  if (errorsOnly) return 0;
  report(portal, process.stdout);
  pendingReport(sources.registry.pending, process.stdout);
  return strict && portal.unverified.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
