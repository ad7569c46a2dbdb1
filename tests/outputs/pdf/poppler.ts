// Shared by the PDF tests that compile: a scratch folder, a bare typst compiler for snippets, and poppler
// (pdfinfo, pdftotext, pdftohtml) on a file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { afterAll } from 'vitest';
import { fontBuffers } from '../../../src/build/fonts';

/** A scratch folder for the importing test file, removed after it. */
export const work = mkdtempSync(join(tmpdir(), 'qingdan-pdf-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fonts = fontBuffers();
/** A bare compiler with the embedded font, for snippets of markup. */
export const snippetCompiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: [fonts[400], fonts[700]] }] });

export function compileSnippet(body: string) {
  const src = `#set page(width: 16cm, height: auto, margin: 1cm)\n#set text(font: "Noto Sans SC", lang: "zh", fallback: false)\n${body}\n`;
  const res = snippetCompiler.compile({ mainFileContent: src });
  if (res.hasError() || !res.result) throw new Error(`snippet did not compile:\n${src}`);
  return res.result;
}

const QUIET = { encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
let fileNo = 0;
export function toFile(pdf: Buffer): string {
  const f = join(work, `f${fileNo++}.pdf`);
  writeFileSync(f, pdf);
  return f;
}
export const pdftotext = (file: string, first?: number, last?: number) =>
  execFileSync('pdftotext', [...(first ? ['-f', String(first), '-l', String(last ?? first)] : []), '-enc', 'UTF-8', file, '-'], QUIET);
/** The text in content-stream order: the lines of one table cell stay together, where the default layout interleaves the columns. */
export const pdftotextRaw = (file: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], QUIET);
// poppler warns "Suspects object is wrong type" about typst's (valid) /MarkInfo: keep stderr quiet.
export const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], QUIET);
export const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(file))![1]);
/**
 * The first `count` numbers of a table row in the PDF, read with pdftotext -layout: the first line holding
 * at least `count` numbers that contains `label` or follows it within two lines (a demo label can push the
 * numbers onto the line below the name). Lines that merely mention the label (the outline) are skipped.
 */
export function rowNumbers(file: string, label: string, count: number): number[] {
  const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], QUIET).split('\n');
  const numbersOf = (line: string) => [...line.replace(label, '').matchAll(/(?<![\d年])\d+(?![\d年])/g)].map((m) => Number(m[0]));
  for (const [i, line] of lines.entries()) {
    if (!line.includes(label)) continue;
    const row = lines
      .slice(i, i + 3)
      .map(numbersOf)
      .find((n) => n.length >= count);
    if (row) return row.slice(0, count);
  }
  throw new Error(`no row of ${count} numbers at ${label}`);
}
/** Link targets in a PDF, as pdftohtml sees them. */
export const pdfLinks = (file: string) =>
  [...execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8' }).matchAll(/<a href="([^"]+)"/g)].map(
    (m) => m[1],
  );

/** Text of a snippet as poppler extracts it, whitespace removed (pdftotext spaces and wraps at will). */
export const snippetText = (body: string) => pdftotext(toFile(snippetCompiler.pdf(compileSnippet(body)))).replace(/\s+/g, '');

export const CLOSING = /^[，。、；：？！）》」』】”]/;

/**
 * The text at the start of each visual line. pdftotext splits a line where typst hangs a 。 into the
 * margin, so a poppler "line" that sits on the same baseline right after another one is a continuation.
 */
export function lineStarts(file: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const out: string[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
      x0: Number(m[1]),
      y: Number(m[2]),
      x1: Number(m[3]),
      text: [...m[4].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    }));
    for (const l of lines) {
      const continues = lines.some((o) => o !== l && Math.abs(o.y - l.y) < 1 && o.x0 < l.x0 && l.x0 - o.x1 < 12);
      if (!continues) out.push(l.text);
    }
  }
  return out;
}
