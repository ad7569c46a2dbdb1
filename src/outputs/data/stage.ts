// The open data files (/data/*.json, /data/*.csv), written by the outputs step (src/cli/outputs.ts)
// rather than as Astro endpoints. At 50,000 tasks they come to 480 MB, and an endpoint's body was held
// as a string, as its encoded bytes and as a copy of those at once: measured, 1.5 GB of buffers at the
// start of page generation, which made it the peak of `astro build`. Here each file is made, written
// and let go before the next. Their JSON Schemas stay Astro endpoints (src/pages/data/).
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Portal } from '../../portal/types';
import { writeIfChanged } from '../../build/site-files';
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
import { partCsv, reportsCsv, taskCsvLines, tasksCsv, unitsCsv } from './tables';
import { documentCsvUrl, PART_CSV_FOLDERS, regionCsvUrl } from './files';

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
    ...partFiles(portal, site),
  ];
}

/**
 * tasks.csv cut by region (with the regions below it, as the region page counts them) and by document,
 * linked from those pages. Every task's line is made once, when the first of these files is asked for,
 * and let go with the last.
 */
export function partFiles(portal: Portal, site: string): DataFile[] {
  const index = new Map(portal.tasks.map((v, i) => [v.task.id, i]));
  const indexesOf = (views: readonly { task: { id: string } }[]) => views.map((v) => index.get(v.task.id)!).sort((a, b) => a - b);
  let table: { header: string; lines: string[] } | null = null;
  const parts: { path: string; indexes: () => number[] }[] = [];
  for (const rv of portal.regions)
    if (rv.tasks.length > 0) parts.push({ path: regionCsvUrl(rv.region.code), indexes: () => indexesOf(rv.tasks) });
  const byDocument = new Map<string, number[]>();
  portal.tasks.forEach((v, i) => {
    const list = byDocument.get(v.document.slug);
    if (list) list.push(i);
    else byDocument.set(v.document.slug, [i]);
  });
  for (const doc of portal.documents) parts.push({ path: documentCsvUrl(doc.slug), indexes: () => byDocument.get(doc.slug) ?? [] });
  let left = parts.length;
  return parts.map((p) => ({
    path: p.path,
    text: () => {
      table ??= taskCsvLines(taskRecords(portal), site);
      const text = partCsv(table.header, table.lines, p.indexes());
      if (--left === 0) table = null;
      return text;
    },
  }));
}

/** Removes files of the per-region and per-document folders that this build did not write. */
function pruneParts(outDir: string, written: ReadonlySet<string>): number {
  let removed = 0;
  for (const folder of PART_CSV_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(outDir, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      if (written.has(`/${folder}/${name}`)) continue;
      unlinkSync(join(outDir, folder, name));
      removed++;
    }
  }
  return removed;
}

export function dataStage(portal: Portal, ctx: StageContext): void {
  const started = Date.now();
  const site = normaliseSite(ctx.site ?? undefined);
  let bytes = 0;
  let unchanged = 0;
  const files = dataFiles(portal, site);
  for (const file of files) {
    const text = file.text();
    // A file whose bytes did not change keeps its time, and is published as a link, not a copy.
    if (!writeIfChanged(join(ctx.outDir, file.path), text)) unchanged++;
    bytes += Buffer.byteLength(text);
  }
  pruneParts(ctx.outDir, new Set(files.map((f) => f.path)));
  ctx
    .logger('qingdan-data')
    .info(
      `data: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB (${unchanged} unchanged) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
}
