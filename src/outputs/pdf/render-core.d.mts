import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
export declare class TypstError extends Error {
  constructor(message: string, diagnostics: unknown[]);
  readonly diagnostics: unknown[];
}
export function createCompiler(fontBlobs: Uint8Array[]): NodeCompiler;
export function compileReport(
  compiler: NodeCompiler,
  source: string,
  options: { generatedOn: string; name?: string },
): { pdf: Buffer; pages: number; standard: 'ua-1' | 'tagged' };
