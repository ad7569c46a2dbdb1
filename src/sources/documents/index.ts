// Documents: a plan's file in any format governments publish (formats/) plus its metadata file → Document.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { settings } from '../../config';
import type { Document, DocumentMeta } from '../../domain/types';
import { SourceError } from '../../domain/source-error';
import { NO_PARSE_CACHE, type ParseCache } from '../parse-cache';
import { ACCEPTED_EXTENSIONS, readSourceFile } from './formats/index';
import { applyCorrections } from './corrections';
import { classifyLines } from './lines';
import { loadDocumentMeta } from './sidecar';
import { extractMetadata } from './text-metadata';
import { buildStructure } from './structure';

/** Parse decoded text. Throws when no task is found: a plan without tasks is never published. */
export function parseDocument(source: string, meta: DocumentMeta, sourceFile: string): Document {
  const lines = classifyLines(source);
  const extracted = extractMetadata(lines);
  const structure = buildStructure(lines, meta.slug);
  if (structure.tasks.length === 0) {
    throw new SourceError({ file: sourceFile }, 'no task found', 'numbered items (一、 （一） 1. …) with text, as in a 方案/要点/意见');
  }
  return {
    slug: meta.slug,
    sourceFile,
    meta,
    title: extracted.title,
    docNumber: extracted.docNumber,
    indexNumber: extracted.indexNumber,
    issuer: extracted.issuer ?? meta.issuer ?? null,
    writtenOn: extracted.writtenOn,
    publishedOn: extracted.publishedOn,
    sections: structure.sections,
    tasks: structure.tasks,
    parts: structure.parts,
    source,
    format: 'txt',
    warnings: structure.warnings,
  };
}

/** Whether a file of the documents folder is a document (a sidecar, a corrections file or notes are not). */
export const isDocumentFile = (name: string): boolean => ACCEPTED_EXTENSIONS.includes(extname(name).toLowerCase());

/** A document file with its sibling metadata file (<slug>.<ext> + <slug>.yaml), as extracted. */
async function extractDocumentFile(file: string): Promise<Document> {
  const slug = basename(file).replace(/\.[^.]+$/, '');
  const meta = loadDocumentMeta(file.replace(/\.[^.]+$/, '.yaml'), slug);
  const { text, format } = await readSourceFile(file);
  return { ...parseDocument(text, meta, file), format };
}

/** A document file with its metadata file, and an editor's corrections (<slug>.fixes.yaml) applied. */
export const ingestDocumentFile = async (file: string): Promise<Document> => applyCorrections(await extractDocumentFile(file), file);

/** Every document of a folder; with a cache, a document whose file and metadata are unchanged is not parsed again. */
export async function ingestAll(dir = join(settings().contentDir, 'documents'), cache: ParseCache = NO_PARSE_CACHE): Promise<Document[]> {
  const files = readdirSync(dir).filter(isDocumentFile).sort();
  const out: Document[] = [];
  for (const f of files) {
    const file = join(dir, f);
    const metaFile = file.replace(/\.[^.]+$/, '.yaml');
    if (cache === NO_PARSE_CACHE || !existsSync(metaFile)) {
      out.push(await ingestDocumentFile(file));
      continue;
    }
    const key = cache.key('document', file, readFileSync(file), readFileSync(metaFile));
    // The cache holds what the extractor read; corrections are applied on every build.
    let document = cache.get<Document>(key);
    if (!document) {
      document = await extractDocumentFile(file);
      cache.set(key, document);
    }
    out.push(applyCorrections(document, file));
  }
  return out;
}
