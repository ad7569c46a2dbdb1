// The PDF stage's pipeline (pipeline.ts): reports rendered by a pool of render processes, byte for byte
// what the in-process compiler makes, within a memory budget; a report typst rejects fails the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { memoryBudgetMb, MIN_WORKER_BUDGET_MB } from '../../../src/build/pool/memory';
import { readSettings } from '../../../src/config';
import { PdfCache } from '../../../src/outputs/pdf/cache';
import { palette } from '../../../src/outputs/pdf/palette';
import { buildReports, pdfWorkerCount, pdfWorkerPath, WORKER_MB } from '../../../src/outputs/pdf/pipeline';
import { renderTypst, TypstError } from '../../../src/outputs/pdf/render';
import { reportsForPortal } from '../../../src/outputs/pdf/report-model';
import type { ReportSpec } from '../../../src/outputs/pdf/report-spec';
import { reportSource, type Palette } from '../../../src/outputs/pdf/typst-source';
import { makePortal, smallPortal } from '../../fixtures/portal-pdf';
import { work } from './poppler';

// A report whose path contains "broken" gets a source typst rejects: the only way to make the real
// pipeline meet a compile error, since every text that reaches the source is escaped.
vi.mock('../../../src/outputs/pdf/typst-source', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/outputs/pdf/typst-source')>();
  return {
    ...real,
    reportSource: (spec: ReportSpec, p: Palette) => (spec.path.includes('broken') ? '#let x = (\n' : real.reportSource(spec, p)),
  };
});
// Real typst compiles: generous limits for a busy CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('render processes', () => {
  const specs = reportsForPortal(smallPortal(), { siteUrl: 'https://qingdan.example.cn' });

  it('give the same bytes as the in-process compiler, even from a fresh process per report', async () => {
    const outDir = join(work, 'dist-pool');
    const lines: string[] = [];
    const r = await buildReports({
      specs,
      outDir,
      cache: new PdfCache(join(work, 'cache-pool')),
      palette,
      generatedOn: '2026-03-04',
      workers: 2,
      recycleAfter: 1,
      log: (l) => lines.push(l),
    });
    expect(r.rendered).toBe(specs.length);
    // Every process was retired after its one report and replaced while work remained.
    expect(r.workers.started).toBe(specs.length);
    expect(r.workers.recycled).toBe(specs.length);
    expect(r.outcomes.map((o) => o.path)).toEqual(specs.map((s) => s.path));
    for (const [i, spec] of specs.entries()) {
      const written = readFileSync(r.outcomes[i].file);
      const here = renderTypst(reportSource(spec, palette), { generatedOn: '2026-03-04' });
      expect(written.equals(here.pdf), spec.path).toBe(true);
      expect(r.outcomes[i].pages).toBe(here.pages);
    }
    // One progress line per report, counted in the order they finish, then the processes and the summary.
    expect(lines.at(-2)).toMatch(
      new RegExp(
        `^render processes: up to 2 at once within \\d+ MB; ${specs.length} started, ${specs.length} retired early; largest \\d+ MB`,
      ),
    );
    const n = specs.length;
    const counters = lines
      .slice(0, -2)
      .map((l) =>
        Number(
          new RegExp(`^\\[\\s*(\\d+)/${n}\\] reports/\\S+\\.pdf rendered in \\d+ ms \\(CPU \\d+ ms\\), \\d+ pages, \\d+ KB$`).exec(l)?.[1],
        ),
      );
    expect(counters).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(lines.at(-1)).toMatch(new RegExp(`^${n} reports: ${n} rendered, 0 from cache \\(.*cache-pool\\) in \\d+\\.\\d s$`));
  }, 120_000);

  it('keep one process while it stays small, and retire one whose RSS passes the threshold', async () => {
    const run = (name: string, recycleAboveMb?: number) =>
      buildReports({
        specs: specs.slice(0, 4),
        outDir: join(work, name),
        cache: new PdfCache(join(work, `cache-${name}`)),
        palette,
        generatedOn: '2026-03-04',
        workers: 1,
        recycleAboveMb,
      });
    const kept = await run('rss-kept');
    expect(kept.workers).toMatchObject({ started: 1, recycled: 0 });
    expect(kept.workers.peakRssMb).toBeGreaterThan(50);
    // Past the threshold after its first report, each process still finishes the one queued behind it.
    const retired = await run('rss-retired', 1);
    expect(retired.workers).toMatchObject({ started: 2, recycled: 2 });
  }, 120_000);

  it('fail the build on a report typst rejects, naming it, with the diagnostics', async () => {
    const broken = { ...specs[0], path: '/reports/documents/broken/2019.pdf' };
    const outDir = join(work, 'dist-broken');
    const attempt = buildReports({
      specs: [broken, ...specs.slice(1, 3)],
      outDir,
      cache: new PdfCache(join(work, 'cache-broken')),
      palette,
      generatedOn: '2026-03-04',
      workers: 1,
    });
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypstError);
    expect((error as TypstError).message).toContain('typst could not compile /reports/documents/broken/2019.pdf');
    expect((error as TypstError).diagnostics.length).toBeGreaterThan(0);
    expect(readdirSync(outDir, { recursive: true }).filter((f) => String(f).includes('broken'))).toEqual([]);
  }, 60_000);

  it('use the cores, but no more processes than the memory budget allows', () => {
    expect(pdfWorkerCount({ workers: 8, memoryMb: 100 * WORKER_MB })).toBe(8);
    expect(pdfWorkerCount({ workers: 8, memoryMb: 3 * WORKER_MB })).toBe(3);
    expect(pdfWorkerCount({ workers: 8, memoryMb: 10 })).toBe(1);
    expect(pdfWorkerCount({ memoryMb: 10 * WORKER_MB, settings: readSettings({ QINGDAN_PDF_WORKERS: '2' }) })).toBe(2);
    // QINGDAN_MEMORY_MB bounds the whole build: the workers get what this process does not hold.
    const own = process.memoryUsage.rss() / 2 ** 20;
    expect(
      pdfWorkerCount({
        settings: readSettings({ QINGDAN_PDF_WORKERS: '5', QINGDAN_MEMORY_MB: String(Math.round(own + 2 * WORKER_MB + 100)) }),
      }),
    ).toBe(2);
    expect(memoryBudgetMb(readSettings({ QINGDAN_MEMORY_MB: '2048' }), 1200)).toBe(848);
    expect(memoryBudgetMb(readSettings({ QINGDAN_MEMORY_MB: '2048' }), 1900)).toBe(MIN_WORKER_BUDGET_MB); // never nothing
    expect(pdfWorkerPath()).toMatch(/src\/outputs\/pdf\/worker\.mjs$/);
  });
});

describe('glyph coverage', () => {
  it('warns about them during the build instead of printing boxes silently', async () => {
    const portal = makePortal([
      {
        slug: 'emoji',
        regionCode: '542521',
        title: '表情测试',
        docNumber: null,
        issuer: null,
        reporting: 'annual',
        tasks: [{ number: '1', text: '任务。', units: [], reports: { '2019': { status: '已完成', progress: '完成🎉' } } }],
      },
    ]);
    const warnings: string[] = [];
    await buildReports({
      specs: reportsForPortal(portal).filter((s) => s.kind === 'document'),
      outDir: join(work, 'dist-emoji'),
      cache: new PdfCache(join(work, 'cache-emoji')),
      palette,
      generatedOn: '2026-03-04',
      warn: (w) => warnings.push(w),
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('U+1F389');
  });
});
