// The sources of a portal, read from a content root: the documents, the registry and the status data,
// each checked against the others. Every problem of a run is collected before it fails.
import { join } from 'node:path';
import { settings } from '../config';
import { SourceError, SourceErrors } from '../domain/source-error';
import type { Document, StatusReport } from '../domain/types';
import { ingestAll } from './documents/index';
import { NO_PARSE_CACHE, type ParseCache } from './parse-cache';
import { type Registry } from './registry/registry';
import { loadRegistry } from './registry/load';
import { loadStatusReports } from './status/index';

export interface Sources {
  documents: Document[];
  registry: Registry;
  reports: StatusReport[];
}

/** Every document names a region the registry lists. */
function checkRegions(documents: Document[], registry: Registry): void {
  const errors = documents
    .filter((d) => !registry.regionByCode.has(d.meta.regionCode))
    .map(
      (d) =>
        new SourceError(
          { file: d.sourceFile.replace(/\.[^.]+$/, '.yaml'), field: 'region' },
          `unknown region code "${d.meta.regionCode}"`,
          `a code listed in ${join(registry.dir, 'regions.yaml')}`,
        ),
    );
  if (errors.length) throw new SourceErrors(errors);
}

/** Documents, registry and status data of a content root; a cache skips files parsed before. */
export async function loadSources(root = settings().contentDir, cache: ParseCache = NO_PARSE_CACHE): Promise<Sources> {
  const documents = await ingestAll(join(root, 'documents'), cache);
  const registry = loadRegistry(join(root, 'registry'));
  checkRegions(documents, registry);
  const reports = loadStatusReports(join(root, 'status'), documents, cache);
  return { documents, registry, reports };
}
