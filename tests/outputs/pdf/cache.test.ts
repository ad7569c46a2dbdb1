// The PDF cache (cache.ts): where it lives, what its keys cover, and how a rebuild uses it.
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readSettings } from '../../../src/config';
import { parsePeriod } from '../../../src/domain/periods';
import { documentReportUrl, regionReportUrl } from '../../../src/domain/urls';
import { PdfCache, pdfCacheDir, pdfTemplateVersion, reportContent, reportKey, TEMPLATE_FILES } from '../../../src/outputs/pdf/cache';
import { palette } from '../../../src/outputs/pdf/palette';
import { buildReports } from '../../../src/outputs/pdf/pipeline';
import { reportsForPortal } from '../../../src/outputs/pdf/report-model';
import type { ReportSpec } from '../../../src/outputs/pdf/report-spec';
import { TEMPLATE_VERSION } from '../../../src/outputs/pdf/typst-source';
import { smallPortal } from '../../fixtures/portal-pdf';
import { repoPath } from '../../helpers/repo';
import { work } from './poppler';

// Real typst compiles: generous limits for a busy CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('cache', () => {
  it('lives in QINGDAN_CACHE_DIR/pdf or .cache/qingdan/pdf', () => {
    expect(pdfCacheDir('/r', readSettings({}))).toBe('/r/.cache/qingdan/pdf');
    expect(pdfCacheDir('/r', readSettings({ QINGDAN_CACHE_DIR: '/c' }))).toBe('/c/pdf');
    expect(pdfCacheDir('/r', readSettings({ QINGDAN_CACHE_DIR: 'rel' }))).toBe('/r/rel/pdf');
  });

  it('keys on content, template, font and engine', () => {
    const base = { content: 'a', templateVersion: '1', fontVersion: 'f', engineVersion: 'e' };
    const k = reportKey(base);
    expect(reportKey({ ...base })).toBe(k);
    for (const change of [{ content: 'b' }, { templateVersion: '2' }, { fontVersion: 'g' }, { engineVersion: 'x' }])
      expect(reportKey({ ...base, ...change })).not.toBe(k);
  });

  it('the content is the spec and the palette', () => {
    const [spec] = reportsForPortal(smallPortal());
    const content = reportContent(spec, palette);
    expect(reportContent(reportsForPortal(smallPortal())[0], palette)).toBe(content);
    expect(reportContent({ ...spec, title: `${spec.title}（修订）` }, palette)).not.toBe(content);
    expect(reportContent(spec, { ...palette, 已完成: { bg: '#000000', fg: '#ffffff' } })).not.toBe(content);
  });

  it('the template version covers TEMPLATE_VERSION and the template code, read from real files', () => {
    const version = pdfTemplateVersion(TEMPLATE_VERSION);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(pdfTemplateVersion(`${TEMPLATE_VERSION}+1`)).not.toBe(version);
    for (const file of TEMPLATE_FILES) expect(existsSync(repoPath('src', 'outputs', 'pdf', file)), file).toBe(true);
  });

  it('renders on a miss, reuses on a hit, and re-renders only what changed', async () => {
    const cacheDir = join(work, 'cache');
    const cache = new PdfCache(cacheDir);
    const outDir = join(work, 'dist');
    const run = (specs: ReportSpec[]) => buildReports({ specs, outDir, cache, palette, generatedOn: '2026-03-04' });

    const specs = reportsForPortal(smallPortal());
    const first = await run(specs);
    expect(first.rendered).toBe(specs.length);
    expect(readFileSync(join(outDir, 'reports/regions/542500/2019.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.pdf'))).toHaveLength(specs.length);

    const lines: string[] = [];
    const second = await buildReports({ specs, outDir, cache, palette, generatedOn: '2026-03-05', log: (l) => lines.push(l) });
    expect(second.workers.started).toBe(0);
    expect(second.rendered).toBe(0);
    expect(second.cached).toBe(specs.length);
    expect(lines.at(-1)).toMatch(new RegExp(`0 rendered, ${specs.length} from cache`));

    // A new status for the county's plan changes that document's 2019 report and the region reports above it.
    const changed = smallPortal();
    const tv = changed.tasks.find((t) => t.task.documentSlug === 'pulan-zhenggai')!;
    const q4 = tv.timeline.find((s) => s.period.id === '2019-Q4')!;
    q4.status = '已完成';
    q4.report = { ...tv.timeline[0].report!, period: parsePeriod('2019-Q4'), status: '已完成', progress: '复核完成。' };
    const third = await run(reportsForPortal(changed));
    expect(
      third.outcomes
        .filter((o) => !o.cached)
        .map((o) => o.path)
        .sort(),
    ).toEqual(
      [
        documentReportUrl('pulan-zhenggai', '2019'),
        regionReportUrl('540000', '2019'),
        regionReportUrl('542500', '2019'),
        regionReportUrl('542521', '2019'),
      ].sort(),
    );
  }, 60_000);

  it('treats a damaged entry as a miss, reports it and removes it', () => {
    const cache = new PdfCache(join(work, 'cache2'));
    const key = 'ab'.repeat(16);
    cache.put(key, Buffer.from('%PDF-1.7 fake'));
    expect(cache.get(key)?.toString()).toBe('%PDF-1.7 fake');
    // Same length, other bytes: only the hash tells.
    writeFileSync(join(cache.dir, `${key}.pdf`), '%PDF-1.7 fakf');
    const damaged: string[] = [];
    expect(cache.has(key, (k) => damaged.push(k))).toBeNull();
    expect(damaged).toEqual([key]);
    expect(existsSync(join(cache.dir, `${key}.pdf`))).toBe(false);
    expect(() => cache.get('../x')).toThrow();
  });

  it('prunes entries unused for long, by their last use, with their hashes', () => {
    const cache = new PdfCache(join(work, 'cache3'));
    const [used, unused] = ['cd'.repeat(16), 'ef'.repeat(16)];
    cache.put(used, Buffer.from('%PDF-1.7 a'));
    cache.put(unused, Buffer.from('%PDF-1.7 b'));
    const old = new Date(Date.now() - 40 * 86_400_000);
    for (const key of [used, unused]) for (const f of [`${key}.pdf`, `${key}.pdf.sha256`]) utimesSync(join(cache.dir, f), old, old);
    const pdfTime = statSync(join(cache.dir, `${used}.pdf`)).mtimeMs;
    expect(cache.get(used)).not.toBeNull(); // a use: its hash file's time, not the PDF's (published by its time)
    expect(statSync(join(cache.dir, `${used}.pdf`)).mtimeMs).toBe(pdfTime);
    expect(cache.prune(30)).toBe(1);
    expect(readdirSync(cache.dir).sort()).toEqual([`${used}.pdf`, `${used}.pdf.sha256`]);
  });
});
