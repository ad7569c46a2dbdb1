// Typst source → PDF bytes with @myriaddreamin/typst-ts-node-compiler, offline. The build compiles in
// child processes (pipeline.ts, worker.mjs); this in-process renderer is for tests and one-off use.
// Both go through render-core.mjs, so the same source and date give the same bytes either way.
// Fonts are passed as blobs from src/build/fonts.ts.
import { createRequire } from 'node:module';
import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { fontBuffers, fontVersion } from '../../build/fonts';
import { compileReport, createCompiler, TypstError } from './render-core.mjs';

let compiler: NodeCompiler | null = null;

function getCompiler(): NodeCompiler {
  if (!compiler) {
    const fonts = fontBuffers();
    compiler = createCompiler([fonts[400], fonts[700]]);
  }
  return compiler;
}

/** The compiler package version: part of the cache key, since a new typst may lay out differently. */
export function engineVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@myriaddreamin/typst-ts-node-compiler/package.json') as { version: string }).version;
}

export { fontVersion, TypstError };

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  ms: number;
  /** CPU time of the compiling process during the compile: wall time says little on a busy build machine. */
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

/** Compiles one typst source to a tagged PDF in this process. Throws TypstError with the compiler's diagnostics. */
export function renderTypst(source: string, options: RenderOptions): RenderResult {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const r = compileReport(getCompiler(), source, options);
  const used = process.cpuUsage(cpu);
  return { ...r, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}
