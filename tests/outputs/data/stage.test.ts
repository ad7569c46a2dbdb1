// The open-data stage (stage.ts): every file written at its public path, each exactly what the records make.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallPortal } from '../../fixtures/portal-data';
import {
  DATA_FILES,
  documentsFile,
  reportRecords,
  reportsFile,
  taskRecords,
  tasksFile,
  unitRecords,
  unitsFile,
} from '../../../src/outputs/data/records';
import { WRITTEN_DATA_FILES } from '../../../src/outputs/data/files';
import { dataFiles, dataStage, partFiles } from '../../../src/outputs/data/stage';
import { tasksFileSchema } from '../../../src/outputs/data/schema';
import { reportsCsv, tasksCsv, unitsCsv } from '../../../src/outputs/data/tables';
import { SITE } from './helpers';

describe('dataStage', () => {
  it('writes every data file at its public path, each the file the records make, with nothing left aside', () => {
    const portal = smallPortal();
    const outDir = mkdtempSync(join(tmpdir(), 'qingdan-data-stage-'));
    try {
      const lines: string[] = [];
      dataStage(portal, {
        outDir,
        root: outDir,
        site: `${SITE}/`,
        logger: () => ({ info: (l) => lines.push(l), warn: (l) => lines.push(l) }),
      });
      const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
      const paths = WRITTEN_DATA_FILES.map((p) => `/${p}`);
      expect(
        dataFiles(portal, SITE)
          .map((f) => f.path)
          .filter((p) => !/^\/data\/(regions|documents)\//.test(p))
          .sort(),
      ).toEqual([...paths].sort());
      expect(JSON.parse(read(DATA_FILES.tasks.json))).toEqual(JSON.parse(JSON.stringify(tasksFile(portal, SITE))));
      expect(tasksFileSchema.safeParse(JSON.parse(read(DATA_FILES.tasks.json))).success).toBe(true);
      expect(JSON.parse(read(DATA_FILES.reports.json))).toEqual(JSON.parse(JSON.stringify(reportsFile(portal, SITE))));
      expect(JSON.parse(read(DATA_FILES.units.json))).toEqual(JSON.parse(JSON.stringify(unitsFile(portal, SITE))));
      expect(JSON.parse(read(DATA_FILES.documents.json))).toEqual(JSON.parse(JSON.stringify(documentsFile(portal, SITE))));
      expect(read(DATA_FILES.tasks.csv)).toBe(tasksCsv(taskRecords(portal), SITE));
      expect(read(DATA_FILES.units.csv)).toBe(unitsCsv(unitRecords(portal), SITE));
      expect(read(DATA_FILES.reports.csv)).toBe(reportsCsv(reportRecords(portal), SITE));
      // The seven files, and beside them the folders of per-region and per-document task tables.
      expect(readdirSync(join(outDir, 'data')).sort()).toEqual(
        [...paths.map((p) => p.replace('/data/', '')), 'documents', 'regions'].sort(),
      );
      const parts = partFiles(portal, SITE).map((f) => f.path);
      expect(parts.sort()).toEqual(
        [
          ...portal.regions.filter((r) => r.tasks.length).map((r) => `/data/regions/${r.region.code}.csv`),
          ...portal.documents.map((d) => `/data/documents/${d.slug}.csv`),
        ].sort(),
      );
      for (const part of parts) expect(read(part).startsWith('\uFEFF任务编号,'), part).toBe(true);
      expect(lines.at(-1)).toMatch(new RegExp(`^data: ${7 + parts.length} files, [\\d.]+ MB \\(0 unchanged\\) in [\\d.]+ s$`));

      // A later build without a document removes its table, and only what it no longer writes; files
      // whose bytes are the same are left as they are, their time too (published as links).
      writeFileSync(join(outDir, 'data/documents/gone.csv'), 'x');
      const old = new Date('2026-01-02T03:04:05Z');
      utimesSync(join(outDir, DATA_FILES.tasks.json), old, old);
      writeFileSync(join(outDir, DATA_FILES.units.csv), 'stale');
      dataStage(portal, { outDir, root: outDir, site: `${SITE}/`, logger: () => ({ info: (l) => lines.push(l), warn: () => {} }) });
      expect(existsSync(join(outDir, 'data/documents/gone.csv'))).toBe(false);
      for (const part of parts) expect(existsSync(join(outDir, part)), part).toBe(true);
      expect(lines.at(-1)).toContain(`(${7 + parts.length - 1} unchanged)`);
      expect(statSync(join(outDir, DATA_FILES.tasks.json)).mtimeMs).toBe(old.getTime());
      expect(read(DATA_FILES.units.csv)).toBe(unitsCsv(unitRecords(portal), SITE));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
