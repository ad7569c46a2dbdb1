// The fault suite's run: one temporary folder for every workspace, cache and site of the run (handed to
// the test files as inject('faultsDir')), and at the end the table of what was tried and whether the
// portal held. QINGDAN_FAULTS_KEEP=1 keeps the folder to look at.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { resultsFile, type Row } from './helpers/results';

declare module 'vitest' {
  interface ProvidedContext {
    faultsDir: string;
  }
}

export function table(rows: readonly Row[]): string {
  const head = ['case', 'what was tried', 'result'];
  const body = rows.map((r) => [r.case, r.tried, r.held ? 'held' : `LEAKED: ${r.detail ?? ''}`]);
  const width = (i: number) => Math.max(head[i]!.length, ...body.map((b) => b[i]!.length));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(width(i))).join(' | ')} |`;
  return [line(head), `|${head.map((_, i) => '-'.repeat(width(i) + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-faults-'));
  project.provide('faultsDir', dir);
  const started = performance.now();
  return () => {
    const file = resultsFile(dir);
    const rows: Row[] = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Row)
      : [];
    const leaked = rows.filter((r) => !r.held);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(
      `\n[faults] ${rows.length} checks in ${seconds} s: ${rows.length - leaked.length} held, ${leaked.length} LEAKED\n${table(rows)}\n`,
    );
    if (process.env.QINGDAN_FAULTS_KEEP === '1') console.log(`[faults] kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
    if (leaked.length)
      throw new Error(`fault suite: ${leaked.length} check(s) LEAKED: ${leaked.map((r) => `${r.case} (${r.tried})`).join('; ')}`);
  };
}
