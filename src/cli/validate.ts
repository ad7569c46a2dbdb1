// `npm run validate`: check all content (documents, registry, status data) the way the build
// does, and list every unit name the registry does not know. Exit 1 on errors; with --strict,
// unverified units fail too.
import { buildPortal } from '../portal/portal';
import { loadSources } from '../sources/index';
import { SourceError, SourceErrors } from '../domain/source-error';

function main(argv: string[]): number {
  const strict = argv.includes('--strict');
  let portal;
  try {
    portal = buildPortal(loadSources());
  } catch (e) {
    if (e instanceof SourceErrors) for (const err of e.errors) process.stderr.write(`error: ${err.message}\n`);
    else if (e instanceof SourceError) process.stderr.write(`error: ${e.message}\n`);
    else throw e;
    return 1;
  }
  const out = process.stdout;
  out.write(
    `documents: ${portal.documents.length}, tasks: ${portal.tasks.length}, measures: ${portal.tasks.reduce((n, t) => n + t.task.measures.length, 0)}, status reports: ${portal.tasks.reduce((n, t) => n + t.reports.length, 0)}\n`,
  );
  for (const d of portal.documents) {
    const units = new Set(portal.tasks.filter((t) => t.document === d).flatMap((t) => t.units.map((u) => u.name)));
    out.write(`  ${d.slug}: ${d.tasks.length} tasks, ${units.size} distinct units\n`);
    for (const w of d.warnings) out.write(`    warning: ${d.sourceFile}: ${w}\n`);
  }
  if (portal.unverifiedByName.size === 0) out.write('unverified units: none\n');
  else {
    out.write(
      `unverified units (${portal.unverifiedByName.size} names, ${portal.unverified.length} uses): kept as written and shown as 未核实; add them to content/registry/ to resolve\n`,
    );
    for (const [name, uses] of portal.unverifiedByName) {
      const where = uses.map((u) => `${u.documentSlug}.txt:${u.line} (${u.role})`);
      out.write(`  ${name}: ${where.slice(0, 5).join(', ')}${where.length > 5 ? ` … ${where.length - 5} more` : ''}\n`);
    }
  }
  return strict && portal.unverified.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
