// The templates stage of the outputs step (src/cli/outputs.ts): each document's 报送模板 written beside its
// page, /documents/<slug>/template.xlsx, template.csv and template-gb18030.csv. A document whose plan has
// not begun has none (its page links none: see templateModel). Files of deleted documents are pruned with
// the pages they sat beside (src/build/site-dir/integration.ts).
import { join } from 'node:path';
import { replaceFile } from '../../build/site-files';
import type { StageContext } from '../../build/stage';
import { templateUrl } from '../../domain/urls';
import type { Portal } from '../../portal/types';
import { templateCacheDir, WorkbookCache } from './cache';
import { templateCsvGb18030, templateCsvUtf8, templateModel, templateXlsx } from './template';

export async function templatesStage(portal: Portal, ctx: StageContext): Promise<void> {
  const started = Date.now();
  let files = 0;
  let bytes = 0;
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
      replaceFile(join(ctx.outDir, url.slice(1)), data);
      files++;
      bytes += data.byteLength;
    }
  }
  const pruned = cache.prune();
  const { reused, written, damaged } = cache.stats;
  const log = ctx.logger('qingdan-templates');
  if (damaged) log.warn(`templates: ${damaged} cached workbook(s) were damaged (their bytes no longer match their hash); written again`);
  log.info(
    `templates: ${files} files, ${(bytes / 1e3).toFixed(0)} kB in ${((Date.now() - started) / 1000).toFixed(1)} s (workbooks: ${written} written, ${reused} from cache${pruned ? `, ${pruned} unused pruned` : ''})`,
  );
}
