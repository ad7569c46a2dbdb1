// typst source → PDF bytes, shared by render.ts (in this process) and worker.mjs (child processes).
// Plain JavaScript on purpose: a forked child loads it with Node directly, outside Vite/Astro.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

export class TypstError extends Error {
  /**
   * @param {string} message
   * @param {unknown[]} diagnostics
   */
  constructor(message, diagnostics) {
    super(message);
    this.name = 'TypstError';
    this.diagnostics = diagnostics;
  }
}

/**
 * The template sets `fallback: false`, so the system fonts the compiler also indexes are never used
 * and the output does not depend on the build machine.
 * @param {Uint8Array[]} fontBlobs
 */
export function createCompiler(fontBlobs) {
  return NodeCompiler.create({ fontArgs: [{ fontBlobs }] });
}

/** @param {unknown[]} diags */
function describe(diags) {
  return diags
    .slice(0, 5)
    .map((d) => {
      const x = /** @type {{ message?: string; range?: string; severity?: string }} */ (d);
      return `${x.severity ?? 'error'}: ${x.message ?? JSON.stringify(d)}${x.range ? ` at ${x.range}` : ''}`;
    })
    .join('\n');
}

/**
 * Compiles one typst source to a tagged PDF. Throws TypstError with the compiler's diagnostics.
 * @param {NodeCompiler} compiler
 * @param {string} source
 * @param {{ generatedOn: string, name?: string }} options
 * @returns {{ pdf: Buffer, pages: number, standard: 'ua-1' | 'tagged' }}
 */
export function compileReport(compiler, source, options) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.generatedOn)) throw new Error(`generatedOn must be YYYY-MM-DD, got "${options.generatedOn}"`);
  try {
    const result = compiler.compile({ mainFileContent: source, inputs: { generated: options.generatedOn } });
    const doc = result.result;
    if (result.hasError() || !doc) {
      const err = result.takeError();
      const diags = err ? compiler.fetchDiagnostics(err) : [];
      throw new TypstError(`typst could not compile ${options.name ?? 'the report'}:\n${describe(diags)}`, diags);
    }
    const [y, m, d] = options.generatedOn.split('-').map(Number);
    // The creation date is the render date, not "now", so the bytes depend only on source and date.
    const creationTimestamp = Math.floor(Date.UTC(y, m - 1, d) / 1000);
    /** @type {Buffer} */
    let pdf;
    /** @type {'ua-1' | 'tagged'} */
    let standard = 'ua-1';
    try {
      // PDF/UA-1: tagged, with title and language checked by typst; screen readers get the structure.
      pdf = compiler.pdf(doc, { creationTimestamp, pdfStandard: /** @type {any} */ ('ua-1') });
    } catch {
      // Content typst cannot make UA-conformant still gets the default tagged PDF rather than no report.
      standard = 'tagged';
      pdf = compiler.pdf(doc, { creationTimestamp });
    }
    return { pdf, pages: doc.numOfPages, standard };
  } finally {
    // The compiler memoizes layouts across compilations; reports never share one, and a partial evict
    // left ~40 MB per report resident. Evicting everything after each compile is also faster.
    compiler.evictCache(0);
  }
}
