// What the output stages (src/cli/outputs.ts) write into the kept site folder and prune themselves, so
// the site-dir integration (src/build/site-dir/) neither removes them after the pages nor walks their
// folders: a file that did not change then stays in place with its time, and is published as a link.
// Light on purpose: astro.config.mjs loads it with Astro's config.
import { PART_CSV_FOLDERS, WRITTEN_DATA_FILES } from './data/files';
import { TEMPLATE_FORMATS, templateUrl } from '../domain/urls';

/** Folders only output stages write into, each pruned by its stage (relative, ending in "/"). */
export const OUTPUT_FOLDERS: readonly string[] = ['cards/', 'reports/', 'pagefind/', ...PART_CSV_FOLDERS.map((f) => `${f}/`)];

const dataFiles = new Set(WRITTEN_DATA_FILES);
/** A document's template files, as paths in the site folder: documents/<slug>/template.xlsx … */
const templateFile = new RegExp(
  `^documents/[^/]+/(${TEMPLATE_FORMATS.map((f) => templateUrl('x', f).slice('/documents/x/'.length).replace(/\./g, '\\.')).join('|')})$`,
);

/** Whether an output stage writes (and prunes) the file at this path of the site folder. */
export const isOutputFile = (path: string): boolean => dataFiles.has(path) || templateFile.test(path);
