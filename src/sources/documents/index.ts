// Documents: a plan's file in any format governments publish (formats/) plus its metadata file → Document.
// The documents folder is checked as a whole first (slugs, files that belong to no document), then each
// document is read: its metadata, its text and its corrections each report every problem they find, and
// one bad document never stops the others from being read.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { settings } from '../../config';
import { LIMITS } from '../../domain/limits';
import { isSlug, SLUG_RULE, suggestSlug } from '../../domain/slugs';
import type { Document, DocumentMeta } from '../../domain/types';
import { SourceError, SourceErrors } from '../../domain/source-error';
import { NO_PARSE_CACHE, type ParseCache } from '../parse-cache';
import { ACCEPTED_EXTENSIONS, readSourceFile, TO_DOCX } from './formats/index';
import { applyCorrections } from './corrections';
import { classifyLines } from './lines';
import { loadDocumentMeta } from './sidecar';
import { extractMetadata } from './text-metadata';
import { buildStructure } from './structure';

/**
 * Parse decoded text. Throws when no task is found: a plan without tasks is never published.
 * `sourceFile` is the path published (relative to the content folder); `errorFile` the one errors name.
 */
export function parseDocument(source: string, meta: DocumentMeta, sourceFile: string, errorFile = sourceFile): Document {
  const lines = classifyLines(source);
  const extracted = extractMetadata(lines);
  const structure = buildStructure(lines, meta.slug);
  if (structure.tasks.length === 0) {
    throw new SourceError({ file: errorFile }, 'no task found', 'numbered items (一、 （一） 1. …) with text, as in a 方案/要点/意见');
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

/** A document's file without its extension: its slug, when it is a valid one. */
const stemOf = (name: string): string => name.replace(/\.[^.]+$/, '');

/** Where a document file is published from: its path in the content folder, never the build machine's. */
export const publishedPath = (file: string): string => `documents/${basename(file)}`;

const FOLDER_HOLDS =
  'a document <slug>.txt, .html, .docx or .pdf, its metadata <slug>.yaml, its corrections <slug>.fixes.yaml, or a README';
const README = /^readme(\.[a-z0-9]+)?$/i;
const OFFICE_FILES = new Set(['.doc', '.wps', '.odt', '.rtf', '.dot']);

/** The documents of a folder, and what is wrong with the folder: bad slugs, two files for one slug, stray files. */
export function scanDocumentsFolder(dir: string): { files: string[]; errors: SourceError[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return {
      files: [],
      errors: [
        new SourceError({ file: dir }, 'the documents folder is missing', 'a folder documents/ in the content folder, with the plans'),
      ],
    };
  // Hidden files (.gitkeep, .DS_Store) are no concern of the portal's; a document file is, whatever its name (`...txt`).
  const names = readdirSync(dir)
    .filter((n) => !n.startsWith('.') || isDocumentFile(n))
    .sort();
  const errors: SourceError[] = [];
  const files: string[] = [];
  const byStem = new Map<string, string>();
  const goodStems = new Set(names.filter(isDocumentFile).map(stemOf).filter(isSlug));
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      errors.push(new SourceError({ file: path }, 'a folder inside the documents folder', `only files: ${FOLDER_HOLDS}`));
      continue;
    }
    if (!isDocumentFile(name)) continue;
    const stem = stemOf(name);
    const other = byStem.get(stem);
    if (other) {
      errors.push(
        new SourceError({ file: path }, `a second document named "${stem}" (beside ${other})`, 'one file per document: keep one of them'),
      );
      continue;
    }
    byStem.set(stem, name);
    if (!isSlug(stem)) {
      const suggestion = suggestSlug(stem, goodStems);
      errors.push(
        new SourceError(
          { file: path },
          `"${stem}" cannot be a document's name in the portal's addresses`,
          `a name of ${SLUG_RULE}, such as ${suggestion}${extname(name)} (rename its .yaml, .fixes.yaml and status folder with it)`,
        ),
      );
    }
    files.push(name);
  }
  for (const name of names) {
    const path = join(dir, name);
    if (isDocumentFile(name) || README.test(name) || statSync(path).isDirectory()) continue;
    const ext = extname(name).toLowerCase();
    if (name.toLowerCase().endsWith('.fixes.yaml')) {
      const stem = name.slice(0, -'.fixes.yaml'.length);
      if (!byStem.has(stem))
        errors.push(
          new SourceError(
            { file: path },
            `corrections for "${stem}", which has no document file`,
            `the document ${stem}.txt (or .html, .docx, .pdf) beside it`,
          ),
        );
    } else if (ext === '.yaml') {
      const stem = stemOf(name);
      if (!byStem.has(stem))
        errors.push(
          new SourceError(
            { file: path },
            `metadata for "${stem}", which has no document file`,
            `the document ${stem}.txt (or .html, .docx, .pdf) beside it`,
          ),
        );
    } else if (ext === '.yml') {
      errors.push(new SourceError({ file: path }, 'a metadata file named .yml', `${stemOf(name)}.yaml (the portal reads .yaml only)`));
    } else if (OFFICE_FILES.has(ext)) {
      errors.push(new SourceError({ file: path }, `a ${ext} file, which the portal cannot read: ${TO_DOCX}`, FOLDER_HOLDS));
    } else {
      errors.push(new SourceError({ file: path }, `unexpected file "${name}"`, FOLDER_HOLDS));
    }
  }
  return { files, errors };
}

/** Every error an exception stands for; anything that is not a SourceError becomes one naming the file. */
function errorsOf(e: unknown, file: string): SourceError[] {
  if (e instanceof SourceErrors) return e.errors;
  if (e instanceof SourceError) return [e];
  const message = e instanceof Error ? e.message : String(e);
  return [
    new SourceError({ file }, `the file could not be read (${message})`, 'a file the readers can parse; please report it with the file'),
  ];
}

/** What a document's text says, read with stand-in metadata when its metadata file is bad: to find the text's own errors. */
const standInMeta = (slug: string): DocumentMeta => ({
  slug,
  regionCode: '000000',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '1949-10-01', end: '2100-12-31' },
});

/** One document as read: the document (null when anything was wrong), the errors, and what status files may be checked against. */
export interface DocumentReading {
  document: Document | null;
  errors: SourceError[];
  /** The document without its corrections when only they were wrong: its tasks are known, so its status files can be checked. */
  uncorrected: Document | null;
}

/** A document file with its metadata file (<slug>.<ext> + <slug>.yaml) and its corrections, every problem collected. */
export async function readDocument(
  file: string,
  cache: ParseCache = NO_PARSE_CACHE,
  sourceFile = publishedPath(file),
): Promise<DocumentReading> {
  const errors: SourceError[] = [];
  const slug = stemOf(basename(file));
  const metaFile = file.replace(/\.[^.]+$/, '.yaml');
  let meta: DocumentMeta | null = null;
  try {
    meta = loadDocumentMeta(metaFile, slug);
  } catch (e) {
    errors.push(...errorsOf(e, metaFile));
  }
  // The cache holds what the extractor read; corrections are applied on every build.
  let key: string | null = null;
  if (meta && cache !== NO_PARSE_CACHE && statSync(file).size <= LIMITS.documentPackageBytes) {
    key = cache.key('document', file, readFileSync(file), readFileSync(metaFile));
  }
  let extracted = key ? (cache.get<Document>(key) ?? null) : null;
  if (!extracted) {
    try {
      const { text, format } = await readSourceFile(file);
      extracted = { ...parseDocument(text, meta ?? standInMeta(slug), sourceFile, file), format };
      if (key && meta) cache.set(key, extracted);
    } catch (e) {
      errors.push(...errorsOf(e, file));
    }
  }
  if (!meta || !extracted) return { document: null, errors, uncorrected: null };
  try {
    return { document: applyCorrections(extracted, file), errors, uncorrected: extracted };
  } catch (e) {
    errors.push(...errorsOf(e, file));
    return { document: null, errors, uncorrected: extracted };
  }
}

/** A document file with its metadata file, and an editor's corrections (<slug>.fixes.yaml) applied; throws its errors. */
export async function ingestDocumentFile(file: string): Promise<Document> {
  const { document, errors } = await readDocument(file);
  if (errors.length) throw errors.length === 1 ? errors[0] : new SourceErrors(errors);
  return document!;
}

/** The documents of a folder, every error of the folder and of each document, and what status files may be checked against. */
export interface FolderReading {
  documents: Document[];
  errors: SourceError[];
  /** Documents whose tasks are known (the good ones, and those whose corrections alone were wrong). */
  checkable: Document[];
  /** Slugs of document files that could not be read: status files for them are checked for their form only. */
  unreadable: Set<string>;
}

/** Every document of a folder, with every error; with a cache, a document whose file and metadata are unchanged is not parsed again. */
export async function readDocumentsFolder(dir: string, cache: ParseCache = NO_PARSE_CACHE, only?: string): Promise<FolderReading> {
  const scan = scanDocumentsFolder(dir);
  // One document (`npm run validate -- --document SLUG`): its files alone, and what is wrong with them.
  const mine = (name: string) => only === undefined || name === only || name.startsWith(`${only}.`);
  const files = scan.files.filter(mine);
  const errors = scan.errors.filter((e) => mine(basename(e.file)));
  if (only !== undefined && files.length === 0)
    errors.push(
      new SourceError({ file: join(dir, only) }, `no document "${only}"`, `a file ${only}.txt (or .html, .docx, .pdf) in ${dir}`),
    );
  const out: FolderReading = { documents: [], errors, checkable: [], unreadable: new Set() };
  for (const name of files) {
    const reading = await readDocument(join(dir, name), cache);
    out.errors.push(...reading.errors);
    const usable = isSlug(stemOf(name));
    if (reading.document && usable) out.documents.push(reading.document);
    if (reading.uncorrected && usable) out.checkable.push(reading.document ?? reading.uncorrected);
    else out.unreadable.add(stemOf(name));
  }
  return out;
}

/** Every document of a folder; throws SourceErrors listing every problem of the folder and its documents. */
export async function ingestAll(dir = join(settings().contentDir, 'documents'), cache: ParseCache = NO_PARSE_CACHE): Promise<Document[]> {
  const { documents, errors } = await readDocumentsFolder(dir, cache);
  if (errors.length) throw new SourceErrors(errors);
  return documents;
}
