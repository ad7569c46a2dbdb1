// `npm run --silent extract -- FILE`: one JSON object on stdout (a public contract; keep its shape).
import { basename } from 'node:path';
import type { Document, Task } from '../domain/types';
import { SourceError } from '../domain/source-error';
import { parseDocument, readText } from '../sources/documents/index';

/** Units, deadlines and targets of a task or a measure, as the contract writes them. */
function assignments(x: Pick<Task, 'units' | 'deadlines' | 'targets'>) {
  return {
    units: x.units.map((u) => ({ name: u.name, role: u.role })),
    deadlines: x.deadlines.map((d) => ({ text: d.text, date: d.date })),
    targets: x.targets.map((t) => ({ text: t.text })),
  };
}

export function extractJson(doc: Document) {
  return {
    title: doc.title,
    docNumber: doc.docNumber,
    issuer: doc.issuer,
    date: doc.writtenOn ?? doc.publishedOn,
    tasks: doc.tasks.map((t) => ({
      id: t.id,
      number: t.number,
      kind: t.kind,
      text: t.text,
      ...assignments(t),
      measures: t.measures.map((m) => ({ id: m.id, number: m.number, text: m.text, ...assignments(m) })),
    })),
  };
}

function main(argv: string[]): number {
  const file = argv[0];
  if (!file) {
    process.stderr.write('usage: npm run --silent extract -- FILE\n');
    return 2;
  }
  try {
    const slug =
      basename(file)
        .replace(/\.[^.]+$/, '')
        .replace(/[^A-Za-z0-9_-]+/g, '-') || 'document';
    // Any text file works: what a metadata file would add is not part of this contract.
    const meta = {
      slug,
      regionCode: '000000',
      kind: '其他' as const,
      sourceUrl: null,
      reporting: 'annual' as const,
      span: { start: '1949-10-01', end: '2100-12-31' },
    };
    const doc = parseDocument(readText(file), meta, file);
    process.stdout.write(JSON.stringify(extractJson(doc)) + '\n');
    return 0;
  } catch (e) {
    const message = e instanceof SourceError ? e.message : `${file}: ${(e as Error).message}`;
    process.stderr.write(message.replace(/\n/g, ' ') + '\n');
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
