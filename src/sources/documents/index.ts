// The ingest stage: a plan's text (+ its metadata file) → Document. Pure apart from file reading.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { settings } from '../../config';
import type { Document, DocumentMeta } from '../../domain/types';
import { SourceError } from '../../domain/source-error';
import { NO_PARSE_CACHE, type ParseCache } from '../parse-cache';
import { decodeText, DecodeError } from '../text-decode';
import { classifyLines } from './lines';
import { loadDocumentMeta } from './sidecar';
import { extractMetadata } from './text-metadata';
import { buildStructure } from './structure';

export { decodeText } from '../text-decode';

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
    warnings: structure.warnings,
  };
}

/** Read and decode a text file; errors name the file. */
export function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new SourceError({ file }, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'a readable text file');
  }
  try {
    return decodeText(bytes).text;
  } catch (e) {
    if (e instanceof DecodeError) throw new SourceError({ file, line: 1 }, e.message, 'UTF-8 or GB18030 text');
    throw e;
  }
}

/** A document file with its sibling metadata file (<slug>.txt + <slug>.yaml). */
export function ingestDocumentFile(file: string): Document {
  const slug = basename(file).replace(/\.[^.]+$/, '');
  const meta = loadDocumentMeta(file.replace(/\.[^.]+$/, '.yaml'), slug);
  return parseDocument(readText(file), meta, file);
}

/** Every document of a folder; with a cache, a document whose text and metadata are unchanged is not parsed again. */
export function ingestAll(dir = join(settings().contentDir, 'documents'), cache: ParseCache = NO_PARSE_CACHE): Document[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const metaFile = file.replace(/\.[^.]+$/, '.yaml');
      if (cache === NO_PARSE_CACHE || !existsSync(metaFile)) return ingestDocumentFile(file);
      const key = cache.key('document', file, readFileSync(file), readFileSync(metaFile));
      const hit = cache.get<Document>(key);
      if (hit) return hit;
      const document = ingestDocumentFile(file);
      cache.set(key, document);
      return document;
    });
}
