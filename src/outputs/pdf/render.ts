// Typst source → PDF bytes with @myriaddreamin/typst-ts-node-compiler, in process and offline. Fonts are
// passed as blobs from src/outputs/fonts.ts; the template sets `fallback: false`, so the system fonts the
// compiler also indexes are never used and the output does not depend on the build machine.
import { createRequire } from 'node:module';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { fontBuffers, fontVersion } from '../fonts';

let compiler: NodeCompiler | null = null;
let compiles = 0;

function getCompiler(): NodeCompiler {
  if (!compiler) {
    const fonts = fontBuffers();
    compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: [fonts[400], fonts[700]] }] });
  }
  return compiler;
}

/** The compiler package version: part of the cache key, since a new typst may lay out differently. */
export function engineVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@myriaddreamin/typst-ts-node-compiler/package.json') as { version: string }).version;
}

export { fontVersion };

export class TypstError extends Error {
  constructor(
    message: string,
    readonly diagnostics: unknown[],
  ) {
    super(message);
    this.name = 'TypstError';
  }
}

function describe(diags: unknown[]): string {
  return diags
    .slice(0, 5)
    .map((d) => {
      const x = d as { message?: string; range?: string; path?: string; severity?: string };
      return `${x.severity ?? 'error'}: ${x.message ?? JSON.stringify(d)}${x.range ? ` at ${x.range}` : ''}`;
    })
    .join('\n');
}

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  ms: number;
  /** CPU time of this process during the compile: wall time says little on a busy build machine. */
  cpuMs: number;
  /** 'ua-1' when PDF/UA-1 export succeeded, else the default tagged PDF. */
  standard: 'ua-1' | 'tagged';
}

export interface RenderOptions {
  /** Shown on the cover and written as the PDF date: YYYY-MM-DD. */
  generatedOn: string;
  /** Name for error messages. */
  name?: string;
}

/** Compiles one typst source to a tagged PDF. Throws TypstError with the compiler's diagnostics. */
export function renderTypst(source: string, options: RenderOptions): RenderResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.generatedOn)) throw new Error(`generatedOn must be YYYY-MM-DD, got "${options.generatedOn}"`);
  const c = getCompiler();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const inputs = { generated: options.generatedOn };
  const result = c.compile({ mainFileContent: source, inputs });
  const doc = result.result;
  if (result.hasError() || !doc) {
    const err = result.takeError();
    const diags = err ? c.fetchDiagnostics(err) : [];
    throw new TypstError(`typst could not compile ${options.name ?? 'the report'}:\n${describe(diags)}`, diags);
  }
  const [y, m, d] = options.generatedOn.split('-').map(Number);
  // The creation date is the render date, not "now", so the bytes depend only on source and date.
  const creationTimestamp = Math.floor(Date.UTC(y, m - 1, d) / 1000);
  let pdf: Buffer;
  let standard: RenderResult['standard'] = 'ua-1';
  try {
    // PDF/UA-1: tagged, with title and language checked by typst; screen readers get the structure.
    pdf = c.pdf(doc, { creationTimestamp, pdfStandard: 'ua-1' });
  } catch {
    // Content typst cannot make UA-conformant still gets the default tagged PDF rather than no report.
    standard = 'tagged';
    pdf = c.pdf(doc, { creationTimestamp });
  }
  const pages = doc.numOfPages;
  // The compiler memoizes across compilations; evict now and then so thousands of reports stay flat in memory.
  if (++compiles % 25 === 0) c.evictCache(10);
  const used = process.cpuUsage(cpu);
  return { pdf, pages, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, standard };
}
