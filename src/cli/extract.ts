// `npm run --silent extract -- [--explain] FILE`: one plan (.txt in UTF-8, GB18030, Big5 or UTF-16;
// .html, .docx or .pdf) → one JSON object on stdout, a public contract (README): keep its shape.
// --explain prints instead, for each task, the rule that gave each unit, role and deadline.
import { basename } from 'node:path';
import { SourceError } from '../domain/source-error';
import type { Document, DocumentMeta, Task } from '../domain/types';
import { readSourceFile } from '../sources/documents/formats/index';
import { parseDocument } from '../sources/documents/index';

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

export type ExtractResult = ReturnType<typeof extractJson>;

/** Any plan file, outside a content folder: what a metadata file would add is not part of the contract. */
export async function extractDocument(file: string): Promise<Document> {
  const slug =
    basename(file)
      .replace(/\.[^.]+$/, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-') || 'document';
  const meta: DocumentMeta = {
    slug,
    regionCode: '000000',
    kind: '其他',
    sourceUrl: null,
    reporting: 'annual',
    span: { start: '1949-10-01', end: '2100-12-31' },
  };
  const { text, format } = await readSourceFile(file);
  return { ...parseDocument(text, meta, file), format };
}

export const extractFile = async (file: string): Promise<ExtractResult> => extractJson(await extractDocument(file));

/** Each task with the rule behind each unit, role and deadline: "lead by 列第一位者为牵头单位 (line 7, 下同)". */
export function explain(doc: Document): string {
  const out: string[] = [`${doc.title ?? doc.slug}${doc.docNumber ? `（${doc.docNumber}）` : ''}`];
  const list = (x: Pick<Task, 'units' | 'deadlines'>, indent: string) => {
    for (const u of x.units)
      out.push(`${indent}${u.role} ${u.name}${u.written ? `（原文：${u.written}）` : ''} — ${u.basis ?? 'no basis recorded'}`);
    for (const d of x.deadlines) out.push(`${indent}deadline ${d.text}${d.date ? ` → ${d.date}` : ''} — ${d.basis ?? 'no basis recorded'}`);
  };
  for (const t of doc.tasks) {
    out.push(`task ${t.marker || t.number} (lines ${t.lineStart}–${t.lineEnd})${t.kind === 'problem' ? ' 整改问题' : ''}: ${t.title}`);
    list(t, '  ');
    for (const g of t.gaps) out.push(`  gap ${g.field}: ${g.reason}`);
    for (const m of t.measures) {
      out.push(`  measure ${m.number} (line ${m.line})`);
      list(m, '    ');
    }
  }
  return out.join('\n') + '\n';
}

async function main(argv: string[]): Promise<number> {
  const explainMode = argv.includes('--explain');
  const file = argv.filter((a) => a !== '--explain')[0];
  if (!file) {
    process.stderr.write('usage: npm run --silent extract -- [--explain] FILE\n');
    return 2;
  }
  try {
    const doc = await extractDocument(file);
    process.stdout.write(explainMode ? explain(doc) : JSON.stringify(extractJson(doc)) + '\n');
    return 0;
  } catch (e) {
    const message = e instanceof SourceError ? e.message : `${file}: ${(e as Error).message}`;
    process.stderr.write(message.replace(/\n/g, ' ') + '\n');
    return 1;
  }
}

if (process.argv[1] && /extract\.ts$/.test(process.argv[1])) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
