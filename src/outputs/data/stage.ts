// The open data files (/data/*.json, /data/*.csv), written by the outputs step (src/cli/outputs.ts)
// rather than as Astro endpoints. At 50,000 tasks they come to 480 MB, and an endpoint's body was held
// as a string, as its encoded bytes and as a copy of those at once: measured, 1.5 GB of buffers at the
// start of page generation, which made it the peak of `astro build`. Here each file is made, written
// and let go before the next. Their JSON Schemas stay Astro endpoints (src/pages/data/).
import { join } from 'node:path';
import type { Portal } from '../../portal/types';
import { replaceFile } from '../../build/site-files';
import type { StageContext } from '../../build/stage';
import {
  DATA_FILES,
  documentsFile,
  normaliseSite,
  reportRecords,
  reportsFile,
  taskRecords,
  tasksFile,
  unitRecords,
  unitsFile,
} from './records';
import { reportsCsv, tasksCsv, unitsCsv } from './tables';

/** One data file: its site path, and its text, made when asked. */
export interface DataFile {
  path: string;
  text: () => string;
}

/**
 * Every data file of the portal. Compact JSON: tasks.json for 50,000 tasks runs to ~100 MB
 * pretty-printed; readers use tools anyway, and /data/ documents every field.
 */
export function dataFiles(portal: Portal, site: string): DataFile[] {
  return [
    { path: DATA_FILES.tasks.json, text: () => JSON.stringify(tasksFile(portal, site)) },
    { path: DATA_FILES.tasks.csv, text: () => tasksCsv(taskRecords(portal), site) },
    { path: DATA_FILES.units.json, text: () => JSON.stringify(unitsFile(portal, site)) },
    { path: DATA_FILES.units.csv, text: () => unitsCsv(unitRecords(portal), site) },
    { path: DATA_FILES.reports.json, text: () => JSON.stringify(reportsFile(portal, site)) },
    { path: DATA_FILES.reports.csv, text: () => reportsCsv(reportRecords(portal), site) },
    { path: DATA_FILES.documents.json, text: () => JSON.stringify(documentsFile(portal, site)) },
  ];
}

export function dataStage(portal: Portal, ctx: StageContext): void {
  const started = Date.now();
  const site = normaliseSite(ctx.site ?? undefined);
  let bytes = 0;
  const files = dataFiles(portal, site);
  for (const file of files) {
    const text = file.text();
    replaceFile(join(ctx.outDir, file.path), text);
    bytes += Buffer.byteLength(text);
  }
  ctx
    .logger('qingdan-data')
    .info(`data: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
