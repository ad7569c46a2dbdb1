// The templates stage of the outputs step (src/cli/outputs.ts): each document's 报送模板 written beside its
// page, /documents/<slug>/template.xlsx, template.csv and template-gb18030.csv. A document whose plan has
// not begun has none (its page links none: see templateModel). The site-dir integration leaves these files
// to this stage (src/outputs/owned-files.ts): a file whose bytes did not change keeps its time, so
// publishing links it, and the files of documents without a template now are removed here.
import { join } from 'node:path';
import { pruneFolder, writeIfChanged } from '../../build/site-files';
import type { StageContext } from '../../build/stage';
import { templateUrl } from '../../domain/urls';
import { isOutputFile } from '../owned-files';
import type { Portal } from '../../portal/types';
import { templateCacheDir, WorkbookCache } from './cache';
import { templateCsvGb18030, templateCsvUtf8, templateModel, templateXlsx } from './template';

export async function templatesStage(portal: Portal, ctx: StageContext): Promise<void> {
  const started = Date.now();
  let files = 0;
  let bytes = 0;
  let unchanged = 0;
  const placed = new Set<string>();
  const cache = new WorkbookCache(templateCacheDir(ctx.root));
  for (const doc of portal.documents) {
    const model = templateModel(doc, portal.reportingPeriodOf(doc.slug), portal.generatedOn);
    if (!model) continue;
    const outputs: [string, Uint8Array][] = [
      [templateUrl(doc.slug, 'xlsx'), await cache.workbook(model, templateXlsx)],
      [templateUrl(doc.slug, 'csv'), templateCsvUtf8(model)],
      [templateUrl(doc.slug, 'gb18030.csv'), templateCsvGb18030(model)],
    ];
    for (const [url, data] of outputs) {
      if (!writeIfChanged(join(ctx.outDir, url.slice(1)), data)) unchanged++;
      placed.add(url);
      files++;
      bytes += data.byteLength;
    }
  }
  const removed = pruneTemplates(ctx.outDir, placed);
  const pruned = cache.prune();
  const { reused, written, damaged } = cache.stats;
  const log = ctx.logger('qingdan-templates');
  if (damaged) log.warn(`templates: ${damaged} cached workbook(s) were damaged (their bytes no longer match their hash); written again`);
  log.info(
    `templates: ${files} files, ${(bytes / 1e3).toFixed(0)} kB (${unchanged} unchanged${removed ? `, ${removed} removed` : ''}) in ${((Date.now() - started) / 1000).toFixed(1)} s (workbooks: ${written} written, ${reused} from cache${pruned ? `, ${pruned} unused pruned` : ''})`,
  );
}

/** Removes the template files of documents that have none now (deleted, or their plan not yet begun), and folders left empty. */
function pruneTemplates(outDir: string, written: ReadonlySet<string>): number {
  return pruneFolder(join(outDir, 'documents'), (file) => !isOutputFile(`documents/${file}`) || written.has(`/documents/${file}`));
}
