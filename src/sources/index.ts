// The sources of a portal, read from a content root: the documents, the registry and the status data,
// each checked against the others. Every problem of a run is collected before it fails: a bad document
// does not hide the next one's errors, nor the errors of its own status files.
import { join, relative, sep } from 'node:path';
import { settings } from '../config';
import { SourceError, SourceErrors } from '../domain/source-error';
import type { Document, StatusReport } from '../domain/types';
import { readDocumentsFolder } from './documents/index';
import { NO_PARSE_CACHE, type ParseCache } from './parse-cache';
import { type Registry } from './registry/registry';
import { loadRegistry } from './registry/load';
import { loadStatusReports } from './status/index';

export interface Sources {
  documents: Document[];
  registry: Registry;
  reports: StatusReport[];
}

/** A path as errors show it: relative to the working folder when inside it. */
function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}

/** Every document names a region the registry lists. */
function regionErrors(root: string, documents: Document[], registry: Registry): SourceError[] {
  return documents
    .filter((d) => !registry.regionByCode.has(d.meta.regionCode))
    .map(
      (d) =>
        new SourceError(
          { file: displayPath(join(root, 'documents', `${d.slug}.yaml`)), field: 'region' },
          `unknown region code "${d.meta.regionCode}"`,
          `a code listed in ${displayPath(join(registry.dir, 'regions.yaml'))}`,
        ),
    );
}

/** The errors an exception of a loader stands for; anything else is a fault of the code, thrown on. */
function sourceErrorsOf(e: unknown): SourceError[] {
  if (e instanceof SourceErrors) return e.errors;
  if (e instanceof SourceError) return [e];
  throw e;
}

/**
 * Documents, registry and status data of a content root; a cache skips files parsed before. Throws one
 * SourceErrors listing every problem of every part (documents, registry, status). `options.document` reads one
 * document and its status folder only (with the whole registry).
 */
export async function loadSources(
  root = settings().contentDir,
  cache: ParseCache = NO_PARSE_CACHE,
  buildDate = settings().buildDate,
  options: { document?: string } = {},
): Promise<Sources> {
  const folder = await readDocumentsFolder(join(root, 'documents'), cache, options.document);
  const errors: SourceError[] = [...folder.errors];
  let registry: Registry | null = null;
  try {
    registry = loadRegistry(join(root, 'registry'));
  } catch (e) {
    errors.push(...sourceErrorsOf(e));
  }
  if (registry) errors.push(...regionErrors(root, folder.documents, registry));
  let reports: StatusReport[] = [];
  try {
    // Against every document whose tasks are known, so that a document with a bad correction still has its status checked.
    reports = loadStatusReports(join(root, 'status'), folder.checkable, cache, {
      buildDate,
      unreadable: folder.unreadable,
      only: options.document,
    });
  } catch (e) {
    errors.push(...sourceErrorsOf(e));
  }
  if (errors.length || !registry) throw new SourceErrors(errors);
  return { documents: folder.documents, registry, reports };
}
