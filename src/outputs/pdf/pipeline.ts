// The PDF phase of the build, without Astro: specs → typst source → cache or render → files under outDir.
// integration.ts is a thin wrapper; tests call this directly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fontVersion } from '../fonts';
import { PdfCache, reportKey } from './cache';
import { missingGlyphs } from './glyphs';
import { engineVersion, renderTypst } from './render';
import type { ReportSpec } from './report-model';
import { reportSource, TEMPLATE_VERSION, type Palette } from './typst-source';

export interface ReportOutcome {
  path: string;
  file: string;
  key: string;
  cached: boolean;
  /** Compile time (wall, and CPU of this process); 0 for a cache hit. */
  ms: number;
  cpuMs: number;
  /** Page count; null for a cache hit (not worth parsing the PDF for). */
  pages: number | null;
  bytes: number;
  /** PDF/UA-1, or the default tagged PDF where typst refused UA; null for a cache hit. */
  standard: 'ua-1' | 'tagged' | null;
}

export interface BuildReportsOptions {
  specs: ReportSpec[];
  /** The build output folder (dist/): a spec path /reports/x.pdf lands at outDir/reports/x.pdf. */
  outDir: string;
  cache: PdfCache;
  palette: Palette;
  /** YYYY-MM-DD, shown on the cover of reports rendered now. */
  generatedOn: string;
  /** One line per report and a summary; the integration passes Astro's logger. */
  log?: (line: string) => void;
  /** Problems that do not stop the build (characters the font cannot draw). */
  warn?: (line: string) => void;
}

export interface BuildReportsResult {
  outcomes: ReportOutcome[];
  rendered: number;
  cached: number;
  ms: number;
}

export function buildReports(options: BuildReportsOptions): BuildReportsResult {
  const { specs, outDir, cache, palette, generatedOn, log = () => {}, warn = log } = options;
  const started = performance.now();
  const versions = { templateVersion: TEMPLATE_VERSION, fontVersion: fontVersion(), engineVersion: engineVersion() };
  const seen = new Set<string>();
  const outcomes: ReportOutcome[] = [];
  const width = String(specs.length).length;

  specs.forEach((spec, i) => {
    if (!/^\/reports\/[^?#]+\.pdf$/.test(spec.path) || spec.path.includes('..')) throw new Error(`report path "${spec.path}" is not under /reports/`);
    if (seen.has(spec.path)) throw new Error(`two reports for ${spec.path}`);
    seen.add(spec.path);
    const source = reportSource(spec, palette);
    const key = reportKey({ source, ...versions });
    const file = join(outDir, ...spec.path.split('/').filter(Boolean));
    let pdf = cache.get(key);
    let outcome: ReportOutcome;
    if (pdf) {
      outcome = { path: spec.path, file, key, cached: true, ms: 0, cpuMs: 0, pages: null, bytes: pdf.length, standard: null };
    } else {
      const missing = missingGlyphs(source);
      if (missing.length) warn(`${spec.path.slice(1)}: the font has no glyph for ${missing.map((c) => `"${c}" U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}; they print as empty boxes`);
      const r = renderTypst(source, { generatedOn, name: spec.path });
      pdf = r.pdf;
      cache.put(key, pdf);
      outcome = { path: spec.path, file, key, cached: false, ms: r.ms, cpuMs: r.cpuMs, pages: r.pages, bytes: pdf.length, standard: r.standard };
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pdf);
    outcomes.push(outcome);
    const n = String(i + 1).padStart(width, ' ');
    log(
      `[${n}/${specs.length}] ${spec.path.slice(1)} ${outcome.cached ? 'cached' : `rendered in ${Math.round(outcome.ms)} ms (CPU ${Math.round(outcome.cpuMs)} ms), ${outcome.pages} pages${outcome.standard === 'tagged' ? ', not PDF/UA-1' : ''}`}, ${Math.round(outcome.bytes / 1024)} KB`,
    );
  });

  const rendered = outcomes.filter((o) => !o.cached).length;
  const ms = performance.now() - started;
  log(`${outcomes.length} reports: ${rendered} rendered, ${outcomes.length - rendered} from cache (${cache.dir}) in ${(ms / 1000).toFixed(1)} s`);
  return { outcomes, rendered, cached: outcomes.length - rendered, ms };
}
